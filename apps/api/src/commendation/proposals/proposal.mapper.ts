import type { ProposalDetailRecord, ProposalRecord } from '@epw/data-access';
import { toAwardPeriodView } from '../award-period.dto';
import type { ProposalDetailDto, ProposalSummaryDto } from './dto/proposal-response.dto';

export function toProposalSummaryDto(
  p: ProposalRecord,
  names: Map<string, string>,
): ProposalSummaryDto {
  return {
    id: p.id,
    number: p.number,
    title: p.title,
    proposerUnitId: p.proposerUnitId,
    proposerUnitName: names.get(p.proposerUnitId) ?? '',
    authorityUnitId: p.authorityUnitId,
    authorityUnitName: names.get(p.authorityUnitId) ?? '',
    formCode: p.formCode,
    movementCode: p.movementCode,
    period: toAwardPeriodView(p),
    nominationCount: p.nominationIds.length,
    createdAt: p.createdAt.toISOString(),
  };
}

export function toProposalDetailDto(p: ProposalDetailRecord): ProposalDetailDto {
  const names = new Map([
    [p.proposerUnitId, p.proposerUnitName],
    [p.authorityUnitId, p.authorityUnitName],
  ]);
  return {
    ...toProposalSummaryDto(p, names),
    nominations: p.nominations.map((n) => ({
      id: n.id,
      workflowId: n.workflowId,
      nomineeKind: n.nomineeKind,
      nomineeName: n.nomineeName,
      unitId: n.unitId,
      status: n.status,
      currentStepKey: n.currentStepKey,
    })),
  };
}
