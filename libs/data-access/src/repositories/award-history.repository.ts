import { Injectable } from '@nestjs/common';
import { type AwardPeriod, normalizeAwardPeriod } from '@epw/domain';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { unitIdsWithin, type ReadScope } from './read-scope.repository';

type RecipientKind = 'UNIT' | 'PERSON' | 'INITIATIVE';

export interface AwardHistoryFilter {
  unitId?: string;
  personId?: string;
  initiativeId?: string;
  year?: number;
  formCode?: string;
  recipientKind?: RecipientKind;
  movementCode?: string;
  periodKind?: AwardPeriod['kind'];
  /** Only the awards the caller reads: of a unit of its subtree, or decided by its organisation. */
  readableBy?: ReadScope;
}

/** Only the columns the history shows (the achievement text and bookkeeping stay behind). */
const historySelect = {
  id: true,
  source: true,
  year: true,
  movementCode: true,
  movementName: true,
  periodKind: true,
  periodStart: true,
  periodQuarter: true,
  formCode: true,
  formName: true,
  level: true,
  recipientKind: true,
  recipientName: true,
  recipientUnitId: true,
  recipientPersonId: true,
  recipientInitiativeId: true,
  unitId: true,
  authorityUnitId: true,
  decisionNumber: true,
  decisionDate: true,
  serial: true,
  verificationCode: true,
  revokedAt: true,
  revocationReason: true,
  recoveredAt: true,
} satisfies Prisma.AwardSelect;

const formSelect = {
  code: true,
  name: true,
  level: true,
  authorityUnitId: true,
} satisfies Prisma.AwardFormSelect;

/** The award form an earlier award is entered under (its latest version). */
export type AwardFormRef = Prisma.AwardFormGetPayload<{ select: typeof formSelect }>;

export type AwardHistoryRecord = Prisma.AwardGetPayload<{ select: typeof historySelect }> & {
  unit: { name: string; code: string } | null;
  authorityName: string | null;
};

/** An award from before the system, as the administrator entered it. */
export interface PastAwardInput {
  id: string;
  form: AwardFormRef;
  movementCode: string | null;
  movementName: string | null;
  /** Its last year is the award's `year`. */
  period: AwardPeriod;
  recipientKind: RecipientKind;
  recipientId: string;
  recipientName: string;
  unitId: string;
  achievement: string;
  decisionNumber: string | null;
}

/** The award history (lịch sử khen thưởng) per unit, person or model, and earlier awards. */
@Injectable()
export class AwardHistoryRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  /** Newest year first, at most 5000 rows, with the unit's and the authority's names. */
  async list(filter: AwardHistoryFilter): Promise<AwardHistoryRecord[]> {
    const scope = filter.readableBy ?? { kind: 'all' };
    const readable: Prisma.AwardWhereInput =
      scope.kind === 'all'
        ? {}
        : scope.kind === 'none'
          ? { id: { in: [] } }
          : {
              OR: [
                { unitId: { in: await unitIdsWithin(this.prisma, scope.path) } },
                { authorityUnitId: scope.unitId },
              ],
            };
    const rows = await this.prisma.award.findMany({
      where: {
        ...readable,
        ...(filter.unitId !== undefined ? { unitId: filter.unitId } : {}),
        ...(filter.personId ? { recipientPersonId: filter.personId } : {}),
        ...(filter.initiativeId ? { recipientInitiativeId: filter.initiativeId } : {}),
        ...(filter.year ? { year: filter.year } : {}),
        ...(filter.formCode ? { formCode: filter.formCode } : {}),
        ...(filter.recipientKind ? { recipientKind: filter.recipientKind } : {}),
        ...(filter.movementCode ? { movementCode: filter.movementCode } : {}),
        ...(filter.periodKind ? { periodKind: filter.periodKind } : {}),
      },
      orderBy: [{ year: 'desc' }, { formCode: 'asc' }, { recipientName: 'asc' }],
      take: 5000,
      select: historySelect,
    });
    const units = await this.prisma.unit.findMany({
      where: {
        id: { in: [...new Set(rows.flatMap((r) => [r.unitId, r.authorityUnitId ?? r.unitId]))] },
      },
      select: { id: true, name: true, code: true },
    });
    const byId = new Map(units.map((u) => [u.id, u]));
    return rows.map((a) => {
      const unit = byId.get(a.unitId);
      return {
        ...a,
        unit: unit ? { name: unit.name, code: unit.code } : null,
        authorityName: a.authorityUnitId ? (byId.get(a.authorityUnitId)?.name ?? null) : null,
      };
    });
  }

  /** The latest version of an award form, or null. */
  latestForm(code: string): Promise<AwardFormRef | null> {
    return this.prisma.awardForm.findFirst({
      where: { code },
      orderBy: { version: 'desc' },
      select: formSelect,
    });
  }

  /** The unit, person or model awarded: its name and the unit the award counts for, or null. */
  async findRecipient(
    kind: RecipientKind,
    id: string,
  ): Promise<{ name: string; unitId: string } | null> {
    if (kind === 'UNIT') {
      const u = await this.prisma.unit.findUnique({ where: { id } });
      return u ? { name: u.name, unitId: u.id } : null;
    }
    if (kind === 'PERSON') {
      const p = await this.prisma.person.findUnique({ where: { id } });
      return p ? { name: p.fullName, unitId: p.unitId } : null;
    }
    const i = await this.prisma.initiative.findUnique({
      where: { id },
      include: { registration: true },
    });
    return i ? { name: i.title, unitId: i.registration.unitId } : null;
  }

  /** Stores an earlier award with its `award.history-recorded` audit entry. */
  async recordPast(
    input: PastAwardInput,
    actorUserId: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    const { form, recipientKind: kind, recipientId } = input;
    const period = normalizeAwardPeriod(input.period);
    await this.audit.recordOnce(
      {
        eventKey: `award-${input.id}/recorded`,
        actorUserId,
        action: 'award.history-recorded',
        entityType: 'Award',
        entityId: input.id,
        payload,
      },
      async (tx) => {
        await tx.award.create({
          data: {
            id: input.id,
            source: 'HISTORY',
            formCode: form.code,
            formName: form.name,
            level: form.level,
            authorityUnitId: form.authorityUnitId,
            year: period.year,
            movementCode: input.movementCode,
            movementName: input.movementName,
            periodKind: period.kind,
            periodStart: period.startYear,
            periodQuarter: period.quarter,
            recipientKind: kind,
            recipientKey: `${kind.toLowerCase()}:${recipientId}`,
            recipientName: input.recipientName,
            recipientUnitId: kind === 'UNIT' ? recipientId : null,
            recipientPersonId: kind === 'PERSON' ? recipientId : null,
            recipientInitiativeId: kind === 'INITIATIVE' ? recipientId : null,
            unitId: input.unitId,
            achievement: input.achievement,
            decisionNumber: input.decisionNumber,
          },
        });
      },
    );
  }
}
