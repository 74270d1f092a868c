import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainErrorCode, DomainException, childPath, pathOf } from '@epw/domain';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { OrgKind, RecognitionLevel, UnitKind } from '../generated/prisma/enums';
import { PrismaService, type PrismaTx } from '../prisma.service';
import { likeLiteral } from './like-literal';
import { type OrganisationNode, asNode, nodeSelect } from './organisation-tree.repository';

/** A unit or authority, with the number of its accounts. */
export interface UnitRecord extends OrganisationNode {
  /** `/<top>/…/<id>/`; empty for a unit written before the tree existed (a top-level unit). */
  path: string;
  headcount: number | null;
  createdAt: Date;
  _count: { users: number };
}

export interface UnitFields {
  name: string;
  kind: UnitKind;
  level: RecognitionLevel | null;
  orgKind: OrgKind | null;
  headcount: number | null;
}

/** Checks run inside the write's transaction, on the parent as it is then (null: the top). */
export type PlacementGuard = (parent: OrganisationNode | null) => void;

async function nodeIn(tx: PrismaTx, id: string): Promise<OrganisationNode | null> {
  const row = await tx.unit.findUnique({ where: { id }, select: nodeSelect });
  return row ? asNode(row) : null;
}

/** The parent of a write, read in its transaction: a parent gone meanwhile is bad input. */
async function parentIn(tx: PrismaTx, parentId: string | null): Promise<OrganisationNode | null> {
  if (!parentId) return null;
  const parent = await nodeIn(tx, parentId);
  if (!parent)
    throw new DomainException(DomainErrorCode.ValidationFailed, {
      field: 'parentId',
      rule: 'unitExists',
    });
  return parent;
}

const withUserCount = { _count: { select: { users: true } } } as const;
const ENTITY = 'Unit';

/** Units (member units and deciding authorities), kept by administrators; every change is
 * audited. */
@Injectable()
export class UnitRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  /** Units by kind and code, optionally of one kind, whose code or name contains `search`, or
   * within the subtree of `within` (the unit itself and every unit beneath it). */
  list(filter: {
    kind?: UnitKind;
    search?: string;
    within?: { id: string; path: string };
  }): Promise<UnitRecord[]> {
    return this.prisma.unit.findMany({
      where: {
        ...(filter.within
          ? {
              AND: [
                {
                  OR: [{ id: filter.within.id }, { path: { startsWith: pathOf(filter.within) } }],
                },
              ],
            }
          : {}),
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.search
          ? {
              OR: [
                { code: { contains: likeLiteral(filter.search), mode: 'insensitive' } },
                { name: { contains: likeLiteral(filter.search), mode: 'insensitive' } },
              ],
            }
          : {}),
      },
      include: withUserCount,
      orderBy: [{ kind: 'asc' }, { code: 'asc' }],
    });
  }

  findById(id: string): Promise<UnitRecord | null> {
    return this.prisma.unit.findUnique({ where: { id }, include: withUserCount });
  }

  async codeTaken(code: string): Promise<boolean> {
    return (await this.prisma.unit.findUnique({ where: { code }, select: { id: true } })) !== null;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.prisma.unit.findUnique({ where: { id }, select: { id: true } })) !== null;
  }

  /** The kind of each of these units that exists. */
  kindsOf(ids: string[]): Promise<{ id: string; kind: UnitKind }[]> {
    return this.prisma.unit.findMany({
      where: { id: { in: ids } },
      select: { id: true, kind: true },
    });
  }

  /** Creates the unit under `unit.parentId` (or at the top), audited as `unit.created` with
   * `payload`; `guard` sees the parent as it is in the transaction. A code taken meanwhile is the
   * database's unique violation. */
  async recordCreated(
    actorUserId: string,
    unit: UnitFields & { id: string; code: string; parentId: string | null },
    payload: Record<string, unknown>,
    guard: PlacementGuard = () => undefined,
  ): Promise<void> {
    await this.audit.recordOnce(
      {
        eventKey: `unit-${unit.id}/created`,
        actorUserId,
        action: 'unit.created',
        entityType: ENTITY,
        entityId: unit.id,
        payload,
      },
      async (tx) => {
        const parent = await parentIn(tx, unit.parentId);
        guard(parent);
        await tx.unit.create({ data: { ...unit, path: childPath(parent, unit.id) } });
      },
    );
  }

  /** Applies `patch`, audited as `unit.updated` with the changed fields. */
  async recordUpdated(
    actorUserId: string,
    unit: { id: string; code: string },
    patch: Partial<UnitFields>,
    changes: Record<string, { from: unknown; to: unknown }>,
  ): Promise<void> {
    await this.audit.recordOnce(
      {
        eventKey: `unit-${unit.id}/updated-${randomUUID()}`,
        actorUserId,
        action: 'unit.updated',
        entityType: ENTITY,
        entityId: unit.id,
        payload: { code: unit.code, changes },
      },
      async (tx) => {
        await tx.unit.update({ where: { id: unit.id }, data: patch });
      },
    );
  }

  /**
   * Applies `patch` and moves the unit under `move.parentId` (null: to the top), audited as
   * `unit.moved` with the changed fields, the path before and after and how many units beneath it
   * moved along. The paths of the whole subtree are rewritten in the same transaction; `guard`
   * sees the unit and the new parent as they are then (audited writes are serialized, so no other
   * move can interleave).
   */
  async recordMoved(
    actorUserId: string,
    unit: { id: string; code: string },
    patch: Partial<UnitFields>,
    move: { parentId: string | null },
    changes: Record<string, { from: unknown; to: unknown }>,
    guard: (unit: OrganisationNode, parent: OrganisationNode | null) => void,
  ): Promise<void> {
    // Filled in by the write, which reads the paths in its transaction; the entry is appended
    // after the write, in the same transaction.
    const payload: Record<string, unknown> = { code: unit.code, changes };
    await this.audit.recordOnce(
      {
        eventKey: `unit-${unit.id}/moved-${randomUUID()}`,
        actorUserId,
        action: 'unit.moved',
        entityType: ENTITY,
        entityId: unit.id,
        payload,
      },
      async (tx) => {
        const current = await nodeIn(tx, unit.id);
        if (!current) throw new DomainException(DomainErrorCode.NotFound, { entity: 'đơn vị' });
        const parent = await parentIn(tx, move.parentId);
        guard(current, parent);
        const from = current.path;
        const to = childPath(parent, unit.id);
        await tx.unit.update({
          where: { id: unit.id },
          data: { ...patch, parentId: move.parentId, path: to },
        });
        const descendants = await tx.$executeRaw`
          UPDATE "Unit" SET "path" = ${to} || substr("path", ${from.length + 1})
          WHERE starts_with("path", ${from}) AND "id" <> ${unit.id}::uuid`;
        Object.assign(payload, { fromPath: from, toPath: to, descendants });
      },
    );
  }
}
