import { describe, expect, it } from '@jest/globals';
import {
  fileSlug,
  fillYears,
  formatCount,
  formatShare,
  periodSlug,
  yearChartData,
  yearOptions,
} from './reports';

describe('report helpers', () => {
  it('formats counts and shares the Vietnamese way', () => {
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatShare(1, 3)).toBe('33,3 %');
    expect(formatShare(0, 0)).toBe('0 %');
  });

  it('makes file names without diacritics or slashes', () => {
    expect(fileSlug('01/QĐ-HĐTĐ-2026')).toBe('01-QD-HDTD-2026');
    expect(fileSlug('  Lễ tuyên dương "Dân vận khéo" ')).toBe('Le-tuyen-duong-Dan-van-kheo');
    expect(periodSlug(2024, 2026)).toBe('2024-2026');
    expect(periodSlug(2026, 2026)).toBe('2026');
    expect(periodSlug(undefined, undefined)).toBe('tat-ca');
    expect(periodSlug(2024, undefined)).toBe('2024');
  });

  it('turns the years into chart rows with a series per level', () => {
    const rows = yearChartData(
      [{ year: 2026, levels: { BASE: 3, BLOC: 1, DISTRICT: 0, PROVINCE: 2, CENTRAL: 0 } }],
      (l) => `L-${l}`,
    );
    expect(rows).toEqual([
      { year: '2026', 'L-BASE': 3, 'L-BLOC': 1, 'L-DISTRICT': 0, 'L-PROVINCE': 2, 'L-CENTRAL': 0 },
    ]);
  });

  it('fills the years of the period without awards with zeros', () => {
    const levels = { BASE: 1, BLOC: 0, DISTRICT: 0, PROVINCE: 0, CENTRAL: 0 };
    const filled = fillYears([{ year: 2025, total: 1, levels }], 2024, 2026);
    expect(filled.map((y) => [y.year, y.total])).toEqual([
      [2024, 0],
      [2025, 1],
      [2026, 0],
    ]);
    expect(fillYears([{ year: 2025, total: 1, levels }], null, 2026)).toHaveLength(1);
  });

  it('offers years from next year back to the floor', () => {
    const years = yearOptions(new Date('2026-11-21T00:00:00Z'), 2024);
    expect(years).toEqual(['2027', '2026', '2025', '2024']);
  });
});
