import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

export type PersonRecord = Prisma.PersonGetPayload<object>;

export interface NewPerson {
  unitId: string;
  fullName: string;
  position?: string;
  birthYear?: number;
}

/** The people of a unit (individual nominees) and its headcount (quân số, for quotas). */
@Injectable()
export class PersonRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  /** The unit's people (only those of `ids` when given), by name. */
  listByUnit(unitId: string, ids?: string[]): Promise<PersonRecord[]> {
    return this.prisma.person.findMany({
      where: { unitId, ...(ids ? { id: { in: ids } } : {}) },
      orderBy: { fullName: 'asc' },
    });
  }

  async unitExists(unitId: string): Promise<boolean> {
    return (
      (await this.prisma.unit.findUnique({ where: { id: unitId }, select: { id: true } })) !== null
    );
  }

  /** Adds a person to a unit, audited as `person.created`. */
  async create(person: NewPerson, actorUserId: string): Promise<PersonRecord> {
    const id = randomUUID();
    let created: PersonRecord | undefined;
    await this.audit.recordOnce(
      {
        eventKey: `person.created:${id}`,
        actorUserId,
        action: 'person.created',
        entityType: 'Person',
        entityId: id,
        payload: {
          unitId: person.unitId,
          fullName: person.fullName,
          position: person.position ?? null,
          birthYear: person.birthYear ?? null,
        },
      },
      async (tx) => {
        created = await tx.person.create({ data: { id, ...person } });
      },
    );
    return created ?? this.prisma.person.findUniqueOrThrow({ where: { id } });
  }

  /**
   * Sets a unit's headcount, audited as `unit.headcount-set` with the value before and after. An
   * unknown unit is the database's "record not found".
   */
  async setHeadcount(
    unitId: string,
    headcount: number,
    actorUserId: string,
  ): Promise<{ unitId: string; headcount: number | null }> {
    // The audit entry is appended after the write: the payload gets the value found under the lock.
    const payload: Record<string, unknown> = { before: null, after: headcount };
    let result: { unitId: string; headcount: number | null } | undefined;
    await this.audit.recordOnce(
      {
        eventKey: `unit.headcount-set:${unitId}:${randomUUID()}`,
        actorUserId,
        action: 'unit.headcount-set',
        entityType: 'Unit',
        entityId: unitId,
        payload,
      },
      async (tx) => {
        const before = await tx.unit.findUnique({
          where: { id: unitId },
          select: { headcount: true },
        });
        payload['before'] = before?.headcount ?? null;
        const u = await tx.unit.update({ where: { id: unitId }, data: { headcount } });
        result = { unitId: u.id, headcount: u.headcount };
      },
    );
    if (result) return result;
    const u = await this.prisma.unit.findUniqueOrThrow({ where: { id: unitId } });
    return { unitId: u.id, headcount: u.headcount };
  }
}
