import { RequestValidationException } from '../../common/request-validation.exception';
import { achievementScopeOf, periodOfCycle, type CycleScope } from './achievement-scope';

const cycle = (over: Partial<CycleScope>): CycleScope => ({
  startsOn: new Date('2021-01-01T00:00:00Z'),
  endsOn: new Date('2023-12-31T00:00:00Z'),
  movementCode: 'DVK',
  movementName: 'Phong trào thi đua "Dân vận khéo"',
  periodKind: 'PHASE',
  periodLabel: '2021-2023',
  ...over,
});

/** The first field and rule of the 400 `fn` throws. */
function violationOf(fn: () => unknown): { field: string; rule: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof RequestValidationException) {
      const [v] = err.violations;
      return { field: v.field, rule: v.rule };
    }
    throw err;
  }
  throw new Error('expected a RequestValidationException');
}

describe(periodOfCycle.name, () => {
  it('reads the period from the label cycles are created with', () => {
    expect(periodOfCycle(cycle({}))).toEqual({
      kind: 'PHASE',
      year: 2023,
      startYear: 2021,
      quarter: null,
    });
    expect(
      periodOfCycle(
        cycle({
          periodKind: 'QUARTER',
          periodLabel: '2023-Q3',
          startsOn: new Date('2023-07-01T00:00:00Z'),
          endsOn: new Date('2023-09-30T00:00:00Z'),
        }),
      ),
    ).toEqual({ kind: 'QUARTER', year: 2023, quarter: 3, startYear: null });
    expect(periodOfCycle(cycle({ periodKind: 'YEAR', periodLabel: '2022' }))).toMatchObject({
      kind: 'YEAR',
      year: 2022,
    });
  });

  it('falls back on the dates for a label of another shape', () => {
    expect(periodOfCycle(cycle({ periodLabel: 'GD-2021' }))).toMatchObject({
      kind: 'PHASE',
      startYear: 2021,
      year: 2023,
    });
    expect(
      periodOfCycle(
        cycle({
          periodKind: 'QUARTER',
          periodLabel: 'Q-x',
          startsOn: new Date('2024-04-01T00:00:00Z'),
          endsOn: new Date('2024-06-30T00:00:00Z'),
        }),
      ),
    ).toMatchObject({ kind: 'QUARTER', year: 2024, quarter: 2 });
    expect(periodOfCycle(cycle({ periodKind: 'YEAR', periodLabel: '2026-run7' }))).toMatchObject({
      kind: 'YEAR',
      year: 2021,
    });
  });
});

describe(achievementScopeOf.name, () => {
  const now = Date.parse('2026-05-05T03:00:00Z');

  it("takes a cycle's movement and period, never its first year alone", () => {
    expect(achievementScopeOf({}, cycle({}), now)).toEqual({
      movementCode: 'DVK',
      movementName: 'Phong trào thi đua "Dân vận khéo"',
      period: { kind: 'PHASE', year: 2023, startYear: 2021, quarter: null },
    });
    expect(
      achievementScopeOf(
        { year: 2023, movementCode: 'DVK', period: { kind: 'PHASE', year: 2023, startYear: 2021 } },
        cycle({}),
        now,
      ).period.year,
    ).toBe(2023);
  });

  it('refuses what disagrees with the cycle, naming the field', () => {
    expect(violationOf(() => achievementScopeOf({ year: 2021 }, cycle({}), now))).toEqual({
      field: 'year',
      rule: 'matchesCycle',
    });
    expect(
      violationOf(() =>
        achievementScopeOf({ period: { kind: 'YEAR', year: 2023 } }, cycle({}), now),
      ),
    ).toEqual({ field: 'period', rule: 'matchesCycle' });
    expect(violationOf(() => achievementScopeOf({ movementCode: 'TDYN' }, cycle({}), now))).toEqual(
      { field: 'movementCode', rule: 'matchesCycle' },
    );
  });

  it('keeps a year alone as a yearly period without a movement (existing clients)', () => {
    expect(achievementScopeOf({ year: 2025 }, null, now)).toEqual({
      movementCode: null,
      movementName: null,
      period: { kind: 'YEAR', year: 2025, quarter: null, startYear: null },
    });
    expect(achievementScopeOf({}, null, now).period.year).toBe(2026);
  });

  it('takes a quarter or a phase of a movement as given', () => {
    expect(
      achievementScopeOf(
        {
          movementCode: 'TDYN',
          movementName: 'Thi đua yêu nước',
          period: { kind: 'QUARTER', year: 2023, quarter: 3 },
        },
        null,
        now,
      ),
    ).toEqual({
      movementCode: 'TDYN',
      movementName: 'Thi đua yêu nước',
      period: { kind: 'QUARTER', year: 2023, quarter: 3, startYear: null },
    });
  });

  it.each<[string, Parameters<typeof achievementScopeOf>[0], string, string]>([
    [
      'a quarter without its number',
      { period: { kind: 'QUARTER', year: 2023 } },
      'period.quarter',
      'range',
    ],
    [
      'a year with a quarter',
      { period: { kind: 'YEAR', year: 2023, quarter: 2 } },
      'period.quarter',
      'absent',
    ],
    [
      'a phase ending before it starts',
      { period: { kind: 'PHASE', year: 2020, startYear: 2021 } },
      'period.startYear',
      'range',
    ],
    [
      'a quarter with a first year',
      { period: { kind: 'QUARTER', year: 2023, quarter: 1, startYear: 2022 } },
      'period.startYear',
      'absent',
    ],
    [
      "a year that is not the period's last",
      { year: 2021, period: { kind: 'PHASE', year: 2023, startYear: 2021 } },
      'year',
      'matchesPeriod',
    ],
    [
      'a movement name without its code',
      { movementName: 'Dân vận khéo' },
      'movementCode',
      'isDefined',
    ],
  ])('refuses %s with a 400 naming the field', (_case, dto, field, rule) => {
    expect(violationOf(() => achievementScopeOf(dto, null, now))).toEqual({ field, rule });
  });
});
