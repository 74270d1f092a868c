import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { PrismaService } from '../prisma.service';

/** The record of a Temporal Schedule that opens a cluster's cycle for a movement every year. */
export interface CycleScheduleRecord {
  id: string;
  clusterId: string;
  movementCode: string;
  movementName: string;
  ruleSetCode: string;
  calendarScale: number;
  createdAt: Date;
}

const ENTITY = 'CycleSchedule';

/** Yearly cycle schedules (the Temporal Schedule itself lives in Temporal; this is its record). */
@Injectable()
export class CycleScheduleRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  list(): Promise<CycleScheduleRecord[]> {
    return this.prisma.cycleSchedule.findMany({ orderBy: { createdAt: 'asc' } });
  }

  findById(id: string): Promise<CycleScheduleRecord | null> {
    return this.prisma.cycleSchedule.findUnique({ where: { id } });
  }

  /** Stores the record of a schedule just created in Temporal, audited as `schedule.created`. */
  async recordCreated(
    actorUserId: string,
    schedule: Omit<CycleScheduleRecord, 'createdAt'> & { cron: string },
  ): Promise<void> {
    const { cron, ...row } = schedule;
    await this.audit.recordOnce(
      {
        eventKey: `schedule.created:${row.id}:${randomUUID()}`,
        actorUserId,
        action: 'schedule.created',
        entityType: ENTITY,
        entityId: row.id,
        payload: { ...row, cron },
      },
      async (tx) => {
        await tx.cycleSchedule.create({ data: row });
      },
    );
  }

  /** An administrator ran the schedule now (Temporal started its action): audited as
   * `schedule.triggered`; the records it leads to are the cycle's own. */
  async recordTriggered(actorUserId: string, id: string): Promise<void> {
    await this.audit.recordOnce(
      {
        eventKey: `schedule.triggered:${id}:${randomUUID()}`,
        actorUserId,
        action: 'schedule.triggered',
        entityType: ENTITY,
        entityId: id,
        payload: {},
      },
      async () => {},
    );
  }
}
