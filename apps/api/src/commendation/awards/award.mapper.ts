import type { AwardRecord } from '@epw/data-access';
import type { VerificationDto } from './dto/award.dto';

export function toVerificationDto(a: AwardRecord, authorityName: string | null): VerificationDto {
  return {
    valid: a.revokedAt === null,
    status: a.revokedAt ? 'REVOKED' : 'VALID',
    serial: a.serial,
    recipientName: a.recipientName,
    recipientKind: a.recipientKind,
    formName: a.formName,
    level: a.level,
    year: a.year,
    decisionNumber: a.decisionNumber,
    decisionDate: a.decisionDate?.toISOString().slice(0, 10) ?? null,
    authorityName,
    revokedAt: a.revokedAt?.toISOString() ?? null,
    revocationReason: a.revocationReason,
  };
}
