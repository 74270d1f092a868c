import type { AwardHistoryRecord } from '@epw/data-access';
import { toAwardPeriodView } from '../award-period.dto';
import type { AwardRecordDto } from './dto/award-history.dto';

export function toAwardRecordDto(a: AwardHistoryRecord): AwardRecordDto {
  return {
    id: a.id,
    source: a.source,
    year: a.year,
    movementCode: a.movementCode,
    movementName: a.movementName,
    period: toAwardPeriodView(a),
    formCode: a.formCode,
    formName: a.formName,
    level: a.level,
    recipientKind: a.recipientKind,
    recipientName: a.recipientName,
    recipientId: a.recipientUnitId ?? a.recipientPersonId ?? a.recipientInitiativeId,
    unitId: a.unitId,
    unitName: a.unit?.name ?? null,
    unitCode: a.unit?.code ?? null,
    authorityUnitId: a.authorityUnitId,
    authorityName: a.authorityName,
    decisionNumber: a.decisionNumber,
    decisionDate: a.decisionDate?.toISOString().slice(0, 10) ?? null,
    serial: a.serial,
    verificationCode: a.verificationCode,
    status: a.revokedAt ? 'REVOKED' : 'VALID',
    revokedReason: a.revocationReason,
    recoveredAt: a.recoveredAt?.toISOString() ?? null,
  };
}
