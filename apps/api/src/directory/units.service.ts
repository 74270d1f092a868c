import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  OrganisationTreeRepository,
  UnitRepository,
  type OrganisationNode,
} from '@epw/data-access';
import {
  DomainErrorCode,
  DomainException,
  administersStrictlyBeneath,
  assertValidPlacement,
  isGlobalAdmin,
  isWithin,
  outsideSubtree,
  placementViolation,
  seesSubtree,
  wouldCreateCycle,
} from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DirectoryMapper } from './directory.mapper';
import type {
  CreateUnitDto,
  OrganisationTreeDto,
  RecognitionLevel,
  UnitDto,
  UnitQueryDto,
  UpdateUnitDto,
} from './dto/unit.dto';
import { SubtreeAccess } from './subtree-access';
import { onUniqueConflict } from './unique-conflict';

/**
 * Units (member units and deciding authorities) in the organisation tree: listed, created, edited
 * and moved by the global administrator anywhere, by an organisation administrator beneath their
 * own organisation.
 */
@Injectable()
export class UnitsService {
  constructor(
    private readonly units: UnitRepository,
    private readonly tree: OrganisationTreeRepository,
    private readonly access: SubtreeAccess,
  ) {}

  /** The units the caller administers (an organisation administrator: their subtree), filtered. */
  async list(user: AuthenticatedUser, q: UnitQueryDto): Promise<UnitDto[]> {
    const scope = await this.access.scopeOf(user);
    if (scope.kind === 'none') return [];
    let within = scope.kind === 'subtree' ? scope.root : undefined;
    if (q.under) {
      const under = await this.access.nodeOrFail(q.under);
      if (scope.kind === 'subtree' && !isWithin(under.path, scope.root.path))
        throw outsideSubtree(under);
      within = under;
    }
    const rows = await this.units.list({ kind: q.kind, search: q.search, within });
    return rows.map((r) => DirectoryMapper.unit(r));
  }

  async getOrFail(id: string): Promise<UnitDto> {
    const row = await this.units.findById(id);
    if (!row) throw new DomainException(DomainErrorCode.NotFound, { entity: 'đơn vị' });
    return DirectoryMapper.unit(row);
  }

  /** An organisation's subtree, nested, with the organisations above it. */
  async organisationTree(user: AuthenticatedUser, id: string): Promise<OrganisationTreeDto> {
    const node = await this.access.nodeOrFail(id);
    if (!seesSubtree(await this.access.actorOf(user), node.path)) throw outsideSubtree(node);
    const [ancestors, rows] = await Promise.all([
      this.tree.ancestorsOf(node),
      this.tree.subtreeOf(node),
    ]);
    const root = DirectoryMapper.organisationTree(node.id, rows);
    if (!root) throw new DomainException(DomainErrorCode.NotFound, { entity: 'đơn vị' });
    return { ancestors: ancestors.map((a) => DirectoryMapper.organisationRef(a)), root };
  }

  async create(user: AuthenticatedUser, dto: CreateUnitDto): Promise<UnitDto> {
    const actor = await this.access.actorOf(user);
    const placement = { level: dto.level ?? null, orgKind: dto.orgKind ?? null };
    const guard = (parent: OrganisationNode | null) => {
      // Only the global administrator creates top-level organisations.
      if (!parent && !isGlobalAdmin(actor)) throw outsideSubtree({ id: dto.code, code: dto.code });
      if (parent) this.access.assertAdministers(actor, parent);
      assertValidPlacement(placement, parent);
    };
    // Refused before anything else (the unit code included) when the parent is not the caller's.
    guard(dto.parentId ? await this.parentOrFail(dto.parentId) : null);
    if (await this.units.codeTaken(dto.code))
      throw new DomainException(DomainErrorCode.UnitCodeTaken, { code: dto.code });
    const id = randomUUID();
    await onUniqueConflict(
      () =>
        this.units.recordCreated(
          user.userId,
          {
            id,
            code: dto.code,
            name: dto.name,
            kind: dto.kind ?? 'MEMBER',
            level: placement.level,
            orgKind: placement.orgKind,
            parentId: dto.parentId ?? null,
            headcount: dto.headcount ?? null,
          },
          { ...dto },
          guard,
        ),
      DomainErrorCode.UnitCodeTaken,
      { code: dto.code },
    );
    return this.getOrFail(id);
  }

  /**
   * Edits the unit; a new parent moves it with its whole subtree (audited as `unit.moved`). An
   * organisation administrator edits only units beneath their own organisation and moves them
   * only within it.
   */
  async update(user: AuthenticatedUser, id: string, dto: UpdateUnitDto): Promise<UnitDto> {
    const before = await this.getOrFail(id);
    const node = await this.access.nodeOrFail(id);
    const actor = await this.access.actorOf(user);
    if (!administersStrictlyBeneath(actor, node.path)) throw outsideSubtree(node);
    const changes = changedFields(before, dto);
    if (Object.keys(changes).length === 0) return before;
    const { parentId, ...patch } = dto;
    const placement = {
      level: dto.level !== undefined ? dto.level : before.level,
      orgKind: dto.orgKind !== undefined ? dto.orgKind : before.orgKind,
    };
    if ('level' in changes) await this.assertChildrenBeneath(node, placement.level);
    if (!('parentId' in changes)) {
      if ('level' in changes || 'orgKind' in changes)
        assertValidPlacement(
          placement,
          before.parentId ? await this.parentOrFail(before.parentId) : null,
        );
      await this.units.recordUpdated(user.userId, before, patch, changes);
      return this.getOrFail(id);
    }
    const newParentId = parentId ?? null;
    const guard = (unit: OrganisationNode, parent: OrganisationNode | null) => {
      if (!administersStrictlyBeneath(actor, unit.path)) throw outsideSubtree(unit);
      if (!parent && !isGlobalAdmin(actor)) throw outsideSubtree(unit);
      if (parent) {
        this.access.assertAdministers(actor, parent);
        if (wouldCreateCycle(unit, parent))
          throw new DomainException(DomainErrorCode.OrganisationCycle, {
            unit: unit.code,
            parent: parent.code,
          });
      }
      assertValidPlacement(placement, parent);
    };
    guard(node, newParentId ? await this.parentOrFail(newParentId) : null);
    await this.units.recordMoved(
      user.userId,
      before,
      patch,
      { parentId: newParentId },
      changes,
      guard,
    );
    return this.getOrFail(id);
  }

  /** The parent a request names, or a 400 naming the field. */
  private async parentOrFail(parentId: string): Promise<OrganisationNode> {
    const parent = await this.tree.findNode(parentId);
    if (!parent)
      throw new DomainException(DomainErrorCode.ValidationFailed, {
        field: 'parentId',
        rule: 'unitExists',
      });
    return parent;
  }

  /** A unit's new level stays at or above the level of every unit directly beneath it. */
  private async assertChildrenBeneath(
    node: OrganisationNode,
    level: RecognitionLevel | null,
  ): Promise<void> {
    const children = (await this.tree.subtreeOf(node)).filter((u) => u.parentId === node.id);
    if (children.some((c) => placementViolation(c, { level })?.field === 'parentId'))
      throw new DomainException(DomainErrorCode.ValidationFailed, {
        field: 'level',
        rule: 'unitLevelNotBelowChildren',
      });
  }
}

/** The fields `patch` changes, with their old and new values (the audit entry's payload). */
export function changedFields<T extends object>(
  before: T,
  patch: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(patch)) {
    if (to === undefined) continue;
    const from = (before as Record<string, unknown>)[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}
