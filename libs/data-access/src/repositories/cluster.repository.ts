import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainErrorCode, DomainException } from '@epw/domain';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { ClusterRole } from '../generated/prisma/enums';
import { PrismaService, type PrismaTx } from '../prisma.service';
import { likeLiteral } from './like-literal';

/** An emulation cluster or bloc, with the years that have members (newest first). */
export interface ClusterRecord {
  id: string;
  code: string;
  name: string;
  organizer: string | null;
  /** The council that decides the cluster's own forms; null when none is named. */
  councilUnitId: string | null;
  createdAt: Date;
  years: number[];
}

/** One unit's membership of a cluster in a year. */
export interface ClusterMemberInput {
  unitId: string;
  role: ClusterRole;
  position: number;
}

export interface ClusterMemberRecord extends ClusterMemberInput {
  unit: { code: string; name: string };
}

const ENTITY = 'Cluster';

/** Clusters and their yearly member lists (head and deputy rotate every year), kept by
 * administrators; every change is audited. */
@Injectable()
export class ClusterRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  /** Clusters by code, optionally those whose code or name contains `search`. */
  async list(search?: string): Promise<ClusterRecord[]> {
    const rows = await this.prisma.cluster.findMany({
      where: search
        ? {
            OR: [
              { code: { contains: likeLiteral(search), mode: 'insensitive' } },
              { name: { contains: likeLiteral(search), mode: 'insensitive' } },
            ],
          }
        : {},
      orderBy: { code: 'asc' },
    });
    const years = await this.prisma.clusterMembership.groupBy({
      by: ['clusterId', 'year'],
      where: { clusterId: { in: rows.map((r) => r.id) } },
    });
    return rows.map((c) => ({
      ...c,
      years: years
        .filter((y) => y.clusterId === c.id)
        .map((y) => y.year)
        .sort((a, b) => b - a),
    }));
  }

  async findById(id: string): Promise<ClusterRecord | null> {
    const row = await this.prisma.cluster.findUnique({ where: { id } });
    if (!row) return null;
    const years = await this.prisma.clusterMembership.groupBy({
      by: ['year'],
      where: { clusterId: id },
      orderBy: { year: 'desc' },
    });
    return { ...row, years: years.map((y) => y.year) };
  }

  findByCode(code: string): Promise<Omit<ClusterRecord, 'years'> | null> {
    return this.prisma.cluster.findUnique({ where: { code } });
  }

  /** Creates the cluster, audited as `cluster.created` with `payload`; a code taken meanwhile is
   * the database's unique violation. */
  async recordCreated(
    actorUserId: string,
    cluster: {
      id: string;
      code: string;
      name: string;
      organizer: string | null;
      councilUnitId: string | null;
    },
    payload: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.recordOnce(
      {
        eventKey: `cluster-${cluster.id}/created`,
        actorUserId,
        action: 'cluster.created',
        entityType: ENTITY,
        entityId: cluster.id,
        payload,
      },
      async (tx) => {
        await tx.cluster.create({ data: cluster });
      },
    );
  }

  /** Applies `patch`, audited as `cluster.updated` with the changed fields. */
  async recordUpdated(
    actorUserId: string,
    cluster: { id: string; code: string },
    patch: { name?: string; organizer?: string | null; councilUnitId?: string | null },
    changes: Record<string, { from: unknown; to: unknown }>,
  ): Promise<void> {
    await this.audit.recordOnce(
      {
        eventKey: `cluster-${cluster.id}/updated-${randomUUID()}`,
        actorUserId,
        action: 'cluster.updated',
        entityType: ENTITY,
        entityId: cluster.id,
        payload: { code: cluster.code, changes },
      },
      async (tx) => {
        await tx.cluster.update({ where: { id: cluster.id }, data: patch });
      },
    );
  }

  /** Every unit that is or was a member of the cluster, in any year. */
  async unitIdsEverMembers(clusterId: string): Promise<string[]> {
    const rows = await this.prisma.clusterMembership.findMany({
      where: { clusterId },
      select: { unitId: true },
      distinct: ['unitId'],
    });
    return rows.map((r) => r.unitId);
  }

  /** The members of a year, by position. */
  membersOf(clusterId: string, year: number): Promise<ClusterMemberRecord[]> {
    return this.prisma.clusterMembership.findMany({
      where: { clusterId, year },
      select: {
        unitId: true,
        role: true,
        position: true,
        unit: { select: { code: true, name: true } },
      },
      orderBy: [{ position: 'asc' }, { role: 'asc' }],
    });
  }

  /** The started cycle of that year (its movement and label), whose start froze the year's
   * members; null while none has started. */
  frozenBy(clusterId: string, year: number): Promise<string | null> {
    return frozenBy(this.prisma, clusterId, year);
  }

  /**
   * Replaces the members of a year, audited as `cluster.memberships-replaced` (before and after).
   * The freeze is checked again inside the transaction: a cycle may have started since the
   * caller's first read.
   */
  async replaceMembers(
    actorUserId: string,
    cluster: { id: string; code: string },
    year: number,
    before: ClusterMemberInput[],
    after: ClusterMemberInput[],
  ): Promise<void> {
    const clusterId = cluster.id;
    await this.audit.recordOnce(
      {
        eventKey: `cluster-${clusterId}/memberships-${year}-${randomUUID()}`,
        actorUserId,
        action: 'cluster.memberships-replaced',
        entityType: ENTITY,
        entityId: clusterId,
        payload: { code: cluster.code, year, before, after },
      },
      async (tx) => {
        const frozen = await frozenBy(tx, clusterId, year);
        if (frozen)
          throw new DomainException(DomainErrorCode.MembershipFrozen, { year, cycle: frozen });
        await tx.clusterMembership.deleteMany({ where: { clusterId, year } });
        await tx.clusterMembership.createMany({
          data: after.map((m) => ({ clusterId, year, ...m })),
        });
      },
    );
  }
}

async function frozenBy(
  db: Pick<PrismaTx, 'emulationCycle'>,
  clusterId: string,
  year: number,
): Promise<string | null> {
  const cycle = await db.emulationCycle.findFirst({
    where: {
      clusterId,
      startsOn: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) },
      OR: [
        { status: { not: 'PLANNED' } },
        { workflowId: { not: null } },
        { signingRound: { isNot: null } },
      ],
    },
    orderBy: { startsOn: 'asc' },
    select: { movementCode: true, movementName: true, periodLabel: true },
  });
  return cycle ? `${cycle.movementName} ${cycle.periodLabel}` : null;
}
