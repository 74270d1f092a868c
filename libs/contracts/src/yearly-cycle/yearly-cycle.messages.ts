import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AssessmentInit,
  AssessmentResult,
  AssessmentStatusView,
  BallotBoxInit,
  BallotBoxView,
  CastCommand,
  ComplianceView,
  ConflictCommand,
  ElectionTally,
  LateDecisionCommand,
  LateRegistrationCommand,
  PeerAssessmentCommand,
  PhaseCode,
  ProgressCommand,
  RankingRow,
  RegistrationInit,
  RuleSetContent,
  SelfAssessmentCommand,
  SigningMember,
  SubmitRegistrationCommand,
  VoteTally,
} from '@epw/domain';
import type { ClockSpec, ReminderSpec } from '../reminders/reminders.activities';

export const EMULATION_CYCLE_WORKFLOW_TYPE = 'emulationCycleWorkflow';
export const CYCLE_SCHEDULER_WORKFLOW_TYPE = 'cycleSchedulerWorkflow';

export interface CyclePhasePlan {
  phase: PhaseCode;
  opensOn: string;
  closesOn: string;
  /** Real instants on the cycle's (possibly accelerated) clock. */
  opensAt: string;
  closesAt: string;
}

export interface EmulationCycleInput {
  cycleId: string;
  clusterId: string;
  clusterCode: string;
  clusterName: string;
  movementCode: string;
  periodLabel: string;
  members: SigningMember[];
  headUnitId: string;
  /** Decides the head's own late registration; absent in inputs recorded before it existed. */
  deputyUnitId?: string | null;
  rules: RuleSetContent;
  phases: CyclePhasePlan[];
  pledge: { items: string[]; contentHash: string };
  /** The year whose head and deputy the election chooses. */
  nextPeriodYear: number;
  startedBy: string | null;
  /** The cycle's clock, for reminders in working days on an accelerated calendar. */
  clock?: ClockSpec;
}

export interface EmulationCycleResult {
  cycleId: string;
  ranking: RankingRow[];
  acclaimed: string[];
  electedHeadUnitId: string;
  electedDeputyUnitId: string | null;
}

export interface PhaseView {
  phase: PhaseCode;
  status: 'PENDING' | 'OPEN' | 'CLOSED';
  opensOn: string;
  closesOn: string;
  opensAt: string;
  closesAt: string;
}

export interface CycleStatusView {
  cycleId: string;
  phases: PhaseView[];
  acclaimed: string[];
  completed: boolean;
}

export type RegistrationWorkflowInput = RegistrationInit & { reminders?: ReminderSpec };
export type AssessmentWorkflowInput = AssessmentInit & { reminders?: ReminderSpec };
export interface VoteWorkflowInput extends BallotBoxInit {
  reminders?: ReminderSpec;
  /** Calendar date of the vote (the phase's closing date), for the ballot-count minutes. */
  heldOn?: string;
  vote: RuleSetContent['vote'];
  clusterName: string;
  periodLabel: string;
}
export interface ElectionWorkflowInput extends BallotBoxInit {
  reminders?: ReminderSpec;
  clusterId: string;
  nextPeriodYear: number;
}

export interface ApprovalBallot {
  approve: string[];
}
export interface ElectionChoice {
  headUnitId: string;
  deputyUnitId: string;
}
export interface ElectionResult {
  tally: ElectionTally | null;
  headUnitId: string;
  deputyUnitId: string | null;
  carriedOver: boolean;
}

export interface CycleSchedulerInput {
  clusterCode: string;
  movementCode: string;
  movementName: string;
  ruleSetCode: string;
  calendarScale: number;
}

export const cycleStatusQuery = defineQuery<CycleStatusView>('cycleStatus');

export const submitRegistrationUpdate = defineUpdate<ComplianceView, [SubmitRegistrationCommand]>(
  'submitRegistration',
);
export const requestLateRegistrationUpdate = defineUpdate<
  ComplianceView,
  [LateRegistrationCommand]
>('requestLateRegistration');
export const decideLateRegistrationUpdate = defineUpdate<ComplianceView, [LateDecisionCommand]>(
  'decideLateRegistration',
);
export const complianceQuery = defineQuery<ComplianceView>('compliance');

export const declareConflictUpdate = defineUpdate<AssessmentStatusView, [ConflictCommand]>(
  'declareConflict',
);
export const submitSelfAssessmentUpdate = defineUpdate<
  AssessmentStatusView,
  [SelfAssessmentCommand]
>('submitSelfAssessment');
export const submitPeerAssessmentUpdate = defineUpdate<
  AssessmentStatusView,
  [PeerAssessmentCommand]
>('submitPeerAssessment');
export const submitProgressUpdate = defineUpdate<AssessmentStatusView, [ProgressCommand]>(
  'submitProgress',
);
export const assessmentStatusQuery = defineQuery<AssessmentStatusView>('assessmentStatus');

export const castVoteUpdate = defineUpdate<BallotBoxView, [CastCommand<ApprovalBallot>]>(
  'castVote',
);
export const castElectionBallotUpdate = defineUpdate<BallotBoxView, [CastCommand<ElectionChoice>]>(
  'castElectionBallot',
);
export const ballotBoxQuery = defineQuery<BallotBoxView>('ballotBox');

export type { AssessmentResult, VoteTally };
