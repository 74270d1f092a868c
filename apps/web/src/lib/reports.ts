import type { components } from '../api/schema';

/** Counts the Vietnamese way: 1.234 (a dot groups thousands). */
export function formatCount(n: number): string {
  return n.toLocaleString('vi-VN');
}

/** A score or other decimal the Vietnamese way, at most two decimals: 89,5. */
export function formatDecimal(n: number): string {
  return n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
}

/** A share of the total in percent, one decimal, Vietnamese decimal comma: "33,3 %". */
export function formatShare(count: number, total: number): string {
  const value = total === 0 ? 0 : (count / total) * 100;
  return `${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
}

/** A name safe for a downloaded file: no diacritics, no separators ("01/QĐ-HĐTĐ" → "01-QD-HDTD"). */
export function fileSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The period of a report in its file name: "2026", "2024-2026", "tat-ca". */
export function periodSlug(from: number | undefined, to: number | undefined): string {
  if (from === undefined && to === undefined) return 'tat-ca';
  if (from === to) return String(from);
  return `${from ?? ''}-${to ?? ''}`.replace(/^-|-$/g, '');
}

export type LevelCounts = components['schemas']['RecognitionLevelsDto'];

/** The rows of the by-year chart: one per year, a series per level, labelled in the UI language. */
export function yearChartData(
  byYear: { year: number; levels: LevelCounts }[],
  levelName: (level: keyof LevelCounts) => string,
): Record<string, string | number>[] {
  return byYear.map((y) => {
    const row: Record<string, string | number> = { year: String(y.year) };
    for (const [level, count] of Object.entries(y.levels) as [keyof LevelCounts, number][]) {
      row[levelName(level)] = count;
    }
    return row;
  });
}

/** Every year of the period, with zeros for the years without awards (a year-by-year chart shows
 * the gaps); without both bounds, the years that have awards. Capped at 30 years. */
export function fillYears<T extends { year: number; total: number; levels: LevelCounts }>(
  byYear: T[],
  from: number | null | undefined,
  to: number | null | undefined,
): { year: number; total: number; levels: LevelCounts }[] {
  if (from == null || to == null || to < from || to - from > 30) return byYear;
  const known = new Map(byYear.map((y) => [y.year, y]));
  const years: { year: number; total: number; levels: LevelCounts }[] = [];
  for (let year = from; year <= to; year++) {
    years.push(
      known.get(year) ?? {
        year,
        total: 0,
        levels: { BASE: 0, BLOC: 0, DISTRICT: 0, PROVINCE: 0, CENTRAL: 0 },
      },
    );
  }
  return years;
}

/** Years to offer in a filter: from the first year with awards (or a floor) to next year. */
export function yearOptions(now: Date = new Date(), first = 2020): string[] {
  const last = now.getUTCFullYear() + 1;
  const years: string[] = [];
  for (let y = last; y >= first; y--) years.push(String(y));
  return years;
}
