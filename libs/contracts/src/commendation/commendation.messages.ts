import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  CouncilBallotCommand,
  NominationInit,
  NominationSnapshot,
  NominationView,
  ObjectionCommand,
  ResolveObjectionCommand,
  ResubmitCommand,
  StepActionCommand,
  WithdrawCommand,
} from '@epw/domain';
import type { ClockSpec } from '../reminders/reminders.activities';

export const NOMINATION_WORKFLOW_TYPE = 'nominationWorkflow';
export const DECISION_WORKFLOW_TYPE = 'decisionWorkflow';

export interface NominationWorkflowInput {
  init: NominationInit;
  /** The calendar the SLA and posting periods count working days on (accelerated in demos). */
  clock: ClockSpec;
  reminders: { offsetsWorkingDays: number[] };
  authorityName: string;
  /** Set when the workflow continued as new. */
  snapshot?: NominationSnapshot;
}

export interface NominationResult {
  status: 'AWARDED' | 'REJECTED' | 'WITHDRAWN';
  closedReason: string | null;
  awardId: string | null;
}

export interface DecisionWorkflowInput {
  decisionId: string;
  actorUserId: string;
}

export interface DecisionIssued {
  decisionId: string;
  number: string;
  signedOn: string;
  awardId: string;
}

export const stepActionUpdate = defineUpdate<NominationView, [StepActionCommand]>(
  'nominationStepAction',
);
export const resubmitNominationUpdate = defineUpdate<NominationView, [ResubmitCommand]>(
  'resubmitNomination',
);
export const withdrawNominationUpdate = defineUpdate<NominationView, [WithdrawCommand]>(
  'withdrawNomination',
);
export const fileObjectionUpdate = defineUpdate<NominationView, [ObjectionCommand]>(
  'fileObjection',
);
export const resolveObjectionUpdate = defineUpdate<NominationView, [ResolveObjectionCommand]>(
  'resolveObjection',
);
export const castCouncilBallotUpdate = defineUpdate<NominationView, [CouncilBallotCommand]>(
  'castCouncilBallot',
);
/** Sent by the decision workflow once the decision and its awards are in PostgreSQL. */
export const decisionIssuedSignal = defineSignal<[DecisionIssued]>('decisionIssued');
export const nominationStatusQuery = defineQuery<NominationView>('nominationStatus');
