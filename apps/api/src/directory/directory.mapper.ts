import { ancestorIds, depthOf } from '@epw/domain';
import type { ClusterDto, ClusterRole, MembershipDto } from './dto/cluster.dto';
import type {
  OrgKind,
  OrganisationRefDto,
  OrganisationTreeNodeDto,
  RecognitionLevel,
  UnitDto,
  UnitKind,
} from './dto/unit.dto';
import type { Role, UserDto } from './dto/user.dto';

interface OrganisationRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  level: string | null;
  orgKind: string | null;
  parentId: string | null;
}

/** Rows of the directory (units, clusters, memberships, users) as the API answers them. */
export const DirectoryMapper = {
  unit(
    u: OrganisationRow & {
      path: string;
      headcount: number | null;
      createdAt: Date;
      _count?: { users: number };
    },
  ): UnitDto {
    return {
      id: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind as UnitKind,
      level: u.level as RecognitionLevel | null,
      orgKind: u.orgKind as OrgKind | null,
      parentId: u.parentId,
      ancestorIds: ancestorIds(u),
      depth: depthOf(u),
      headcount: u.headcount,
      userCount: u._count?.users ?? 0,
      createdAt: u.createdAt.toISOString(),
    };
  },

  organisationRef(u: OrganisationRow): OrganisationRefDto {
    return {
      id: u.id,
      code: u.code,
      name: u.name,
      level: u.level as RecognitionLevel | null,
      orgKind: u.orgKind as OrgKind | null,
    };
  },

  /** The nested tree of `rootId` from the rows of its subtree (parents listed before children). */
  organisationTree(rootId: string, rows: OrganisationRow[]): OrganisationTreeNodeDto | null {
    const nodes = new Map<string, OrganisationTreeNodeDto>();
    for (const u of rows)
      nodes.set(u.id, {
        ...DirectoryMapper.organisationRef(u),
        kind: u.kind as UnitKind,
        parentId: u.parentId,
        children: [],
      });
    for (const node of nodes.values()) {
      if (node.id === rootId || !node.parentId) continue;
      nodes.get(node.parentId)?.children.push(node);
    }
    for (const node of nodes.values()) node.children.sort((a, b) => a.code.localeCompare(b.code));
    return nodes.get(rootId) ?? null;
  },

  cluster(
    c: {
      id: string;
      code: string;
      name: string;
      organizer: string | null;
      councilUnitId: string | null;
      createdAt: Date;
    },
    years: number[],
  ): ClusterDto {
    return {
      id: c.id,
      code: c.code,
      name: c.name,
      organizer: c.organizer,
      councilUnitId: c.councilUnitId,
      years,
      createdAt: c.createdAt.toISOString(),
    };
  },

  membership(m: {
    unitId: string;
    role: string;
    position: number;
    unit: { code: string; name: string };
  }): MembershipDto {
    return {
      unitId: m.unitId,
      unitCode: m.unit.code,
      unitName: m.unit.name,
      role: m.role as ClusterRole,
      position: m.position,
    };
  },

  user(u: {
    id: string;
    username: string;
    fullName: string;
    email: string | null;
    unitId: string | null;
    roles: string[];
    active: boolean;
    locale: string;
    createdAt: Date;
    unit: { code: string; name: string } | null;
  }): UserDto {
    return {
      id: u.id,
      username: u.username,
      fullName: u.fullName,
      email: u.email,
      unitId: u.unitId,
      unitCode: u.unit?.code ?? null,
      unitName: u.unit?.name ?? null,
      roles: u.roles as Role[],
      active: u.active,
      locale: u.locale,
      createdAt: u.createdAt.toISOString(),
    };
  },
};
