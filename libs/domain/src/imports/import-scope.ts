import {
  administers,
  pathOf,
  type TreeActor,
  type TreeNode,
} from '../organisations/organisation-tree';

/**
 * Whose rows an import may touch, by the organisation tree's rule: the global administrator every
 * unit, an organisation's administrator (ORG_ADMIN) their own unit and every unit beneath it.
 */
export type ImportScope = TreeActor;

/** A unit as the scope sees it: `path` lists the ids from the top of the tree down to it. */
export type ScopedUnit = TreeNode;

export function withinImportScope(scope: ImportScope, unit: ScopedUnit): boolean {
  return administers(scope, pathOf(unit));
}
