import { Injectable } from '@nestjs/common';
import { pathOf, type RecognitionFact } from '@epw/domain';
import type { Prisma } from '../generated/prisma/client';
import type { RecognitionLevel } from '../generated/prisma/enums';
import { PrismaService } from '../prisma.service';

/** An organisation a report is about (its path never empty: see `pathOf`). */
export interface ReportOrganisation {
  id: string;
  code: string;
  name: string;
  level: RecognitionLevel | null;
  parentId: string | null;
  path: string;
}

export interface RecognitionFilter {
  /** First and last year (of the period's last year), each optional. */
  from: number | null;
  to: number | null;
  level?: 'BASE' | 'BLOC' | 'DISTRICT' | 'PROVINCE' | 'CENTRAL';
  recipientKind?: 'UNIT' | 'PERSON' | 'INITIATIVE';
  movementCode?: string;
  /** Exactly this period (kind, last year, quarter, first year of a phase). */
  period?: {
    kind: 'YEAR' | 'QUARTER' | 'PHASE';
    year: number;
    quarter: number | null;
    startYear: number | null;
  };
  /** Only awards decided by an organisation of this subtree; absent: every award. */
  decidedWithin?: { id: string; path: string };
  /** Only awards whose achievement belongs to a unit of this subtree. */
  addressedWithin?: { id: string; path: string };
}

const orgSelect = {
  id: true,
  code: true,
  name: true,
  level: true,
  parentId: true,
  path: true,
} as const;

const asOrganisation = (row: ReportOrganisation): ReportOrganisation => ({
  ...row,
  path: pathOf(row),
});

/** The unit and every unit beneath it (a unit written before the tree has an empty path). */
const subtreeWhere = (root: { id: string; path: string }): Prisma.UnitWhereInput => ({
  OR: [{ id: root.id }, { path: { startsWith: pathOf(root) } }],
});

/** The awards in force that statistics count (thống kê khen thưởng), as domain facts. */
@Injectable()
export class RecognitionReportRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Each award in force with its field (the model's), its movement (the award's, else the
   * nomination's or the model's cycle) and the path of the organisation that decided it. */
  async facts(filter: RecognitionFilter): Promise<RecognitionFact[]> {
    const where = await this.awardWhere(filter);
    if (where === null) return [];
    const awards = await this.prisma.award.findMany({
      where,
      select: {
        year: true,
        level: true,
        formCode: true,
        formName: true,
        recipientKind: true,
        recipientInitiativeId: true,
        nominationId: true,
        movementName: true,
        authorityUnitId: true,
      },
    });
    const initiativeIds = [...new Set(awards.flatMap((a) => a.recipientInitiativeId ?? []))];
    const nominationIds = [...new Set(awards.flatMap((a) => a.nominationId ?? []))];
    const authorityIds = [...new Set(awards.flatMap((a) => a.authorityUnitId ?? []))];
    const [initiatives, nominations, authorities] = await Promise.all([
      initiativeIds.length
        ? this.prisma.initiative.findMany({
            where: { id: { in: initiativeIds } },
            select: {
              id: true,
              field: true,
              ownerType: true,
              registration: { select: { cycle: { select: { movementName: true } } } },
            },
          })
        : [],
      nominationIds.length
        ? this.prisma.nomination.findMany({
            where: { id: { in: nominationIds } },
            select: { id: true, cycleId: true },
          })
        : [],
      authorityIds.length
        ? this.prisma.unit.findMany({
            where: { id: { in: authorityIds } },
            select: { id: true, path: true },
          })
        : [],
    ]);
    const cycleIds = [...new Set(nominations.flatMap((n) => n.cycleId ?? []))];
    const cycles = cycleIds.length
      ? await this.prisma.emulationCycle.findMany({
          where: { id: { in: cycleIds } },
          select: { id: true, movementName: true },
        })
      : [];
    const initiative = new Map(initiatives.map((i) => [i.id, i]));
    const movementOfCycle = new Map(cycles.map((c) => [c.id, c.movementName]));
    const cycleOfNomination = new Map(nominations.map((n) => [n.id, n.cycleId]));
    const pathOfAuthority = new Map(authorities.map((u) => [u.id, pathOf(u)]));
    return awards.map((a) => {
      const i = a.recipientInitiativeId ? initiative.get(a.recipientInitiativeId) : undefined;
      const cycleId = a.nominationId ? cycleOfNomination.get(a.nominationId) : null;
      return {
        year: a.year,
        level: a.level,
        formCode: a.formCode,
        formName: a.formName,
        recipientKind: a.recipientKind,
        collective:
          a.recipientKind === 'UNIT' ||
          (a.recipientKind === 'INITIATIVE' && i?.ownerType !== 'INDIVIDUAL'),
        field: i?.field ?? null,
        movement:
          a.movementName ??
          (cycleId ? movementOfCycle.get(cycleId) : undefined) ??
          i?.registration.cycle.movementName ??
          null,
        authorityPath: a.authorityUnitId ? (pathOfAuthority.get(a.authorityUnitId) ?? null) : null,
      };
    });
  }

  /** The organisation, or null when there is none with this id. */
  async findOrganisation(id: string): Promise<ReportOrganisation | null> {
    const row = await this.prisma.unit.findUnique({ where: { id }, select: orgSelect });
    return row ? asOrganisation(row) : null;
  }

  /** The organisations directly beneath `parentId` (null: the top-level ones), by code. */
  async childrenOf(parentId: string | null): Promise<ReportOrganisation[]> {
    const rows = await this.prisma.unit.findMany({
      where: { parentId },
      select: orgSelect,
      orderBy: { code: 'asc' },
    });
    return rows.map(asOrganisation);
  }

  /** These organisations (those that exist), by code. */
  async organisationsByIds(ids: string[]): Promise<ReportOrganisation[]> {
    if (ids.length === 0) return [];
    const rows = await this.prisma.unit.findMany({
      where: { id: { in: ids } },
      select: orgSelect,
      orderBy: { code: 'asc' },
    });
    return rows.map(asOrganisation);
  }

  /** Whether an organisation of `decider`'s subtree decided an award in force for a unit of
   * `addressee`'s subtree. */
  async decidedFor(
    decider: { id: string; path: string },
    addressee: { id: string; path: string },
  ): Promise<boolean> {
    const where = await this.awardWhere({
      from: null,
      to: null,
      decidedWithin: decider,
      addressedWithin: addressee,
    });
    return where !== null && (await this.prisma.award.count({ where, take: 1 })) > 0;
  }

  /** The issuing unit's name printed on an exported report. */
  async unitName(id: string): Promise<string | null> {
    const unit = await this.prisma.unit.findUnique({ where: { id }, select: { name: true } });
    return unit?.name ?? null;
  }

  /** The awards the filter asks for; null when a subtree filter leaves none possible. */
  private async awardWhere(filter: RecognitionFilter): Promise<Prisma.AwardWhereInput | null> {
    const { from, to, period } = filter;
    const [deciders, addressees] = await Promise.all([
      filter.decidedWithin ? this.subtreeIds(filter.decidedWithin) : undefined,
      filter.addressedWithin ? this.subtreeIds(filter.addressedWithin) : undefined,
    ]);
    if (deciders?.length === 0 || addressees?.length === 0) return null;
    return {
      revokedAt: null,
      ...(from !== null || to !== null
        ? { year: { ...(from !== null ? { gte: from } : {}), ...(to !== null ? { lte: to } : {}) } }
        : {}),
      ...(period
        ? {
            year: period.year,
            periodKind: period.kind,
            periodQuarter: period.quarter,
            periodStart: period.startYear,
          }
        : {}),
      ...(filter.level ? { level: filter.level } : {}),
      ...(filter.recipientKind ? { recipientKind: filter.recipientKind } : {}),
      ...(filter.movementCode ? { movementCode: filter.movementCode } : {}),
      ...(deciders ? { authorityUnitId: { in: deciders } } : {}),
      ...(addressees ? { unitId: { in: addressees } } : {}),
    };
  }

  private async subtreeIds(root: { id: string; path: string }): Promise<string[]> {
    const rows = await this.prisma.unit.findMany({
      where: subtreeWhere(root),
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }
}
