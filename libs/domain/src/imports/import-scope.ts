import {
  administers,
  pathOf,
  type TreeActor,
  type TreeNode,
} from '../organisations/organisation-tree';
import type { ImportRowReader } from './import-table';

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

/** The unit of `code` among `units` when it is within the scope; otherwise an issue of the row's
 * `key` column (unknownUnit or outsideScope) and undefined. */
export function scopedImportUnit<U extends ScopedUnit>(
  x: ImportRowReader,
  key: string,
  code: string,
  units: ReadonlyMap<string, U>,
  scope: ImportScope,
): U | undefined {
  const unit = units.get(code);
  if (!unit) {
    x.fail(
      key,
      'unknownUnit',
      `"${code}" không phải mã đơn vị nào.`,
      `"${code}" is not the code of any unit.`,
    );
    return undefined;
  }
  if (!withinImportScope(scope, unit)) {
    x.fail(
      key,
      'outsideScope',
      `"${code}" không thuộc tổ chức bạn quản trị.`,
      `"${code}" is outside the organisation you administer.`,
    );
    return undefined;
  }
  return unit;
}
