import { type CalendarDate, addCalendarDays, isCalendarDate } from './vietnam-time';

const SUNDAY = 0;
const SATURDAY = 6;

/**
 * Vietnam's public holidays for 2026 as decided for the civil service (Tết: 14–22/02, the weekdays
 * 16–20/02 off; Giỗ Tổ Hùng Vương falls on Sunday 26/04 and is observed on Monday 27/04).
 * An editable seed list only: the authoritative list is data in the database, because the
 * government announces swaps and compensatory days year by year.
 */
export const VIETNAM_PUBLIC_HOLIDAYS_2026: CalendarDate[] = [
  '2026-01-01',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-04-27',
  '2026-04-30',
  '2026-05-01',
  '2026-09-01',
  '2026-09-02',
];

function assertDate(date: CalendarDate): void {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`a number of working days must be a non-negative integer, got ${n}`);
  }
}

/** 0 = Sunday. A CalendarDate is a civil date, so UTC arithmetic on it is exact and needs no
 * time zone. */
function weekdayOf(date: CalendarDate): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Deadlines in Vietnamese administration count working days: Monday to Friday, minus public
 * holidays. */
export class WorkingDayCalendar {
  private readonly holidays: ReadonlySet<CalendarDate>;

  constructor(holidays: Iterable<CalendarDate>) {
    const set = new Set<CalendarDate>();
    for (const holiday of holidays) {
      assertDate(holiday);
      set.add(holiday);
    }
    this.holidays = set;
  }

  isWorkingDay(date: CalendarDate): boolean {
    assertDate(date);
    const weekday = weekdayOf(date);
    return weekday !== SUNDAY && weekday !== SATURDAY && !this.holidays.has(date);
  }

  /** The first working day on or after `date` (strictly after it when `inclusive` is false). */
  nextWorkingDay(date: CalendarDate, inclusive = true): CalendarDate {
    return this.step(date, inclusive, 1);
  }

  /** The last working day on or before `date` (strictly before it when `inclusive` is false). */
  previousWorkingDay(date: CalendarDate, inclusive = true): CalendarDate {
    return this.step(date, inclusive, -1);
  }

  /** The n-th working day after `date`, not counting `date` itself; with n = 0, `date` snapped
   * forward to a working day. */
  addWorkingDays(date: CalendarDate, n: number): CalendarDate {
    assertCount(n);
    if (n === 0) return this.nextWorkingDay(date, true);
    let current = date;
    for (let i = 0; i < n; i++) current = this.nextWorkingDay(current, false);
    return current;
  }

  /** The n-th working day before `date`, not counting `date` itself; with n = 0, `date` snapped
   * back to a working day. */
  subtractWorkingDays(date: CalendarDate, n: number): CalendarDate {
    assertCount(n);
    if (n === 0) return this.previousWorkingDay(date, true);
    let current = date;
    for (let i = 0; i < n; i++) current = this.previousWorkingDay(current, false);
    return current;
  }

  /** Working days in (from, to]: how many working days a task started on `from` has used by the
   * end of `to`. */
  workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
    assertDate(from);
    assertDate(to);
    let count = 0;
    // ISO dates compare correctly as strings.
    for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
      if (this.isWorkingDay(day)) count++;
    }
    return count;
  }

  private step(date: CalendarDate, inclusive: boolean, direction: 1 | -1): CalendarDate {
    assertDate(date);
    // Terminates: the holiday set is finite and every week has five weekdays.
    let day = inclusive ? date : addCalendarDays(date, direction);
    while (!this.isWorkingDay(day)) day = addCalendarDays(day, direction);
    return day;
  }
}
