import { type CalendarDate, isCalendarDate, startOfVietnamDay } from '@epw/domain';

interface DateParts {
  year: string;
  month: number;
  day: number;
}

function partsOf(date: CalendarDate): DateParts {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return {
    year: date.slice(0, 4),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

/** "ngày 05 tháng 3 năm 2026": Decree 30/2020/NĐ-CP writes a leading zero for days below 10 and
 * for January and February only, so that the date cannot be altered by adding a digit. */
export function vietnameseLongDate(date: CalendarDate): string {
  const { year, month, day } = partsOf(date);
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/** "05/03/2026", the short form used in tables and spreadsheets. */
export function vietnameseShortDate(date: CalendarDate): string {
  const { year, month, day } = partsOf(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** Midnight of the date in Vietnam: a stable document timestamp that does not depend on the clock
 * or on the machine's time zone. */
export function documentTimestamp(date: CalendarDate): Date {
  return new Date(startOfVietnamDay(date));
}
