import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainErrorCode, DomainException } from '@epw/domain';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { Prisma } from '../generated/prisma/client';
import { PrismaService, type PrismaTx } from '../prisma.service';
import type { AwardRecord } from './award.repository';
import { unitIdsWithin, type ReadScope } from './read-scope.repository';

export type DecisionRecord = Prisma.DecisionGetPayload<object>;
export type DecisionSummaryRecord = DecisionRecord & { awardCount: number };

/** A nomination listed in a decision, with its form's name and its award once issued. */
export interface DecisionRecipientRecord {
  nominationId: string;
  nomineeName: string;
  nomineeKind: 'UNIT' | 'PERSON' | 'INITIATIVE';
  formName: string;
  status: string;
  unitName: string | null;
  award: {
    id: string;
    serial: string | null;
    verificationCode: string | null;
    revokedAt: Date | null;
  } | null;
}

export interface DecisionDraft {
  number: string;
  signedOn: Date;
  authorityUnitId: string;
  title: string;
  ceremonyName: string | null;
  ceremonyOn: Date | null;
  signerName: string | null;
  signerTitle: string;
  nominationIds: string[];
}

/** Decisions (quyết định khen thưởng): drafts, their annex and the awards of issued ones. Issuing
 * itself is the decision workflow's activity (NominationRecordsRepository.issueDecision). */
@Injectable()
export class DecisionRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  findById(id: string): Promise<DecisionRecord | null> {
    return this.prisma.decision.findUnique({ where: { id } });
  }

  /** The caller's unit, to tell whether it is a deciding authority. */
  findUnit(id: string): Promise<{ id: string; code: string; name: string; kind: string } | null> {
    return this.prisma.unit.findUnique({
      where: { id },
      select: { id: true, code: true, name: true, kind: true },
    });
  }

  /** Decisions (of a ceremony) the scope reads: its organisation's own, and those awarding a
   * unit of its subtree (drafts are their deciding organisation's alone). */
  async list(
    ceremonyName: string | undefined,
    scope: ReadScope = { kind: 'all' },
  ): Promise<DecisionSummaryRecord[]> {
    const readable: Prisma.DecisionWhereInput =
      scope.kind === 'all'
        ? {}
        : scope.kind === 'none'
          ? { id: { in: [] } }
          : {
              OR: [
                { authorityUnitId: scope.unitId },
                {
                  awards: {
                    some: { unitId: { in: await unitIdsWithin(this.prisma, scope.path) } },
                  },
                },
              ],
            };
    const rows = await this.prisma.decision.findMany({
      where: { ...(ceremonyName ? { ceremonyName } : {}), ...readable },
      orderBy: [{ signedOn: 'desc' }, { number: 'asc' }],
      include: { _count: { select: { awards: true } } },
    });
    return rows.map(({ _count, ...d }) => ({ ...d, awardCount: _count.awards }));
  }

  /** The deciding organisations by id (a decision shows its authority's code and name): the
   * authorities and any other organisation that decided. */
  async authorities(): Promise<Map<string, { id: string; code: string; name: string }>> {
    const deciders = await this.prisma.decision.findMany({
      distinct: ['authorityUnitId'],
      select: { authorityUnitId: true },
    });
    const rows = await this.prisma.unit.findMany({
      where: {
        OR: [{ kind: 'AUTHORITY' }, { id: { in: deciders.map((d) => d.authorityUnitId) } }],
      },
    });
    return new Map(rows.map((u) => [u.id, { id: u.id, code: u.code, name: u.name }]));
  }

  /** The annex (danh sách kèm theo): the decision's nominations by nominee name. */
  async recipients(nominationIds: string[]): Promise<DecisionRecipientRecord[]> {
    const rows = await this.prisma.nomination.findMany({
      where: { id: { in: nominationIds } },
      orderBy: { nomineeName: 'asc' },
      include: { awardForm: { select: { name: true } }, award: true },
    });
    const units = await this.prisma.unit.findMany({
      where: { id: { in: [...new Set(rows.map((n) => n.unitId))] } },
      select: { id: true, name: true },
    });
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    return rows.map((n) => ({
      nominationId: n.id,
      nomineeName: n.nomineeName,
      nomineeKind: n.nomineeKind,
      formName: n.awardForm.name,
      status: n.status,
      unitName: unitName.get(n.unitId) ?? null,
      award: n.award
        ? {
            id: n.award.id,
            serial: n.award.serial,
            verificationCode: n.award.verificationCode,
            revokedAt: n.award.revokedAt,
          }
        : null,
    }));
  }

  /** The awards of an issued decision, by serial number (for printing the certificates). */
  awardsOf(decisionId: string): Promise<AwardRecord[]> {
    return this.prisma.award.findMany({ where: { decisionId }, orderBy: { serial: 'asc' } });
  }

  /** Every nomination completed its chain, is decided by this authority and is in no other draft. */
  assertDecidable(authorityUnitId: string, ids: string[], decisionId?: string): Promise<void> {
    return checkDecidable(this.prisma, authorityUnitId, ids, decisionId);
  }

  /**
   * Stores a draft with its `decision.drafted` audit entry. The check runs again inside the
   * transaction, which holds the audit lock: two drafts racing for one nomination cannot both pass.
   */
  async createDraft(draft: DecisionDraft, actorUserId: string): Promise<string> {
    const id = randomUUID();
    try {
      await this.audit.recordOnce(
        {
          eventKey: `decision.drafted:${id}`,
          actorUserId,
          action: 'decision.drafted',
          entityType: 'Decision',
          entityId: id,
          payload: {
            number: draft.number,
            signedOn: draft.signedOn.toISOString().slice(0, 10),
            title: draft.title,
            ceremonyName: draft.ceremonyName,
            nominationIds: draft.nominationIds,
          },
        },
        async (tx) => {
          await checkDecidable(tx, draft.authorityUnitId, draft.nominationIds);
          await tx.decision.create({ data: { id, ...draft, createdById: actorUserId } });
        },
      );
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
        throw new DomainException(DomainErrorCode.Conflict, {
          target: `số quyết định ${draft.number}`,
        });
      }
      throw err;
    }
    return id;
  }
}

async function checkDecidable(
  db: PrismaTx,
  authorityUnitId: string,
  ids: string[],
  decisionId?: string,
): Promise<void> {
  const rows = await db.nomination.findMany({
    where: { id: { in: ids } },
    include: { awardForm: { select: { name: true } } },
  });
  for (const id of ids) {
    const n = rows.find((r) => r.id === id);
    if (!n) throw new DomainException(DomainErrorCode.NominationNotFound, { nominationId: id });
    if (n.authorityUnitId !== authorityUnitId) {
      throw new DomainException(DomainErrorCode.WrongAuthority, { form: n.awardForm.name });
    }
    if (n.status !== 'AWAITING_DECISION') {
      throw new DomainException(DomainErrorCode.NotAwaitingDecision, { nominee: n.nomineeName });
    }
  }
  const taken = await db.decision.findFirst({
    where: {
      status: 'DRAFT',
      nominationIds: { hasSome: ids },
      ...(decisionId ? { id: { not: decisionId } } : {}),
    },
    select: { number: true },
  });
  if (taken) {
    throw new DomainException(DomainErrorCode.NominationInOtherDraft, { number: taken.number });
  }
}
