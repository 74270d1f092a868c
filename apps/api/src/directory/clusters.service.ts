import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ClusterRepository, UnitRepository } from '@epw/data-access';
import {
  DomainErrorCode,
  DomainException,
  assertValidMembershipList,
  isGlobalAdmin,
  toVietnamDate,
} from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RequestValidationException } from '../common/request-validation.exception';
import { DirectoryMapper } from './directory.mapper';
import type {
  ClusterDto,
  ClusterMembershipsDto,
  ClusterQueryDto,
  CreateClusterDto,
  PutMembershipsDto,
  UpdateClusterDto,
} from './dto/cluster.dto';
import { SubtreeAccess } from './subtree-access';
import { onUniqueConflict } from './unique-conflict';
import { changedFields } from './units.service';

export const currentVietnamYear = (now = Date.now()) => Number(toVietnamDate(now).slice(0, 4));

/** Clusters and their yearly member lists (head and deputy rotate every year). */
@Injectable()
export class ClustersService {
  constructor(
    private readonly clusters: ClusterRepository,
    private readonly units: UnitRepository,
    private readonly access: SubtreeAccess,
  ) {}

  async list(q: ClusterQueryDto): Promise<ClusterDto[]> {
    return (await this.clusters.list(q.search)).map((c) => DirectoryMapper.cluster(c, c.years));
  }

  async getOrFail(id: string): Promise<ClusterDto> {
    const row = await this.clusters.findById(id);
    if (!row) throw new DomainException(DomainErrorCode.NotFound, { entity: 'cụm thi đua' });
    return DirectoryMapper.cluster(row, row.years);
  }

  async create(user: AuthenticatedUser, dto: CreateClusterDto): Promise<ClusterDto> {
    if (await this.clusters.findByCode(dto.code))
      throw new DomainException(DomainErrorCode.ClusterCodeTaken, { code: dto.code });
    await this.assertCouncilExists(dto.councilUnitId);
    const id = randomUUID();
    await onUniqueConflict(
      () =>
        this.clusters.recordCreated(
          user.userId,
          {
            id,
            code: dto.code,
            name: dto.name,
            organizer: dto.organizer ?? null,
            councilUnitId: dto.councilUnitId ?? null,
          },
          { ...dto },
        ),
      DomainErrorCode.ClusterCodeTaken,
      { code: dto.code },
    );
    return this.getOrFail(id);
  }

  async update(user: AuthenticatedUser, id: string, dto: UpdateClusterDto): Promise<ClusterDto> {
    const before = await this.getOrFail(id);
    await this.assertCouncilExists(dto.councilUnitId);
    const changes = changedFields(before, dto);
    if (Object.keys(changes).length === 0) return before;
    await this.clusters.recordUpdated(user.userId, before, dto, changes);
    return this.getOrFail(id);
  }

  /** A named council must be an organisation of the directory (400 naming the field). */
  private async assertCouncilExists(councilUnitId: string | null | undefined): Promise<void> {
    if (!councilUnitId || (await this.units.exists(councilUnitId))) return;
    throw new RequestValidationException([
      {
        field: 'councilUnitId',
        rule: 'exists',
        message: 'councilUnitId must name an existing unit',
      },
    ]);
  }

  /** A year's members, for an administrator of the cluster (see `assertAdministersCluster`). */
  async membershipsFor(
    user: AuthenticatedUser,
    clusterId: string,
    year: number,
  ): Promise<ClusterMembershipsDto> {
    await this.getOrFail(clusterId);
    await this.assertAdministersCluster(user, clusterId, []);
    return this.memberships(clusterId, year);
  }

  async memberships(clusterId: string, year: number): Promise<ClusterMembershipsDto> {
    await this.getOrFail(clusterId);
    const [members, frozenBy] = await Promise.all([
      this.clusters.membersOf(clusterId, year),
      this.clusters.frozenBy(clusterId, year),
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
    await this.assertAdministersCluster(
      user,
      clusterId,
      dto.members.map((m) => m.unitId),
    );
    const members = dto.members.map((m, i) => ({
      unitId: m.unitId,
      role: m.role,
      position: m.position ?? i,
    }));
    assertValidMembershipList(members);
    const units = await this.units.kindsOf(members.map((m) => m.unitId));
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
    await this.clusters.replaceMembers(
      user.userId,
      cluster,
      year,
      previous.members.map(({ unitId, role, position }) => ({ unitId, role, position })),
      members,
    );
    return this.memberships(clusterId, year);
  }

  /**
   * The global administrator administers every cluster; an organisation administrator a cluster
   * that has members and whose members, in every year, lie in their subtree, and only with units
   * of their subtree (`newMembers`). A cluster without members belongs to the global
   * administrator, who forms clusters.
   */
  private async assertAdministersCluster(
    user: AuthenticatedUser,
    clusterId: string,
    newMembers: string[],
  ): Promise<void> {
    if (isGlobalAdmin(user)) return;
    const members = await this.clusters.unitIdsEverMembers(clusterId);
    if (members.length === 0)
      throw new DomainException(DomainErrorCode.Forbidden, {
        reason: 'cụm thi đua chưa có thành viên do quản trị viên hệ thống lập',
      });
    await this.access.assertAdministersAll(user, [...members, ...newMembers]);
  }
}
