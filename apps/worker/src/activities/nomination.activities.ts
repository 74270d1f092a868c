import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import type {
  CouncilBallotEvent,
  CouncilResultEvent,
  CouncilVoteRef,
  NominationActionEvent,
  NominationActivities,
  ObjectionEvent,
  ObjectionResolvedEvent,
  RecordedAt,
  StepOpenedEvent,
  StepTransition,
} from '@epw/contracts';
import { NominationRecordsRepository } from '@epw/data-access';
import { DomainException } from '@epw/domain';
import { ReminderScheduler } from '@epw/notifications';
import { BallotSeal } from '@epw/temporal';

const recorded = (at: Date): RecordedAt => ({ recordedAt: at.toISOString() });

/** A broken rule will not heal by retrying: fail the activity for good, with the rule's code. */
async function nonRetryableRules<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof DomainException) {
      throw ApplicationFailure.nonRetryable(err.message, err.code, err.params);
    }
    throw err;
  }
}

/** The nomination and decision activities: persisted, audited, idempotent writes. */
@Injectable()
export class NominationActivitiesImpl implements NominationActivities {
  private readonly seal: BallotSeal;

  constructor(
    private readonly records: NominationRecordsRepository,
    private readonly reminders: ReminderScheduler,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.seal = BallotSeal.fromConfig(config);
  }

  async openNominationStep(e: StepOpenedEvent) {
    const { dueAt, openedAt } = await this.records.openStep(e);
    return { dueAt: dueAt.toISOString(), openedAt: openedAt.toISOString() };
  }
  /** Close, open, schedule: each idempotent (audit event key, deadline status, job ids), so a
   * retry after a partial attempt completes it without doubling anything. */
  async advanceNominationStep(t: StepTransition) {
    if (t.closeDeadlineId) await this.reminders.close(t.closeDeadlineId);
    const opened = await this.openNominationStep(t.open);
    if (t.deadline) await this.reminders.schedule({ ...t.deadline, dueAt: opened.dueAt });
    return opened;
  }
  async recordNominationAction(e: NominationActionEvent) {
    return recorded(await this.records.recordAction(e));
  }
  async recordObjection(e: ObjectionEvent) {
    return recorded(await this.records.recordObjection(e));
  }
  async recordObjectionResolution(e: ObjectionResolvedEvent) {
    return recorded(await this.records.recordObjectionResolution(e));
  }
  /** Opens the sealed choice only to add it to the anonymous tally; it is in no log, no result
   * and no error. A seal that does not open (keys differ between the API and the worker) is
   * retried until the configuration is fixed: the member was told the ballot was taken. */
  async recordCouncilBallot(e: CouncilBallotEvent) {
    const { sealedBallot, approve: clear, ...participation } = e;
    const approve =
      sealedBallot !== undefined
        ? this.seal.open(
            { nominationId: e.nominationId, memberUserId: e.memberUserId },
            sealedBallot,
          )
        : clear;
    if (approve === undefined) {
      throw ApplicationFailure.nonRetryable('a council ballot without a choice', 'BALLOT_EMPTY');
    }
    return recorded(await this.records.recordCouncilBallot(participation, approve));
  }
  async countCouncilVote(v: CouncilVoteRef) {
    return this.records.councilVoteCount(v);
  }
  async recordCouncilResult(e: CouncilResultEvent) {
    return recorded(await this.records.recordCouncilResult(e));
  }
  issueDecision(input: { eventKey: string; decisionId: string; actorUserId: string }) {
    return nonRetryableRules(() => this.records.issueDecision(input));
  }
}
