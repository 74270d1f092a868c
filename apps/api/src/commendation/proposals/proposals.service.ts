import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ProposalRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import {
  type FieldViolation,
  RequestValidationException,
} from '../../common/request-validation.exception';
import { ReadAccessService } from '../../common/read-access.service';
import { assertIdempotencyKey } from '../../common/workflow-updates.service';
import { AwardFormsService } from '../award-forms/award-forms.service';
import { achievementScopeOf } from '../nominations/achievement-scope';
import type { CreateNominationDto } from '../nominations/dto/nomination.dto';
import {
  NominationSubmissionService,
  type PreparedNomination,
  nominationIdFor,
} from '../nominations/nomination-submission.service';
import type { CreateProposalDto, ProposalNomineeDto } from './dto/proposal.dto';
import type { ProposalDetailDto, ProposalSummaryDto } from './dto/proposal-response.dto';
import { toProposalDetailDto, toProposalSummaryDto } from './proposal.mapper';

/** A deterministic id for a retried proposal list (same user, same Idempotency-Key). */
export function proposalIdFor(userId: string, idempotencyKey: string | undefined): string {
  if (!idempotencyKey) return randomUUID();
  const h = createHash('sha256').update(`proposal/${userId}/${idempotencyKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-b${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The nomination id of a list's i-th entry: a key with `/` is never a request's own
 * Idempotency-Key, so it never meets a nomination submitted alone. */
const entryIdFor = (userId: string, key: string | undefined, i: number) =>
  key ? nominationIdFor(userId, `proposal/${key}/${i}`) : randomUUID();

const NOMINEE_FIELDS = ['nomineeKind', 'nomineeUnitId', 'nomineePersonId', 'nomineeInitiativeId'];

const isProposer = (user: AuthenticatedUser) =>
  Boolean(user.unitId) &&
  (user.roles.includes('UNIT_OFFICER') || user.roles.includes('UNIT_SIGNER'));

/**
 * Proposal lists (tờ trình kèm danh sách): an organisation's office proposes collectives and
 * individuals of its subtree for one award form in one request. Every entry is checked first
 * (nominee in the subtree, dossier, chain, eligibility, with the list's own entries counted against
 * quotas); a refusal names `nominees[i].<field>` and nothing is stored. Then each entry becomes one
 * nomination on its own chain (audited `nomination.submitted`, its workflow started), and the list
 * is stored with their ids (audited `proposal.submitted`). With an Idempotency-Key every id is
 * derived from it: a retry, even after an interruption half-way, creates nothing twice.
 */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly submission: NominationSubmissionService,
    private readonly forms: AwardFormsService,
    private readonly access: ReadAccessService,
  ) {}

  async submit(
    user: AuthenticatedUser,
    dto: CreateProposalDto,
    idempotencyKey?: string,
  ): Promise<ProposalDetailDto> {
    assertIdempotencyKey(idempotencyKey);
    const id = proposalIdFor(user.userId, idempotencyKey);
    const stored = await this.proposals.findDetail(id);
    if (stored) return toProposalDetailDto(stored);
    if (!isProposer(user)) throw new DomainException(DomainErrorCode.NotProposerUnit);
    const unitId = user.unitId as string;
    const form = await this.forms.latest(dto.formCode);
    // The list's movement and period, checked once (errors name the list's own fields).
    const scope = achievementScopeOf(dto, null);
    const ids = dto.nominees.map((_, i) => entryIdFor(user.userId, idempotencyKey, i));

    const prepared: PreparedNomination[] = [];
    const seen = new Map<string, number>();
    for (const [i, entry] of dto.nominees.entries()) {
      // Stored by an earlier, interrupted attempt of this request: its workflow is made sure to run.
      if (idempotencyKey && (await this.submission.findExisting(ids[i]))) continue;
      const p = await this.at(i, dto, () =>
        this.submission.prepare(user, this.nominationOf(dto, entry), ids[i], id),
      );
      const first = seen.get(p.submission.nominee.key);
      if (first !== undefined) {
        throw new RequestValidationException([
          {
            field: `nominees[${i}].${idFieldOf(entry)}`,
            rule: 'unique',
            message: `nominees[${i}] names the same nominee as nominees[${first}]`,
          },
        ]);
      }
      seen.set(p.submission.nominee.key, i);
      await this.at(i, dto, () => this.submission.checkEligible(p, prepared));
      prepared.push(p);
    }
    for (const p of prepared) {
      const i = ids.indexOf(p.submission.id);
      await this.at(i, dto, () => this.submission.store(p));
    }
    await this.proposals.create({
      id,
      number: dto.number ?? null,
      title: dto.title,
      proposerUnitId: unitId,
      authorityUnitId: form.authority.id,
      formCode: form.content.code,
      movementCode: scope.movementCode,
      period: scope.period,
      nominationIds: ids,
      createdById: user.userId,
    });
    return this.getOrFail(id);
  }

  /** The caller's organisation's lists, newest first (every list for an administrator). */
  async list(user: AuthenticatedUser): Promise<ProposalSummaryDto[]> {
    const admin = user.roles.includes('ADMIN');
    if (!admin && !user.unitId) {
      throw new DomainException(DomainErrorCode.Forbidden, {
        reason: 'chỉ cán bộ của một tổ chức mới xem được tờ trình của tổ chức mình',
      });
    }
    const rows = await this.proposals.listByProposer(admin ? null : user.unitId);
    const names = await this.proposals.unitNames(
      rows.flatMap((p) => [p.proposerUnitId, p.authorityUnitId]),
    );
    return rows.map((p) => toProposalSummaryDto(p, names));
  }

  /** One list with its nominations' status: for its proposer and the organisations above it, its
   * deciding organisation and the global administrator. */
  async get(user: AuthenticatedUser, id: string): Promise<ProposalDetailDto> {
    const p = await this.getOrFail(id);
    const allowed =
      (user.unitId !== null && user.unitId === p.authorityUnitId) ||
      (await this.access.coversAny(await this.access.scopeOf(user), [p.proposerUnitId]));
    if (!allowed)
      throw new DomainException(DomainErrorCode.Forbidden, { reason: 'tờ trình của đơn vị khác' });
    return p;
  }

  private async getOrFail(id: string): Promise<ProposalDetailDto> {
    const p = await this.proposals.findDetail(id);
    if (!p) throw new DomainException(DomainErrorCode.NotFound, { entity: 'tờ trình' });
    return toProposalDetailDto(p);
  }

  /** One entry as a nomination: the list's form, movement, period and shared files first. */
  private nominationOf(dto: CreateProposalDto, entry: ProposalNomineeDto): CreateNominationDto {
    return {
      formCode: dto.formCode,
      nomineeKind: entry.nomineeKind,
      nomineeUnitId: entry.nomineeUnitId,
      nomineePersonId: entry.nomineePersonId,
      nomineeInitiativeId: entry.nomineeInitiativeId,
      movementCode: dto.movementCode,
      movementName: dto.movementName,
      period: dto.period,
      achievement: entry.achievement,
      documents: [...dto.documents, ...(entry.documents ?? [])],
    };
  }

  /** Runs one entry's step; a refusal names the entry (`nominees[i].<field>`, or the list's own
   * files for a shared document) and keeps its code. */
  private async at<T>(i: number, dto: CreateProposalDto, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof RequestValidationException) {
        throw new RequestValidationException(
          err.violations.map((v): FieldViolation => ({ ...v, field: fieldOf(i, dto, v.field) })),
        );
      }
      if (err instanceof DomainException) {
        throw new DomainException(err.code, { ...err.params, nominee: `nominees[${i}]` });
      }
      throw err;
    }
  }
}

const idFieldOf = (entry: ProposalNomineeDto): string =>
  entry.nomineeKind === 'UNIT'
    ? 'nomineeUnitId'
    : entry.nomineeKind === 'PERSON'
      ? 'nomineePersonId'
      : 'nomineeInitiativeId';

/** Where a nomination's field lives in the list: the shared files are the list's `documents`,
 * the entry's own follow them; the nominee's fields are the entry's. */
function fieldOf(i: number, dto: CreateProposalDto, field: string): string {
  const doc = /^documents\[(\d+)\](.*)$/.exec(field);
  if (doc) {
    const k = Number(doc[1]);
    const shared = dto.documents.length;
    return k < shared ? field : `nominees[${i}].documents[${k - shared}]${doc[2]}`;
  }
  const head = field.split(/[.[]/)[0];
  if (NOMINEE_FIELDS.includes(head) || head === 'achievement') return `nominees[${i}].${field}`;
  return field;
}
