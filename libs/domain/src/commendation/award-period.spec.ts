import {
  awardPeriodKey,
  awardPeriodViolation,
  awardPeriodYears,
  describeAwardPeriod,
  normalizeAwardPeriod,
} from './award-period';

describe('award periods', () => {
  it('words each kind of period as Vietnamese documents do, and in English', () => {
    expect(describeAwardPeriod({ kind: 'YEAR', year: 2022 })).toBe('năm 2022');
    expect(describeAwardPeriod({ kind: 'QUARTER', year: 2023, quarter: 3 })).toBe(
      'quý III năm 2023',
    );
    expect(describeAwardPeriod({ kind: 'PHASE', year: 2023, startYear: 2021 })).toBe(
      'giai đoạn 2021–2023',
    );
    expect(describeAwardPeriod({ kind: 'QUARTER', year: 2023, quarter: 4 }, 'en')).toBe('Q4 2023');
    expect(describeAwardPeriod({ kind: 'PHASE', year: 2020, startYear: 2016 }, 'en')).toBe(
      '2016–2020',
    );
  });

  it('keys different periods differently and equal periods equally', () => {
    const keys = [
      awardPeriodKey({ kind: 'YEAR', year: 2023 }),
      awardPeriodKey({ kind: 'QUARTER', year: 2023, quarter: 3 }),
      awardPeriodKey({ kind: 'PHASE', year: 2023, startYear: 2021 }),
    ];
    expect(new Set(keys).size).toBe(3);
    expect(awardPeriodKey(normalizeAwardPeriod({ kind: 'YEAR', year: 2023, quarter: null }))).toBe(
      '2023',
    );
  });

  it('names the field and the rule of a malformed period', () => {
    expect(awardPeriodViolation({ kind: 'QUARTER', year: 2023 })?.field).toBe('period.quarter');
    expect(awardPeriodViolation({ kind: 'QUARTER', year: 2023, quarter: 5 })?.rule).toBe('range');
    expect(awardPeriodViolation({ kind: 'PHASE', year: 2020, startYear: 2020 })?.field).toBe(
      'period.startYear',
    );
    expect(awardPeriodViolation({ kind: 'YEAR', year: 2023, startYear: 2020 })?.rule).toBe(
      'absent',
    );
    expect(awardPeriodViolation({ kind: 'YEAR', year: 1800 })?.field).toBe('period.year');
    expect(awardPeriodViolation({ kind: 'PHASE', year: 2020, startYear: 2016 })).toBeNull();
  });

  it('lists the years a phase covers', () => {
    expect(awardPeriodYears({ kind: 'PHASE', year: 2020, startYear: 2016 })).toEqual([
      2016, 2017, 2018, 2019, 2020,
    ]);
    expect(awardPeriodYears({ kind: 'QUARTER', year: 2023, quarter: 1 })).toEqual([2023]);
  });
});
