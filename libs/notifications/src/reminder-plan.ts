import type { ClockSpec } from '@epw/contracts';
import { CycleClock, WorkingDayCalendar, startOfVietnamDay, toVietnamDate } from '@epw/domain';

/** Reminders go out at 08:00 Vietnam time of their working day. */
const SEND_HOUR_MS = 8 * 3600_000;

export interface PlannedReminder {
  offset: number;
  atMs: number;
}

/**
 * When to remind: `offset` working days before the deadline's calendar date, at 08:00, on the
 * cycle's clock (so an accelerated calendar reminds in accelerated time). Past instants are dropped
 * by the caller, not here, so a rebuild after an outage can still send what was due meanwhile.
 */
export function planReminders(
  dueAtMs: number,
  offsets: number[],
  clock: ClockSpec,
  holidays: string[],
): PlannedReminder[] {
  const cycleClock = new CycleClock(clock.periodStart, clock.epochMs, clock.scale);
  const calendar = new WorkingDayCalendar(holidays);
  const dueOn = dueDateOf(dueAtMs, clock);
  return [...new Set(offsets)]
    .filter((n) => Number.isInteger(n) && n > 0)
    .sort((a, b) => b - a)
    .map((offset) => {
      const day = calendar.subtractWorkingDays(dueOn, offset);
      return { offset, atMs: cycleClock.toRealInstant(startOfVietnamDay(day) + SEND_HOUR_MS) };
    })
    .filter((r) => r.atMs < dueAtMs);
}

/** The calendar date of a deadline (end of that day). One real millisecond is `scale` calendar
 * milliseconds, so step back that much: rounding must not carry the deadline past midnight. */
export function dueDateOf(dueAtMs: number, clock: ClockSpec): string {
  const cycleClock = new CycleClock(clock.periodStart, clock.epochMs, clock.scale);
  return toVietnamDate(cycleClock.toCalendarInstant(dueAtMs) - Math.max(1, Math.ceil(clock.scale)));
}
