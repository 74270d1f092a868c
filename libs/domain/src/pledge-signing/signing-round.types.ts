export const UNIT_SIGNER_ROLE = 'UNIT_SIGNER';

export interface SigningMember {
  unitId: string;
  unitCode: string;
  unitName: string;
}

/** Who acts, as authenticated by the API (only the API talks to Temporal). */
export interface Actor {
  userId: string;
  unitId: string | null;
  roles: string[];
}

export type SigningRoundStatus = 'OPEN' | 'OVERDUE' | 'AWAITING_COUNTERSIGN' | 'EFFECTIVE';

export interface UnitDecision {
  decision: 'SIGNED' | 'DECLINED';
  version: number;
  actorUserId: string;
  at: string;
  reason?: string;
  late: boolean;
}

export interface PledgeText {
  version: number;
  items: string[];
  contentHash: string;
}

export interface SigningRoundInit {
  roundId: string;
  cycleId: string;
  clusterCode: string;
  headUnitId: string;
  members: SigningMember[];
  pledge: PledgeText;
  deadlineAt: string;
}

export interface SigningRoundSnapshot extends SigningRoundInit {
  decisions: Record<string, UnitDecision>;
  overdueAt: string | null;
  missingAtDeadline: string[];
  countersignedBy: string | null;
  countersignedAt: string | null;
}

export interface SignCommand {
  actor: Actor;
  unitId: string;
  version: number;
}

export interface DeclineCommand extends SignCommand {
  reason: string;
}

export interface AmendCommand {
  actor: Actor;
  baseVersion: number;
  items: string[];
  contentHash: string;
  reason: string;
}

export interface ExtendDeadlineCommand {
  actor: Actor;
  /** Real instant of the new deadline (end of the chosen day on the cycle's clock). */
  deadlineAt: string;
  reason: string;
}

export interface CountersignCommand {
  actor: Actor;
  version: number;
}

export interface UnitSigningView extends SigningMember {
  decision: 'SIGNED' | 'DECLINED' | 'PENDING';
  version: number | null;
  at: string | null;
  reason: string | null;
  late: boolean;
}

export interface SigningStatusView {
  roundId: string;
  cycleId: string;
  status: SigningRoundStatus;
  pledge: PledgeText;
  deadlineAt: string;
  overdueAt: string | null;
  missingAtDeadline: string[];
  countersignedBy: string | null;
  countersignedAt: string | null;
  signedCount: number;
  memberCount: number;
  missing: string[];
  units: UnitSigningView[];
}
