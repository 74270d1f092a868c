import type { NominationWorkflowInput } from '@epw/contracts';
import {
  ACTIVE_NOMINATION_STATUSES,
  type NominationDetailRecord,
  type NominationRecord,
  type PostingRecord,
  type PublicObjectorRecord,
} from '@epw/data-access';
import type { NominationView } from '@epw/domain';
import { toAwardPeriodView } from '../award-period.dto';
import type {
  CouncilTallyDto,
  NominationDetailDto,
  NominationSummaryDto,
  PostingDto,
  VoteMinutesDto,
} from './dto/nomination-response.dto';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** The approval chain the nomination was submitted with (stored with it, never re-resolved). */
export const chainOf = (n: { chain: unknown }): NominationWorkflowInput =>
  n.chain as NominationWorkflowInput;

export function toNominationSummaryDto(n: NominationRecord): NominationSummaryDto {
  const input = chainOf(n);
  const step = input.init.steps[n.currentStep];
  const onChain = (ACTIVE_NOMINATION_STATUSES as readonly string[]).includes(n.status);
  return {
    id: n.id,
    formCode: n.formCode,
    formName: input.init.formName,
    level: n.level,
    year: n.year,
    movementCode: n.movementCode,
    movementName: n.movementName,
    period: toAwardPeriodView(n),
    nomineeKind: n.nomineeKind,
    nomineeName: n.nomineeName,
    unitId: n.unitId,
    proposerUnitId: n.proposerUnitId,
    authorityUnitId: n.authorityUnitId,
    status: n.status,
    round: n.round,
    achievement: n.achievement,
    currentStep:
      step && onChain
        ? {
            index: n.currentStep,
            key: step.key,
            kind: step.kind,
            title: step.title,
            actorUnitName: step.actorUnitName,
            actorRole: step.actorRole,
          }
        : null,
    steps: input.init.steps.map((s) => ({
      key: s.key,
      kind: s.kind,
      title: s.title,
      slaWorkingDays: s.slaWorkingDays,
    })),
    stepDueAt: iso(n.stepDueAt),
    postedUntil: iso(n.postedUntil),
    closedReason: n.closedReason,
    submittedAt: n.submittedAt.toISOString(),
  };
}

export function toNominationDetailDto(
  n: NominationDetailRecord,
  live: NominationView | null,
  publicObjectors: PublicObjectorRecord[] = [],
): NominationDetailDto {
  return {
    ...toNominationSummaryDto(n),
    live,
    documents: n.documents.map((d) => ({ ...d, uploadedAt: d.uploadedAt.toISOString() })),
    actions: n.actions.map((a) => ({ ...a, at: a.at.toISOString() })),
    objections: n.objections.map((o) => ({
      ...o,
      filedAt: o.filedAt.toISOString(),
      resolvedAt: iso(o.resolvedAt),
      publicObjector: objectorOf(publicObjectors, o.id),
    })),
    award: n.award ? { ...n.award, revokedAt: iso(n.award.revokedAt) } : null,
    voteTally: tallyOf(n.voteTally),
    voteMinutes: n.voteMinutes,
  };
}

const objectorOf = (objectors: PublicObjectorRecord[], objectionId: string) => {
  const o = objectors.find((x) => x.objectionId === objectionId);
  return o ? { name: o.name, contact: o.contact } : null;
};

export function toPostingDto(p: PostingRecord): PostingDto {
  return { ...p, postedFrom: iso(p.postedFrom), postedUntil: iso(p.postedUntil) };
}

export function toVoteMinutesDto(n: NominationRecord & { voteMinutes: string }): VoteMinutesDto {
  return { nominationId: n.id, tally: tallyOf(n.voteTally), minutes: n.voteMinutes };
}

/** The council's count as the workflow stored it (JSON). */
const tallyOf = (t: unknown): CouncilTallyDto | null => (t ?? null) as CouncilTallyDto | null;
