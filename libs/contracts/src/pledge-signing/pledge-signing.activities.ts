import type { SigningRoundStatus } from '@epw/domain';

/** Activities of the pledge-signing workflow. Each writes one accepted action to PostgreSQL and
 * the audit log in one transaction, idempotently under `eventKey`, and returns the recorded time. */
export interface RecordedAt {
  recordedAt: string;
}

interface EventBase {
  eventKey: string;
  roundId: string;
  actorUserId: string | null;
  /** The round's status once this event is applied, for the read model. */
  status: SigningRoundStatus;
}

export interface RoundOpenedEvent extends EventBase {
  cycleId: string;
  deadlineAt: string;
  version: number;
  items: string[];
  contentHash: string;
}

export interface UnitDecisionEvent extends EventBase {
  unitId: string;
  decision: 'SIGNED' | 'DECLINED';
  version: number;
  reason?: string;
  late: boolean;
}

export interface PledgeAmendedEvent extends EventBase {
  cycleId: string;
  version: number;
  items: string[];
  contentHash: string;
  reason: string;
  invalidatedUnitIds: string[];
}

export interface RoundOverdueEvent extends EventBase {
  missingUnitIds: string[];
}

export interface CountersignedEvent extends EventBase {
  cycleId: string;
  version: number;
}

export interface DeadlineExtendedEvent extends EventBase {
  deadlineAt: string;
  reason: string;
}

export interface PledgeSigningActivities {
  recordDeadlineExtended(event: DeadlineExtendedEvent): Promise<RecordedAt>;
  recordRoundOpened(event: RoundOpenedEvent): Promise<RecordedAt>;
  recordUnitDecision(event: UnitDecisionEvent): Promise<RecordedAt>;
  recordPledgeAmended(event: PledgeAmendedEvent): Promise<RecordedAt>;
  recordRoundOverdue(event: RoundOverdueEvent): Promise<RecordedAt>;
  recordCountersigned(event: CountersignedEvent): Promise<RecordedAt>;
}
