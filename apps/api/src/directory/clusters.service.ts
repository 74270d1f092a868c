import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLogRepository, PrismaService, type Prisma } from '@epw/data-access';
import {
  DomainErrorCode,
  DomainException,
  assertValidMembershipList,
  toVietnamDate,
} from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DirectoryMapper } from './directory.mapper';
import type {
  ClusterDto,
  ClusterMembershipsDto,
  ClusterQueryDto,
  CreateClusterDto,
  PutMembershipsDto,
  UpdateClusterDto,
} from './dto/cluster.dto';
import { onUniqueConflict } from './unique-conflict';
import { changedFields } from './units.service';

export const currentVietnamYear = (now = Date.now()) => Number(toVietnamDate(now).slice(0, 4));

/** Clusters and their yearly member lists (head and deputy rotate every year). */
@Injectable()
export class ClustersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  async list(q: ClusterQueryDto): Promise<ClusterDto[]> {
    const where: Prisma.ClusterWhereInput = q.search
      ? {
          OR: [
            { code: { contains: q.search, mode: 'insensitive' } },
            { name: { contains: q.search, mode: 'insensitive' } },
          ],
        }
      : {};
    const rows = await this.prisma.cluster.findMany({ where, orderBy: { code: 'asc' } });
    const years = await this.prisma.clusterMembership.groupBy({
      by: ['clusterId', 'year'],
      where: { clusterId: { in: rows.map((r) => r.id) } },
    });
    return rows.map((c) =>
      DirectoryMapper.cluster(
        c,
        years
          .filter((y) => y.clusterId === c.id)
          .map((y) => y.year)
          .sort((a, b) => b - a),
      ),
    );
  }

  async getOrFail(id: string): Promise<ClusterDto> {
    const row = await this.prisma.cluster.findUnique({ where: { id } });
    if (!row) throw new DomainException(DomainErrorCode.NotFound, { entity: 'cụm thi đua' });
    const years = await this.prisma.clusterMembership.groupBy({
      by: ['year'],
      where: { clusterId: id },
      orderBy: { year: 'desc' },
    });
    return DirectoryMapper.cluster(
      row,
      years.map((y) => y.year),
    );
  }

  async create(user: AuthenticatedUser, dto: CreateClusterDto): Promise<ClusterDto> {
    if (await this.prisma.cluster.findUnique({ where: { code: dto.code }, select: { id: true } }))
      throw new DomainException(DomainErrorCode.ClusterCodeTaken, { code: dto.code });
    const id = randomUUID();
    await onUniqueConflict(
      () =>
        this.audit.recordOnce(
          {
            eventKey: `cluster-${id}/created`,
            actorUserId: user.userId,
            action: 'cluster.created',
            entityType: 'Cluster',
            entityId: id,
            payload: { ...dto },
          },
          async (tx) => {
            await tx.cluster.create({
              data: { id, code: dto.code, name: dto.name, organizer: dto.organizer ?? null },
            });
          },
        ),
      DomainErrorCode.ClusterCodeTaken,
      { code: dto.code },
    );
    return this.getOrFail(id);
  }

  async update(user: AuthenticatedUser, id: string, dto: UpdateClusterDto): Promise<ClusterDto> {
    const before = await this.getOrFail(id);
    const changes = changedFields(before, dto);
    if (Object.keys(changes).length === 0) return before;
    await this.audit.recordOnce(
      {
        eventKey: `cluster-${id}/updated-${randomUUID()}`,
        actorUserId: user.userId,
        action: 'cluster.updated',
        entityType: 'Cluster',
        entityId: id,
        payload: { code: before.code, changes },
      },
      async (tx) => {
        await tx.cluster.update({ where: { id }, data: dto });
      },
    );
    return this.getOrFail(id);
  }

  async memberships(clusterId: string, year: number): Promise<ClusterMembershipsDto> {
    await this.getOrFail(clusterId);
    const [members, frozenBy] = await Promise.all([
      this.prisma.clusterMembership.findMany({
        where: { clusterId, year },
        include: { unit: true },
        orderBy: [{ position: 'asc' }, { role: 'asc' }],
      }),
      this.frozenBy(this.prisma, clusterId, year),
    ]);
    return {
      clusterId,
      year,
      frozenBy,
      members: members.map((m) => DirectoryMapper.membership(m)),
    };
  }

  /**
   * Replaces the year's member list. A cycle reads its members, head and deputy when it starts
   * (they go into its workflow's input), so once a cycle of that year has started the list is
   * frozen: changing it would make the records disagree with the running workflows.
   */
  async putMemberships(
    user: AuthenticatedUser,
    clusterId: string,
    year: number,
    dto: PutMembershipsDto,
  ): Promise<ClusterMembershipsDto> {
    const cluster = await this.getOrFail(clusterId);
    const members = dto.members.map((m, i) => ({
      unitId: m.unitId,
      role: m.role,
      position: m.position ?? i,
    }));
    assertValidMembershipList(members);
    const units = await this.prisma.unit.findMany({
      where: { id: { in: members.map((m) => m.unitId) } },
      select: { id: true, kind: true },
    });
    for (const [i, m] of members.entries()) {
      const unit = units.find((u) => u.id === m.unitId);
      const rule = !unit ? 'unitExists' : unit.kind !== 'MEMBER' ? 'memberKind' : null;
      if (rule)
        throw new DomainException(DomainErrorCode.MembershipInvalid, {
          field: `members[${i}].unitId`,
          rule,
          unitId: m.unitId,
        });
    }
    const previous = await this.memberships(clusterId, year);
    await this.audit.recordOnce(
      {
        eventKey: `cluster-${clusterId}/memberships-${year}-${randomUUID()}`,
        actorUserId: user.userId,
        action: 'cluster.memberships-replaced',
        entityType: 'Cluster',
        entityId: clusterId,
        payload: {
          code: cluster.code,
          year,
          before: previous.members.map(({ unitId, role, position }) => ({
            unitId,
            role,
            position,
          })),
          after: members,
        },
      },
      async (tx) => {
        // Checked again inside the transaction: a cycle may have started since the first read.
        const frozenBy = await this.frozenBy(tx, clusterId, year);
        if (frozenBy)
          throw new DomainException(DomainErrorCode.MembershipFrozen, { year, cycle: frozenBy });
        await tx.clusterMembership.deleteMany({ where: { clusterId, year } });
        await tx.clusterMembership.createMany({
          data: members.map((m) => ({ clusterId, year, ...m })),
        });
      },
    );
    return this.memberships(clusterId, year);
  }

  /** The started cycle of that year (its label), whose start froze the year's members. */
  private async frozenBy(
    db: Pick<PrismaService, 'emulationCycle'>,
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
}
