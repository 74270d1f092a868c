/**
 * The public holidays as calendar dates (YYYY-MM-DD, ascending), read from PostgreSQL at most once
 * a minute per process: every working-day deadline (each step a dossier opens, each reminder plan)
 * needs them, and they change a few times a year. A change made through this process's
 * HolidayRepository takes effect at once; one made by another process within HOLIDAY_DATES_TTL_MS.
 */
export const HOLIDAY_DATES_TTL_MS = 60_000;

let cached: { readAt: number; dates: Promise<readonly string[]> } | null = null;

export function holidayDates(
  load: () => Promise<string[]>,
  now: number = Date.now(),
): Promise<readonly string[]> {
  if (cached && now - cached.readAt < HOLIDAY_DATES_TTL_MS) return cached.dates;
  const entry = { readAt: now, dates: load() as Promise<readonly string[]> };
  cached = entry;
  // A failed read is not kept: the next caller reads again.
  entry.dates.catch(() => {
    if (cached === entry) cached = null;
  });
  return entry.dates;
}

/** Forgets the dates read (after a holiday is added, renamed or removed). */
export function forgetHolidayDates(): void {
  cached = null;
}
