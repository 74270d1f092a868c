import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AmendCommand,
  CountersignCommand,
  DeclineCommand,
  ExtendDeadlineCommand,
  SignCommand,
  SigningRoundInit,
  SigningStatusView,
} from '@epw/domain';
import type { ReminderSpec } from '../reminders/reminders.activities';

export const PLEDGE_SIGNING_WORKFLOW_TYPE = 'pledgeSigningWorkflow';

export type PledgeSigningInput = SigningRoundInit & {
  openedBy: string | null;
  reason?: string;
  /** Absent in rounds started before reminders existed (their histories replay unchanged). */
  reminders?: ReminderSpec;
};

export interface PledgeSigningResult {
  roundId: string;
  effectiveVersion: number;
  countersignedAt: string;
  overdue: boolean;
}

export const signPledgeUpdate = defineUpdate<SigningStatusView, [SignCommand]>('signPledge');
export const declinePledgeUpdate = defineUpdate<SigningStatusView, [DeclineCommand]>(
  'declinePledge',
);
export const amendPledgeUpdate = defineUpdate<SigningStatusView, [AmendCommand]>('amendPledge');
export const countersignPledgeUpdate = defineUpdate<SigningStatusView, [CountersignCommand]>(
  'countersignPledge',
);
export const extendDeadlineUpdate = defineUpdate<SigningStatusView, [ExtendDeadlineCommand]>(
  'extendSigningDeadline',
);
export const signingStatusQuery = defineQuery<SigningStatusView>('signingStatus');
