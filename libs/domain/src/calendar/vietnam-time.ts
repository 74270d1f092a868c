/** Vietnam has used UTC+07:00 all year, without daylight saving, since 1975, so a fixed offset is
 * exact for Asia/Ho_Chi_Minh and keeps this module free of timezone databases. */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as written by users: YYYY-MM-DD, meaning that day in Asia/Ho_Chi_Minh. */
export type CalendarDate = string;

export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** 00:00 of the date in Vietnam, as an absolute instant (epoch ms). */
export function startOfVietnamDay(date: CalendarDate): number {
  const m = ISO_DATE.exec(date);
  if (!m || !isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return (
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - VIETNAM_UTC_OFFSET_MINUTES * 60_000
  );
}

/** The last millisecond of the date in Vietnam: a deadline "by 31/10" means until 23:59:59.999. */
export function endOfVietnamDay(date: CalendarDate): number {
  return startOfVietnamDay(date) + DAY_MS - 1;
}

/** The calendar date in Vietnam of an instant. */
export function toVietnamDate(instantMs: number): CalendarDate {
  const shifted = new Date(instantMs + VIETNAM_UTC_OFFSET_MINUTES * 60_000);
  return shifted.toISOString().slice(0, 10);
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return toVietnamDate(startOfVietnamDay(date) + days * DAY_MS);
}

/** "dd/MM/yyyy HH:mm" in Vietnam time, the way Vietnamese documents write it. */
export function formatVietnamDateTime(instantMs: number): string {
  const iso = new Date(instantMs + VIETNAM_UTC_OFFSET_MINUTES * 60_000).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}
