import { Injectable } from '@nestjs/common';
import { pathOf } from '@epw/domain';
import type { OrgKind, RecognitionLevel, UnitKind } from '../generated/prisma/enums';
import { PrismaService, type PrismaTx } from '../prisma.service';

/** A unit's place in the organisation tree (its path never empty: see `pathOf`). */
export interface OrganisationNode {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  level: RecognitionLevel | null;
  orgKind: OrgKind | null;
  parentId: string | null;
  path: string;
}

/** The columns of an `OrganisationNode`. */
export const nodeSelect = {
  id: true,
  code: true,
  name: true,
  kind: true,
  level: true,
  orgKind: true,
  parentId: true,
  path: true,
} as const;

/** A row as a node: its path never empty. */
export const asNode = <T extends { id: string; path: string }>(row: T): T => ({
  ...row,
  path: pathOf(row),
});

/**
 * Reads of the organisation tree: a unit's place, its ancestors, its subtree (a prefix of the
 * materialized path `/<top>/…/<id>/`), and which units lie outside a subtree.
 */
@Injectable()
export class OrganisationTreeRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findNode(
    id: string,
    db: Pick<PrismaTx, 'unit'> = this.prisma,
  ): Promise<OrganisationNode | null> {
    const row = await db.unit.findUnique({ where: { id }, select: nodeSelect });
    return row ? asNode(row) : null;
  }

  /** The path of the unit (the caller's own, typically); null without a unit or for an unknown one. */
  async pathOfUnit(unitId: string | null): Promise<string | null> {
    if (!unitId) return null;
    return (await this.findNode(unitId))?.path ?? null;
  }

  /** The unit's ancestors, top first. */
  async ancestorsOf(node: { id: string; path: string }): Promise<OrganisationNode[]> {
    const ids = pathOf(node)
      .split('/')
      .filter((s) => s.length > 0 && s !== node.id);
    if (ids.length === 0) return [];
    const rows = await this.prisma.unit.findMany({
      where: { id: { in: ids } },
      select: nodeSelect,
    });
    return ids.flatMap((id) => rows.filter((r) => r.id === id).map(asNode));
  }

  /** The unit and every unit beneath it, by path (parents before their children) and code. */
  async subtreeOf(root: { id: string; path: string }): Promise<OrganisationNode[]> {
    const rows = await this.prisma.unit.findMany({
      where: { OR: [{ id: root.id }, { path: { startsWith: pathOf(root) } }] },
      select: nodeSelect,
      orderBy: [{ path: 'asc' }, { code: 'asc' }],
    });
    return rows.map(asNode);
  }

  /** Those of `unitIds` that exist and lie outside the subtree at `path` (null: no subtree, so
   * all of them), with their codes. */
  async outside(unitIds: string[], path: string | null): Promise<{ id: string; code: string }[]> {
    if (unitIds.length === 0) return [];
    const rows = await this.prisma.unit.findMany({
      where: { id: { in: unitIds } },
      select: { id: true, code: true, path: true },
    });
    return rows
      .filter((r) => path === null || !pathOf(r).startsWith(path))
      .map(({ id, code }) => ({ id, code }));
  }
}
