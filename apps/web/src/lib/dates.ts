import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import relativeTime from 'dayjs/plugin/relativeTime';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);

/** Deadlines are calendar dates in Vietnam; every instant is shown on Vietnam's clock. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export type AppLocale = 'vi' | 'en';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` (no time zone: it already is a Vietnamese date) as DD/MM/YYYY. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const m = CALENDAR_DATE.exec(date);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  return formatInstantDate(date);
}

/** The Vietnamese date of an instant, DD/MM/YYYY. */
export function formatInstantDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dayjs(iso).tz(VIETNAM_TIME_ZONE).format('DD/MM/YYYY');
}

/** An instant on Vietnam's clock: `HH:mm DD/MM/YYYY` (seconds when asked, for accelerated
 * calendars where a day passes in seconds). */
export function formatDateTime(
  iso: string | null | undefined,
  opts: { seconds?: boolean } = {},
): string {
  if (!iso) return '—';
  return dayjs(iso)
    .tz(VIETNAM_TIME_ZONE)
    .format(opts.seconds ? 'HH:mm:ss DD/MM/YYYY' : 'HH:mm DD/MM/YYYY');
}

/** "in 3 days" / "còn 3 ngày"-style distance from now. */
export function fromNow(iso: string, locale: AppLocale, now: number = Date.now()): string {
  return dayjs(iso).locale(locale).from(dayjs(now));
}

/** Today's date in Vietnam, `YYYY-MM-DD`. */
export function todayInVietnam(now: number = Date.now()): string {
  return dayjs(now).tz(VIETNAM_TIME_ZONE).format('YYYY-MM-DD');
}

/** The weekday of a calendar date in the given language ("Thứ Tư", "Wednesday"). */
export function weekdayOf(date: string, locale: AppLocale): string {
  const name = dayjs(`${date}T12:00:00Z`).locale(locale).format('dddd');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Whole days from `fromDate` to `toDate` (calendar dates). */
export function daysBetween(fromDate: string, toDate: string): number {
  return dayjs(`${toDate}T00:00:00Z`).diff(dayjs(`${fromDate}T00:00:00Z`), 'day');
}

export function isPast(iso: string, now: number = Date.now()): boolean {
  return Date.parse(iso) <= now;
}
