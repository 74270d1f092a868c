import type {
  AssessmentResult,
  ElectionTally,
  InitiativeInput,
  PhaseCode,
  ProgressItem,
  RegistrationStatus,
  VoteTally,
} from '@epw/domain';
import type { RecordedAt } from '../pledge-signing/pledge-signing.activities';
import type { CycleSchedulerInput, EmulationCycleInput } from './yearly-cycle.messages';

interface CycleEvent {
  eventKey: string;
  cycleId: string;
  actorUserId: string | null;
}

export interface PhaseEvent extends CycleEvent {
  phase: PhaseCode;
  status: 'OPEN' | 'CLOSED';
}

export interface RegistrationEvent extends CycleEvent {
  unitId: string;
  status: RegistrationStatus;
  late: boolean;
  revision: number;
  titles: string[];
  initiatives: InitiativeInput[];
  lateReason?: string;
}

export interface LateDecisionEvent extends CycleEvent {
  unitId: string;
  approve: boolean;
  note: string;
}

export interface RegistrationClosedEvent extends CycleEvent {
  missingUnitIds: string[];
}

export interface ConflictEvent extends CycleEvent {
  stage: 'INTERIM' | 'FINAL';
  assessorUnitId: string;
  subjectUnitId: string;
  reason: string;
}

export interface AssessmentEvent extends CycleEvent {
  stage: 'INTERIM' | 'FINAL';
  assessorUnitId: string;
  subjectUnitId: string;
  scores: Record<string, number>;
  total: number;
  evidence?: string;
}

export interface ProgressEvent extends CycleEvent {
  unitId: string;
  items: ProgressItem[];
}

export interface AssessmentResultEvent extends CycleEvent {
  result: AssessmentResult;
}

export interface BallotEvent extends CycleEvent {
  kind: 'VOTE' | 'ELECTION';
  voterUnitId: string;
  content: unknown;
  written: boolean;
}

export interface VoteResultEvent extends CycleEvent {
  tally: VoteTally;
  minutes: string;
}

export interface ElectionResultEvent extends CycleEvent {
  clusterId: string;
  nextPeriodYear: number;
  memberUnitIds: string[];
  headUnitId: string;
  deputyUnitId: string | null;
  tally: ElectionTally | null;
  carriedOver: boolean;
}

export interface CycleActivities {
  recordPhase(event: PhaseEvent): Promise<RecordedAt>;
  recordRegistration(event: RegistrationEvent): Promise<RecordedAt>;
  recordLateDecision(event: LateDecisionEvent): Promise<RecordedAt>;
  recordRegistrationClosed(event: RegistrationClosedEvent): Promise<RecordedAt>;
  recordConflict(event: ConflictEvent): Promise<RecordedAt>;
  recordAssessment(event: AssessmentEvent): Promise<RecordedAt>;
  recordProgress(event: ProgressEvent): Promise<RecordedAt>;
  recordAssessmentResult(event: AssessmentResultEvent): Promise<RecordedAt>;
  recordBallot(event: BallotEvent): Promise<RecordedAt>;
  recordVoteResult(event: VoteResultEvent): Promise<RecordedAt>;
  recordElectionResult(event: ElectionResultEvent): Promise<RecordedAt>;
  recordCycleCompleted(event: CycleEvent): Promise<RecordedAt>;
  /** Creates (idempotently) this year's cycle of a scheduled cluster and movement, with its phase
   * plan, and returns the cycle workflow's input. */
  prepareScheduledCycle(
    input: CycleSchedulerInput & { year: number },
  ): Promise<EmulationCycleInput>;
}

/** Local activity: workflow code never reads a clock; it asks once per calendar step. */
export interface ClockActivities {
  currentTime(): Promise<string>;
}
