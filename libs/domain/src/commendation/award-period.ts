/**
 * The period an achievement belongs to (kỳ thi đua): a year, a quarter of a year, or a multi-year
 * phase (giai đoạn). Movements run on any of them side by side, and "one achievement, one award"
 * is judged per movement and period, so nominations, awards, certificates and reports carry one.
 */
export type AwardPeriodKind = 'YEAR' | 'QUARTER' | 'PHASE';

export interface AwardPeriod {
  kind: AwardPeriodKind;
  /** The period's last year: the year itself, the quarter's year, or the phase's end year. */
  year: number;
  /** 1–4 for a quarter, otherwise absent. */
  quarter?: number | null;
  /** The phase's first year, otherwise absent. */
  startYear?: number | null;
}

export const MIN_AWARD_YEAR = 1945;
export const MAX_AWARD_YEAR = 2100;

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

export interface AwardPeriodViolation {
  field: 'period.kind' | 'period.year' | 'period.quarter' | 'period.startYear';
  rule: string;
  message: string;
}

/** What is wrong with a period, or null when it is well-formed. */
export function awardPeriodViolation(p: AwardPeriod): AwardPeriodViolation | null {
  if (!['YEAR', 'QUARTER', 'PHASE'].includes(p.kind)) {
    return { field: 'period.kind', rule: 'isIn', message: 'YEAR, QUARTER or PHASE' };
  }
  if (!Number.isInteger(p.year) || p.year < MIN_AWARD_YEAR || p.year > MAX_AWARD_YEAR) {
    return {
      field: 'period.year',
      rule: 'range',
      message: `an integer from ${MIN_AWARD_YEAR} to ${MAX_AWARD_YEAR}`,
    };
  }
  if (p.kind === 'QUARTER') {
    if (!Number.isInteger(p.quarter) || (p.quarter as number) < 1 || (p.quarter as number) > 4) {
      return { field: 'period.quarter', rule: 'range', message: 'a quarter needs 1 to 4' };
    }
  } else if (p.quarter != null) {
    return { field: 'period.quarter', rule: 'absent', message: 'only a quarter has one' };
  }
  if (p.kind === 'PHASE') {
    const s = p.startYear;
    if (!Number.isInteger(s) || (s as number) < MIN_AWARD_YEAR || (s as number) >= p.year) {
      return {
        field: 'period.startYear',
        rule: 'range',
        message: 'a phase starts in an earlier year than it ends',
      };
    }
  } else if (p.startYear != null) {
    return { field: 'period.startYear', rule: 'absent', message: 'only a phase has one' };
  }
  return null;
}

/** The normalized period: absent fields null, so equal periods compare and hash equal. */
export function normalizeAwardPeriod(p: AwardPeriod): Required<AwardPeriod> {
  return {
    kind: p.kind,
    year: p.year,
    quarter: p.kind === 'QUARTER' ? (p.quarter ?? null) : null,
    startYear: p.kind === 'PHASE' ? (p.startYear ?? null) : null,
  };
}

/** A stable key of the period, part of an achievement's key: `2023`, `2023-Q3`, `2021-2023`. */
export function awardPeriodKey(p: AwardPeriod): string {
  if (p.kind === 'QUARTER') return `${p.year}-Q${p.quarter}`;
  if (p.kind === 'PHASE') return `${p.startYear}-${p.year}`;
  return String(p.year);
}

/**
 * The period as documents word it: "năm 2022", "quý III năm 2023", "giai đoạn 2021–2023"
 * (English: "2022", "Q3 2023", "2021–2023").
 */
export function describeAwardPeriod(p: AwardPeriod, locale: 'vi' | 'en' = 'vi'): string {
  if (p.kind === 'QUARTER') {
    const q = p.quarter ?? 1;
    return locale === 'vi' ? `quý ${ROMAN_QUARTERS[q - 1]} năm ${p.year}` : `Q${q} ${p.year}`;
  }
  if (p.kind === 'PHASE') {
    return locale === 'vi' ? `giai đoạn ${p.startYear}–${p.year}` : `${p.startYear}–${p.year}`;
  }
  return locale === 'vi' ? `năm ${p.year}` : String(p.year);
}

/** The years a period covers (eligibility's consecutive-year rules look at the last one). */
export function awardPeriodYears(p: AwardPeriod): number[] {
  if (p.kind !== 'PHASE' || p.startYear == null) return [p.year];
  return Array.from({ length: p.year - p.startYear + 1 }, (_, i) => (p.startYear as number) + i);
}
