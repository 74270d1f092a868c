import { type CalendarDate, startOfVietnamDay, endOfVietnamDay } from './vietnam-time';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Maps a cycle's calendar onto real time. With `scale = 1` a date is that date; with `scale = N`
 * N calendar days pass per real day, starting at `epochMs` (the real instant that stands for
 * 00:00 of the period's first day). Accelerated demos and tests scale the calendar this way;
 * nothing fakes the clock.
 */
export class CycleClock {
  private readonly periodStartMs: number;

  constructor(
    readonly periodStart: CalendarDate,
    readonly epochMs: number,
    readonly scale: number,
  ) {
    if (!(scale >= 1)) throw new RangeError('calendar scale must be >= 1');
    this.periodStartMs = startOfVietnamDay(periodStart);
  }

  static real(periodStart: CalendarDate): CycleClock {
    return new CycleClock(periodStart, startOfVietnamDay(periodStart), 1);
  }

  /** Real instant at which the calendar reaches `calendarMs`. */
  toRealInstant(calendarMs: number): number {
    return this.epochMs + Math.round((calendarMs - this.periodStartMs) / this.scale);
  }

  /** Calendar instant shown at real instant `realMs`. */
  toCalendarInstant(realMs: number): number {
    return this.periodStartMs + (realMs - this.epochMs) * this.scale;
  }

  /** Real instant of a deadline "by <date>" (end of that day in Vietnam). */
  deadlineOf(date: CalendarDate): number {
    return this.toRealInstant(endOfVietnamDay(date));
  }

  /** Real length of `days` calendar days. */
  realDuration(days: number): number {
    return Math.round((days * DAY_MS) / this.scale);
  }
}
