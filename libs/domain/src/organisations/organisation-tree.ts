import type { RecognitionLevel } from '../commendation/award-form.types';
import { DomainErrorCode } from '../errors/domain-error-code';
import { DomainException } from '../errors/domain.exception';

/** The kind of an organisation (Unit.orgKind): decides its documents' header and numbering. */
export const ORG_KINDS = [
  'PARTY_COMMITTEE',
  'PARTY_BOARD',
  'PARTY_CELL',
  'PEOPLES_COMMITTEE',
  'STATE_AGENCY',
  'MASS_ORGANISATION',
  'ENTERPRISE',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/**
 * An organisation's place in the tree. `path` lists the ids from the top down to the unit,
 * `/<top>/…/<id>/`, so a subtree is every path with that prefix. A unit written before the tree
 * existed may have an empty path: it is then a top-level unit (`/<id>/`).
 */
export interface TreeNode {
  id: string;
  path: string;
}

/** The caller as the tree rules see them: their roles and the path of their unit (if any). */
export interface TreeActor {
  roles: readonly string[];
  unitPath: string | null;
}

/** The path of `node`, also for a unit written before the tree existed (empty path). */
export function pathOf(node: TreeNode): string {
  return node.path || `/${node.id}/`;
}

/** The path of a unit with id `id` placed under `parent` (or at the top). */
export function childPath(parent: TreeNode | null, id: string): string {
  return parent ? `${pathOf(parent)}${id}/` : `/${id}/`;
}

/** Ids from the top down to the unit itself. */
export function idsOnPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

/** Ids of the unit's ancestors, top first (not the unit itself). */
export function ancestorIds(node: TreeNode): string[] {
  return idsOnPath(pathOf(node)).slice(0, -1);
}

/** 0 for a top-level unit, 1 for its children, … */
export function depthOf(node: TreeNode): number {
  return idsOnPath(pathOf(node)).length - 1;
}

/** Whether `path` is the unit at `ancestorPath` or lies beneath it. */
export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/** Rank of a level from the top: central 0, province 1, bloc and district 2, base 3, beneath the
 * base (null: chi bộ, enterprise, ward) 4. */
export function levelRank(level: RecognitionLevel | null): number {
  switch (level) {
    case 'CENTRAL':
      return 0;
    case 'PROVINCE':
      return 1;
    case 'BLOC':
    case 'DISTRICT':
      return 2;
    case 'BASE':
      return 3;
    default:
      return 4;
  }
}

/** Kinds that never decide above the base: a chi bộ or an enterprise sits at the base or beneath. */
const GRASSROOTS_KINDS: readonly OrgKind[] = ['PARTY_CELL', 'ENTERPRISE'];

/**
 * The rule an organisation's level and kind break where it is placed, or null: a unit is never at
 * a higher level than its parent (a board or the People's Committee may share its party
 * committee's level), and a chi bộ or enterprise is at the base or beneath it. The answer names
 * the field and the rule, as a 400 does.
 */
export function placementViolation(
  unit: { level: RecognitionLevel | null; orgKind: OrgKind | null },
  parent: { level: RecognitionLevel | null } | null,
): { field: 'level' | 'parentId'; rule: string } | null {
  if (unit.orgKind && GRASSROOTS_KINDS.includes(unit.orgKind) && levelRank(unit.level) < 3)
    return { field: 'level', rule: 'grassrootsKindAtBaseOrBeneath' };
  if (parent && levelRank(unit.level) < levelRank(parent.level))
    return { field: 'parentId', rule: 'parentLevelNotBelowUnit' };
  return null;
}

export function assertValidPlacement(
  unit: { level: RecognitionLevel | null; orgKind: OrgKind | null },
  parent: { level: RecognitionLevel | null } | null,
): void {
  const violation = placementViolation(unit, parent);
  if (violation) throw new DomainException(DomainErrorCode.ValidationFailed, violation);
}

/**
 * Moving `unit` under `newParent` would make it its own ancestor: the new parent is the unit
 * itself or one of its descendants.
 */
export function wouldCreateCycle(unit: TreeNode, newParent: TreeNode): boolean {
  return isWithin(pathOf(newParent), pathOf(unit));
}

export const isGlobalAdmin = (actor: Pick<TreeActor, 'roles'>): boolean =>
  actor.roles.includes('ADMIN');

/** Whether the actor administers the unit at `path`: the global administrator every unit, an
 * organisation administrator their own unit and every unit beneath it. */
export function administers(actor: TreeActor, path: string): boolean {
  if (isGlobalAdmin(actor)) return true;
  return (
    actor.roles.includes('ORG_ADMIN') && actor.unitPath !== null && isWithin(path, actor.unitPath)
  );
}

/** Whether the actor may edit or move the unit itself: strictly beneath their own organisation
 * (where their organisation sits is decided by the level above). */
export function administersStrictlyBeneath(actor: TreeActor, path: string): boolean {
  if (isGlobalAdmin(actor)) return true;
  return administers(actor, path) && path !== actor.unitPath;
}

/** Roles an organisation administrator may give: every role but the global ADMIN. */
export function grantableRoles(actor: Pick<TreeActor, 'roles'>, roles: readonly string[]): boolean {
  return isGlobalAdmin(actor) || !roles.includes('ADMIN');
}

/**
 * Whether the actor may read directory data of the unit at `path` (its people, its subtree).
 * Roles other than ORG_ADMIN keep what they read before the tree existed; ORG_ADMIN adds reading
 * its own subtree and never narrows another role.
 */
export function readsUnit(actor: TreeActor, path: string): boolean {
  if (!actor.roles.includes('ORG_ADMIN') || actor.roles.some((r) => r !== 'ORG_ADMIN')) return true;
  return administers(actor, path);
}

/** Roles that oversee every organisation (appraisal, council, deciding leaders). */
const OVERSIGHT_ROLES = ['ADMIN', 'REVIEWER', 'COUNCIL_MEMBER', 'AUTHORITY'];

/**
 * Whether the actor sees the organisation tree at `path`: overseers every part of it, everyone
 * else their own organisation and what lies beneath it (siblings never see each other).
 */
export function seesSubtree(actor: TreeActor, path: string): boolean {
  if (actor.roles.some((r) => OVERSIGHT_ROLES.includes(r))) return true;
  return actor.unitPath !== null && isWithin(path, actor.unitPath);
}

export function outsideSubtree(unit: {
  code?: string;
  name?: string;
  id: string;
}): DomainException {
  return new DomainException(DomainErrorCode.OutsideSubtree, {
    unit: unit.code ?? unit.name ?? unit.id,
  });
}
