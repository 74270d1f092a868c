import { Injectable } from '@nestjs/common';
import type {
  AssessmentEvent,
  AssessmentResultEvent,
  BallotEvent,
  ConflictEvent,
  CycleActivities,
  CycleSchedulerInput,
  ElectionResultEvent,
  EmulationCycleInput,
  LateDecisionEvent,
  PhaseEvent,
  ProgressEvent,
  RecordedAt,
  RegistrationClosedEvent,
  RegistrationEvent,
  VoteResultEvent,
} from '@epw/contracts';
import { CyclePlanner, CycleRecordsRepository } from '@epw/data-access';

const recorded = (at: Date): RecordedAt => ({ recordedAt: at.toISOString() });

/** The yearly cycle's activities: one persisted, audited, idempotent write each. */
@Injectable()
export class CycleActivitiesImpl implements CycleActivities {
  constructor(
    private readonly records: CycleRecordsRepository,
    private readonly planner: CyclePlanner,
  ) {}

  async recordPhase(e: PhaseEvent) {
    return recorded(await this.records.recordPhase(e));
  }
  async recordRegistration(e: RegistrationEvent) {
    return recorded(await this.records.recordRegistration(e));
  }
  async recordLateDecision(e: LateDecisionEvent) {
    return recorded(await this.records.recordLateDecision(e));
  }
  async recordRegistrationClosed(e: RegistrationClosedEvent) {
    return recorded(await this.records.recordRegistrationClosed(e));
  }
  async recordConflict(e: ConflictEvent) {
    return recorded(await this.records.recordConflict(e));
  }
  async recordAssessment(e: AssessmentEvent) {
    return recorded(await this.records.recordAssessment(e));
  }
  async recordProgress(e: ProgressEvent) {
    return recorded(await this.records.recordProgress(e));
  }
  async recordAssessmentResult(e: AssessmentResultEvent) {
    return recorded(await this.records.recordAssessmentResult(e));
  }
  async recordBallot(e: BallotEvent) {
    return recorded(await this.records.recordBallot(e));
  }
  async recordVoteResult(e: VoteResultEvent) {
    return recorded(await this.records.recordVoteResult(e));
  }
  async recordElectionResult(e: ElectionResultEvent) {
    return recorded(await this.records.recordElectionResult(e));
  }
  async recordCycleCompleted(e: { eventKey: string; cycleId: string; actorUserId: string | null }) {
    return recorded(await this.records.recordCycleCompleted(e));
  }
  prepareScheduledCycle(
    input: CycleSchedulerInput & { year: number },
  ): Promise<EmulationCycleInput> {
    return this.planner.prepareScheduled(input, Date.now());
  }
}

/** Local activity behind the workflows' calendar: they never read a clock themselves. */
@Injectable()
export class ClockActivitiesImpl {
  currentTime(): Promise<string> {
    return Promise.resolve(new Date().toISOString());
  }
}
