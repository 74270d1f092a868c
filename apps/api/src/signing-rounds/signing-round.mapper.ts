import type { SigningRoundRepository } from '@epw/data-access';
import type { AuditEntryDto, SignatureDto } from './dto/signing-round.dto';

type SignatureRow = Awaited<ReturnType<SigningRoundRepository['listSignatures']>>[number];

export function toSignatureDto(s: SignatureRow): SignatureDto {
  return {
    id: s.id,
    unitId: s.unitId,
    unitCode: s.unit.code,
    unitName: s.unit.name,
    decision: s.decision,
    pledgeVersion: s.pledgeVersion,
    reason: s.reason,
    actorUserId: s.actorUserId,
    actedAt: s.actedAt.toISOString(),
    late: s.late,
    invalidatedAt: s.invalidatedAt?.toISOString() ?? null,
    invalidatedByVersion: s.invalidatedByVersion,
  };
}

export function toAuditEntryDto(e: {
  id: bigint;
  occurredAt: Date;
  actorUserId: string | null;
  action: string;
  payload: unknown;
  hash: string;
}): AuditEntryDto {
  return {
    id: e.id.toString(),
    occurredAt: e.occurredAt.toISOString(),
    actorUserId: e.actorUserId,
    action: e.action,
    payload: e.payload,
    hash: e.hash,
  };
}
