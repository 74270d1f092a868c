import { Injectable } from '@nestjs/common';
import { OrganisationTreeRepository, type OrganisationNode } from '@epw/data-access';
import {
  DomainErrorCode,
  DomainException,
  administers,
  isGlobalAdmin,
  outsideSubtree,
  type TreeActor,
} from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/**
 * What the caller administers: everything (the global ADMIN), or the subtree of their own
 * organisation (ORG_ADMIN), or nothing (an ORG_ADMIN without a unit).
 */
export type AdminScope =
  | { kind: 'all' }
  | { kind: 'subtree'; root: OrganisationNode }
  | { kind: 'none' };

/** The caller's place in the organisation tree, for the directory's subtree rules. */
@Injectable()
export class SubtreeAccess {
  constructor(private readonly tree: OrganisationTreeRepository) {}

  async actorOf(user: AuthenticatedUser): Promise<TreeActor> {
    return { roles: user.roles, unitPath: await this.tree.pathOfUnit(user.unitId) };
  }

  async scopeOf(user: AuthenticatedUser): Promise<AdminScope> {
    if (isGlobalAdmin(user)) return { kind: 'all' };
    const root = user.unitId ? await this.tree.findNode(user.unitId) : null;
    return root ? { kind: 'subtree', root } : { kind: 'none' };
  }

  /** The unit, or a 404 naming it. */
  async nodeOrFail(id: string): Promise<OrganisationNode> {
    const node = await this.tree.findNode(id);
    if (!node) throw new DomainException(DomainErrorCode.NotFound, { entity: 'đơn vị' });
    return node;
  }

  /** Refuses (403 OUTSIDE_SUBTREE) unless the caller administers every one of these units. */
  async assertAdministersAll(user: AuthenticatedUser, unitIds: string[]): Promise<void> {
    const scope = await this.scopeOf(user);
    if (scope.kind === 'all') return;
    const [outside] = await this.tree.outside(
      unitIds,
      scope.kind === 'subtree' ? scope.root.path : null,
    );
    if (outside) throw outsideSubtree(outside);
  }

  /** Refuses (403 OUTSIDE_SUBTREE) unless the caller administers the unit at `node`. */
  assertAdministers(actor: TreeActor, node: { id: string; code: string; path: string }): void {
    if (!administers(actor, node.path)) throw outsideSubtree(node);
  }
}
