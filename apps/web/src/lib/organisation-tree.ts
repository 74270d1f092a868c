import type { Unit } from '../api/directory';

/** A unit with the units directly beneath it. */
export interface TreeUnit {
  unit: Unit;
  children: TreeUnit[];
}

/**
 * The units as a forest: each under its parent, children by code; a unit whose parent is not in
 * the list (a top-level organisation, or an organisation administrator's own) is a root.
 */
export function buildForest(units: Unit[]): TreeUnit[] {
  const nodes = new Map(units.map((unit) => [unit.id, { unit, children: [] as TreeUnit[] }]));
  const roots: TreeUnit[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const byCode = (a: TreeUnit, b: TreeUnit) => a.unit.code.localeCompare(b.unit.code);
  for (const node of nodes.values()) node.children.sort(byCode);
  return roots.sort(byCode);
}

/** The ids of the units whose code or name contains `needle` (lower case), and of every unit
 * above one of them (to show the way to it). */
export function visibleIds(forest: TreeUnit[], needle: string): Set<string> {
  const shown = new Set<string>();
  const visit = (node: TreeUnit): boolean => {
    const own =
      node.unit.code.toLocaleLowerCase('vi').includes(needle) ||
      node.unit.name.toLocaleLowerCase('vi').includes(needle);
    // Every child is visited (no short-circuit): each match below must be found.
    const below = node.children.map(visit).some(Boolean);
    if (own || below) shown.add(node.unit.id);
    return own || below;
  };
  forest.forEach(visit);
  return shown;
}

/** The unit and every unit beneath it. */
export function subtreeIds(units: Unit[], rootId: string): Set<string> {
  const ids = new Set<string>([rootId]);
  for (const u of units) if (u.ancestorIds.includes(rootId)) ids.add(u.id);
  return ids;
}
