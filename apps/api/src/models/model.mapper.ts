import type { ModelHistoryRecord, ModelRecord } from '@epw/data-access';
import { RECOGNITION_LEVELS } from '@epw/domain';
import { toAwardPeriodView } from '../commendation/award-period.dto';
import type { ModelDetailDto, ModelSummaryDto } from './dto/model.dto';

const levelIndex = (level: string) =>
  RECOGNITION_LEVELS.indexOf(level as (typeof RECOGNITION_LEVELS)[number]);

export function toModelSummaryDto(m: ModelRecord): ModelSummaryDto {
  const recognized = [...m.recognized].sort((a, b) => levelIndex(a.level) - levelIndex(b.level));
  return {
    id: m.id,
    kind: m.kind,
    field: m.field,
    isNew: m.isNew,
    ownerType: m.ownerType,
    ownerName: m.ownerName,
    title: m.title,
    unit: { id: m.unit.id, code: m.unit.code, name: m.unit.name },
    cycle: m.cycle,
    registration: {
      id: m.registration.id,
      status: m.registration.status,
      submittedAt: m.registration.submittedAt.toISOString(),
      revision: m.registration.revision,
    },
    recognized,
    highestLevel: recognized.at(-1)?.level ?? null,
  };
}

export function toModelDetailDto(m: ModelHistoryRecord): ModelDetailDto {
  return {
    ...toModelSummaryDto(m),
    description: m.description,
    attachments: m.attachments,
    history: RECOGNITION_LEVELS.map((level) => ({
      level,
      awards: m.awards
        .filter((a) => a.level === level)
        .map((a) => ({
          id: a.id,
          source: a.source,
          formCode: a.formCode,
          formName: a.formName,
          level: a.level,
          authority: a.authority,
          period: toAwardPeriodView(a),
          movementCode: a.movementCode,
          movementName: a.movementName,
          decisionNumber: a.decisionNumber,
          decisionDate: a.decisionDate?.toISOString().slice(0, 10) ?? null,
          serial: a.serial,
          revoked: a.revokedAt !== null,
        })),
      inProgress: m.nominations
        .filter((n) => n.level === level)
        .map((n) => ({
          id: n.id,
          formCode: n.formCode,
          formName: n.formName,
          level: n.level,
          status: n.status,
          currentStepKey: n.currentStepKey,
          authority: n.authority,
          period: toAwardPeriodView(n),
          submittedAt: n.submittedAt.toISOString(),
        })),
    })),
  };
}
