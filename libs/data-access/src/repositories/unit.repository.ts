import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { RecognitionLevel, UnitKind } from '../generated/prisma/enums';
import { PrismaService } from '../prisma.service';

/** A unit or authority, with the number of its accounts. */
export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  level: RecognitionLevel | null;
  headcount: number | null;
  createdAt: Date;
  _count: { users: number };
}

export interface UnitFields {
  name: string;
  kind: UnitKind;
  level: RecognitionLevel | null;
  headcount: number | null;
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

  /** Units by kind and code, optionally of one kind or whose code or name contains `search`. */
  list(filter: { kind?: UnitKind; search?: string }): Promise<UnitRecord[]> {
    return this.prisma.unit.findMany({
      where: {
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.search
          ? {
              OR: [
                { code: { contains: filter.search, mode: 'insensitive' } },
                { name: { contains: filter.search, mode: 'insensitive' } },
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

  /** Creates the unit, audited as `unit.created` with `payload`; a code taken meanwhile is the
   * database's unique violation. */
  async recordCreated(
    actorUserId: string,
    unit: UnitFields & { id: string; code: string },
    payload: Record<string, unknown>,
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
        await tx.unit.create({ data: unit });
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
}
