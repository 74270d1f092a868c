import { Injectable } from '@nestjs/common';
import { type AwardPeriod, normalizeAwardPeriod } from '@epw/domain';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { likeLiteral } from './like-literal';
import { type ReadScope } from './read-scope.repository';

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
type HistorySelect = {
  id: true;
  source: true;
  year: true;
  movementCode: true;
  movementName: true;
  periodKind: true;
  periodStart: true;
  periodQuarter: true;
  formCode: true;
  formName: true;
  level: true;
  recipientKind: true;
  recipientName: true;
  recipientUnitId: true;
  recipientPersonId: true;
  recipientInitiativeId: true;
  unitId: true;
  authorityUnitId: true;
  decisionNumber: true;
  decisionDate: true;
  serial: true;
  verificationCode: true;
  revokedAt: true;
  revocationReason: true;
  recoveredAt: true;
};

const formSelect = {
  code: true,
  name: true,
  level: true,
  authorityUnitId: true,
} satisfies Prisma.AwardFormSelect;

/** The award form an earlier award is entered under (its latest version). */
export type AwardFormRef = Prisma.AwardFormGetPayload<{ select: typeof formSelect }>;

export type AwardHistoryRecord = Prisma.AwardGetPayload<{ select: HistorySelect }> & {
  unit: { name: string; code: string } | null;
  authorityName: string | null;
};

/** A row of the history's one statement: the award's columns and the joined names. */
type HistoryRow = Omit<AwardHistoryRecord, 'unit' | 'authorityName'> & {
  unitName: string | null;
  unitCode: string | null;
  authorityName: string | null;
};

/** A timestamp or date column as a Date, however the driver handed it over. */
const asDate = (v: Date | string | null): Date | null =>
  v === null ? null : v instanceof Date ? v : new Date(v);

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

  /**
   * Newest year first, at most 5000 rows, with the unit's and the authority's names.
   *
   * One SQL statement (the caller's subtree, the filters and both names joined), sent as it is:
   * this list is the busiest read, and Prisma's query compiler and row interpreter cost several
   * times PostgreSQL's own time per query here (bench/: read /awards). Same rows, order and limit
   * as the Prisma queries it replaced.
   */
  async list(filter: AwardHistoryFilter): Promise<AwardHistoryRecord[]> {
    const scope = filter.readableBy ?? { kind: 'all' };
    if (scope.kind === 'none') return [];
    const where: Prisma.Sql[] = [];
    if (scope.kind === 'unit') {
      // A unit written before the tree existed has an empty path: it is its own subtree.
      const self = scope.path.split('/').filter((x) => x.length > 0);
      const own = self.length === 1 ? self : [];
      where.push(Prisma.sql`(
        a."unitId" IN (SELECT u0."id" FROM "Unit" u0 WHERE u0."path" LIKE ${`${likeLiteral(scope.path)}%`})
        OR a."unitId" = ANY(${own}::uuid[])
        OR a."authorityUnitId" = ${scope.unitId}::uuid)`);
    }
    if (filter.unitId !== undefined) where.push(Prisma.sql`a."unitId" = ${filter.unitId}::uuid`);
    if (filter.personId) {
      where.push(Prisma.sql`a."recipientPersonId" = ${filter.personId}::uuid`);
    }
    if (filter.initiativeId) {
      where.push(Prisma.sql`a."recipientInitiativeId" = ${filter.initiativeId}::uuid`);
    }
    if (filter.year) where.push(Prisma.sql`a."year" = ${filter.year}::int`);
    if (filter.formCode) where.push(Prisma.sql`a."formCode" = ${filter.formCode}`);
    if (filter.recipientKind) {
      where.push(Prisma.sql`a."recipientKind"::text = ${filter.recipientKind}`);
    }
    if (filter.movementCode) where.push(Prisma.sql`a."movementCode" = ${filter.movementCode}`);
    if (filter.periodKind) where.push(Prisma.sql`a."periodKind"::text = ${filter.periodKind}`);
    const rows = await this.prisma.$queryRaw<HistoryRow[]>`
      SELECT a."id", a."source"::text AS "source", a."year", a."movementCode", a."movementName",
        a."periodKind"::text AS "periodKind", a."periodStart", a."periodQuarter", a."formCode",
        a."formName", a."level"::text AS "level", a."recipientKind"::text AS "recipientKind",
        a."recipientName", a."recipientUnitId", a."recipientPersonId", a."recipientInitiativeId",
        a."unitId", a."authorityUnitId", a."decisionNumber", a."decisionDate", a."serial",
        a."verificationCode", a."revokedAt", a."revocationReason", a."recoveredAt",
        u."name" AS "unitName", u."code" AS "unitCode", au."name" AS "authorityName"
      FROM "Award" a
      LEFT JOIN "Unit" u ON u."id" = a."unitId"
      LEFT JOIN "Unit" au ON au."id" = a."authorityUnitId"
      WHERE ${where.length > 0 ? Prisma.join(where, ' AND ') : Prisma.sql`TRUE`}
      ORDER BY a."year" DESC, a."formCode" ASC, a."recipientName" ASC
      LIMIT 5000`;
    return rows.map(({ unitName, unitCode, authorityName, ...a }) => ({
      ...a,
      decisionDate: asDate(a.decisionDate),
      revokedAt: asDate(a.revokedAt),
      recoveredAt: asDate(a.recoveredAt),
      unit: unitName !== null && unitCode !== null ? { name: unitName, code: unitCode } : null,
      authorityName: a.authorityUnitId ? authorityName : null,
    }));
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
