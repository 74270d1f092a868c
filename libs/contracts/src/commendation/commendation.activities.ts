import type { AnonymousCount, CouncilTally, NominationStatus } from '@epw/domain';
import type { ClockSpec, DeadlineSpec } from '../reminders/reminders.activities';
import type { RecordedAt } from '../pledge-signing/pledge-signing.activities';

export interface NominationEvent {
  eventKey: string;
  nominationId: string;
  actorUserId: string | null;
  actorUnitId: string | null;
  stepIndex: number;
  stepKey: string;
  round: number;
}

/** A step opened: the read model shows where the nomination is and until when. */
export interface StepOpenedEvent extends NominationEvent {
  status: NominationStatus;
  /** The SLA (or posting period) in working days on the nomination's calendar. */
  workingDays: number;
  clock: ClockSpec;
}

/** An action on the nomination and the state it left the nomination in. */
export interface NominationActionEvent extends NominationEvent {
  /** Number of actions applied so far: the read model only moves forward. */
  seq: number;
  action: string;
  reason: string | null;
  status: NominationStatus;
  nextStepIndex: number;
  nextStepKey: string | null;
  closedReason: string | null;
}

export interface ObjectionEvent extends NominationEvent {
  objectionId: string;
  text: string;
}

export interface ObjectionResolvedEvent extends NominationEvent {
  objectionId: string;
  upheld: boolean;
  resolution: string;
}

/** A member took part in a council vote (secret ballot): who, in person or in writing, and the
 * choice sealed for this member and vote, opened only to add it to the anonymous tally. Runs from
 * before sealed ballots send `approve` instead. */
export interface CouncilBallotEvent extends NominationEvent {
  memberUserId: string;
  written: boolean;
  sealedBallot?: string;
  approve?: boolean;
}

/** One council vote: a nomination's vote step in one round. */
export interface CouncilVoteRef {
  nominationId: string;
  stepIndex: number;
  round: number;
}

export interface CouncilResultEvent extends NominationEvent {
  tally: CouncilTally;
  minutes: string;
}

export interface IssuedAward {
  nominationId: string;
  awardId: string;
  workflowId: string;
}

/**
 * A step's opening with its deadline, in one activity: the deadline of the step left is closed
 * (its pending reminders removed), the opening recorded (its due instant computed), and the new
 * step's deadline scheduled with that instant. Each part is idempotent, so a retry repeats none.
 */
export interface StepTransition {
  open: StepOpenedEvent;
  closeDeadlineId: string | null;
  /** The new step's deadline; its `dueAt` is the opening's due instant. */
  deadline: Omit<DeadlineSpec, 'dueAt'> | null;
}

export interface NominationActivities {
  /** Records the step's opening and returns its due instant (working days, holidays from the DB). */
  openNominationStep(e: StepOpenedEvent): Promise<{ dueAt: string; openedAt: string }>;
  /** The same opening, closing the previous deadline and scheduling the new one (see above). */
  advanceNominationStep(t: StepTransition): Promise<{ dueAt: string; openedAt: string }>;
  recordNominationAction(e: NominationActionEvent): Promise<RecordedAt>;
  recordObjection(e: ObjectionEvent): Promise<RecordedAt>;
  recordObjectionResolution(e: ObjectionResolvedEvent): Promise<RecordedAt>;
  /** Records the participation and adds the choice to the vote's anonymous tally, in one
   * transaction; the result says nothing about the choice. */
  recordCouncilBallot(e: CouncilBallotEvent): Promise<RecordedAt>;
  /** The vote's anonymous tally (counts only), for the ballot count. */
  countCouncilVote(v: CouncilVoteRef): Promise<AnonymousCount>;
  recordCouncilResult(e: CouncilResultEvent): Promise<RecordedAt>;
  /** One transaction: the decision becomes ISSUED and each recipient gets its award (serial,
   * verification code). Idempotent: a retry returns the awards already created. */
  issueDecision(input: {
    eventKey: string;
    decisionId: string;
    actorUserId: string;
  }): Promise<{ number: string; signedOn: string; awards: IssuedAward[] }>;
}
