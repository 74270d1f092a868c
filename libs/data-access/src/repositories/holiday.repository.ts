import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { PrismaService } from '../prisma.service';
import { forgetHolidayDates } from './holiday-dates';

/** A public holiday: `date` is a calendar date, YYYY-MM-DD. */
export interface HolidayRecord {
  date: string;
  name: string;
}

const dayOf = (date: string) => new Date(`${date}T00:00:00Z`);
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Public holidays (with weekends, not working days): the calendar behind working-day deadlines. */
@Injectable()
export class HolidayRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  async list(): Promise<HolidayRecord[]> {
    const rows = await this.prisma.holiday.findMany({ orderBy: { date: 'asc' } });
    return rows.map((h) => ({ date: isoDate(h.date), name: h.name }));
  }

  /** Adds the holiday, or renames it when the date is one already; audited as `holiday.added`. */
  async put(actorUserId: string, holiday: HolidayRecord): Promise<void> {
    const payload: Record<string, unknown> = { name: holiday.name, previousName: null };
    await this.audit.recordOnce(
      {
        eventKey: `holiday.added:${holiday.date}:${randomUUID()}`,
        actorUserId,
        action: 'holiday.added',
        entityType: 'Holiday',
        entityId: holiday.date,
        payload,
      },
      async (tx) => {
        const day = dayOf(holiday.date);
        const before = await tx.holiday.findUnique({ where: { date: day } });
        payload['previousName'] = before?.name ?? null;
        await tx.holiday.upsert({
          where: { date: day },
          create: { date: day, name: holiday.name },
          update: { name: holiday.name },
        });
      },
    );
    forgetHolidayDates();
  }

  /** Removes the holiday, audited as `holiday.removed`; a date that is no holiday is the
   * database's record-not-found error (nothing is written). */
  async remove(actorUserId: string, date: string): Promise<void> {
    const payload: Record<string, unknown> = { name: null };
    await this.audit.recordOnce(
      {
        eventKey: `holiday.removed:${date}:${randomUUID()}`,
        actorUserId,
        action: 'holiday.removed',
        entityType: 'Holiday',
        entityId: date,
        payload,
      },
      async (tx) => {
        const removed = await tx.holiday.delete({ where: { date: dayOf(date) } });
        payload['name'] = removed.name;
      },
    );
    forgetHolidayDates();
  }
}
