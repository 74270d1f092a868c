import { Injectable } from '@nestjs/common';
import { pathOf } from '@epw/domain';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

/**
 * What a caller may read, as the repositories filter by it:
 * - `all`: the global administrator;
 * - `unit`: by their organisation: as itself (a chain actor, a deciding organisation, a cluster
 *   member) through `unitId`, and as the organisation above everything beneath it through the
 *   subtree at `path` (its own path is a prefix of itself, so the unit counts too);
 * - `none`: an account without an organisation (and not the global administrator).
 */
export type ReadScope =
  | { kind: 'all' }
  | { kind: 'unit'; unitId: string; path: string }
  | { kind: 'none' };

/** The units of the subtree at `path` (the unit at its end included), by id. */
export async function unitIdsWithin(
  db: Pick<PrismaService, 'unit'>,
  path: string,
): Promise<string[]> {
  const rows = await db.unit.findMany({
    where: { path: { startsWith: path } },
    select: { id: true },
  });
  // A unit written before the tree existed has an empty path: it is its own subtree.
  const self = path.split('/').filter((s) => s.length > 0);
  return [...new Set([...rows.map((r) => r.id), ...(self.length === 1 ? self : [])])];
}

/**
 * The nominations a scope reads (null: every one): proposed by, or for the achievement of, a unit
 * of its subtree; decided by its organisation; or passing through its organisation on a step of
 * the resolved chain (`chain.init.steps[].actorUnitId`).
 */
export async function nominationsReadableWhere(
  db: Pick<PrismaService, 'unit'>,
  scope: ReadScope,
): Promise<Prisma.NominationWhereInput | null> {
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return { id: { in: [] } };
  const within = await unitIdsWithin(db, scope.path);
  return {
    OR: [
      { proposerUnitId: { in: within } },
      { unitId: { in: within } },
      { authorityUnitId: scope.unitId },
      { chain: { path: ['init', 'steps'], array_contains: [{ actorUnitId: scope.unitId }] } },
    ],
  };
}

/**
 * The queries behind read authorization (ReadAccessService in the API): where a unit sits relative
 * to a caller's subtree, which clusters a subtree belongs to, and which people and models a
 * caller meets through the nominations it reads.
 */
@Injectable()
export class ReadScopeRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The path of a unit (never empty: see `pathOf`), or null for an unknown one. */
  async pathOf(unitId: string): Promise<string | null> {
    const row = await this.prisma.unit.findUnique({
      where: { id: unitId },
      select: { id: true, path: true },
    });
    return row ? pathOf(row) : null;
  }

  /** Whether one of these units lies in the subtree at `path`. */
  async anyWithin(unitIds: string[], path: string): Promise<boolean> {
    const rows = await this.prisma.unit.findMany({
      where: { id: { in: [...new Set(unitIds)] } },
      select: { id: true, path: true },
    });
    return rows.some((r) => pathOf(r).startsWith(path));
  }

  /** Whether a unit of the subtree at `path` is a member of the cluster in that year. */
  async memberWithin(clusterId: string, year: number, path: string): Promise<boolean> {
    const rows = await this.prisma.clusterMembership.findMany({
      where: { clusterId, year },
      select: { unit: { select: { id: true, path: true } } },
    });
    return rows.some((r) => pathOf(r.unit).startsWith(path));
  }

  /** The clusters (and years) a unit of the subtree at `path` is a member of. */
  async clusterYearsWithin(path: string): Promise<{ clusterId: string; year: number }[]> {
    const within = await unitIdsWithin(this.prisma, path);
    const rows = await this.prisma.clusterMembership.findMany({
      where: { unitId: { in: within } },
      select: { clusterId: true, year: true },
      distinct: ['clusterId', 'year'],
    });
    return rows;
  }

  /** The people of a unit named as nominees by nominations the scope reads. */
  async nominatedPeopleOf(unitId: string, scope: ReadScope): Promise<string[]> {
    const readable = await nominationsReadableWhere(this.prisma, scope);
    const rows = await this.prisma.nomination.findMany({
      where: {
        AND: [{ nomineePersonId: { not: null }, unitId }, ...(readable ? [readable] : [])],
      },
      select: { nomineePersonId: true },
      distinct: ['nomineePersonId'],
    });
    return rows.flatMap((r) => (r.nomineePersonId ? [r.nomineePersonId] : []));
  }

  /** Whether a nomination the scope reads names this model (initiative) as its nominee. */
  async readsNominationOfModel(initiativeId: string, scope: ReadScope): Promise<boolean> {
    const readable = await nominationsReadableWhere(this.prisma, scope);
    const row = await this.prisma.nomination.findFirst({
      where: { AND: [{ nomineeInitiativeId: initiativeId }, ...(readable ? [readable] : [])] },
      select: { id: true },
    });
    return row !== null;
  }

  /** Who an award concerns: its deciding organisation and the unit awarded (null: unknown). */
  findAwardParties(
    awardId: string,
  ): Promise<{ authorityUnitId: string | null; unitId: string } | null> {
    return this.prisma.award.findUnique({
      where: { id: awardId },
      select: { authorityUnitId: true, unitId: true },
    });
  }

  /** Whether a decision has an award for a unit of the subtree at `path`. */
  async decisionAwardsWithin(decisionId: string, path: string): Promise<boolean> {
    const rows = await this.prisma.award.findMany({
      where: { decisionId },
      select: { unitId: true },
      distinct: ['unitId'],
    });
    if (rows.length === 0) return false;
    return this.anyWithin(
      rows.map((r) => r.unitId),
      path,
    );
  }
}
