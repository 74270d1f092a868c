import { VIETNAM_PUBLIC_HOLIDAYS_2026, WorkingDayCalendar } from '../calendar/working-day-calendar';
import { DEFAULT_RULE_SET } from './default-rule-set';
import { planPhases } from './phase-plan';
import type { PhaseTemplate } from './rule-set.types';

const vn2026 = new WorkingDayCalendar(VIETNAM_PUBLIC_HOLIDAYS_2026);
const noHolidays = new WorkingDayCalendar([]);
const templates = DEFAULT_RULE_SET.calendar.phases;

describe(planPhases.name, () => {
  it('plans the default phases over the year 2026, skipping New Year', () => {
    expect(planPhases('2026-01-01', '2026-12-31', templates, vn2026)).toEqual([
      { phase: 'PLEDGE_SIGNING', opensOn: '2026-01-02', closesOn: '2026-01-15' },
      { phase: 'REGISTRATION', opensOn: '2026-01-02', closesOn: '2026-01-22' },
      { phase: 'INTERIM_REVIEW', opensOn: '2026-06-15', closesOn: '2026-06-26' },
      { phase: 'FINAL_REVIEW', opensOn: '2026-10-26', closesOn: '2026-11-06' },
      { phase: 'VOTE', opensOn: '2026-11-17', closesOn: '2026-11-23' },
      { phase: 'NOMINATION', opensOn: '2026-11-24', closesOn: '2026-12-07' },
      { phase: 'COMMENDATION', opensOn: '2026-12-14', closesOn: '2026-12-18' },
      { phase: 'ELECTION', opensOn: '2026-12-21', closesOn: '2026-12-23' },
    ]);
  });

  it('clamps phases that would run past the end of a quarter', () => {
    const plan = planPhases('2026-10-01', '2026-12-31', templates, vn2026);
    expect(plan.slice(4)).toEqual([
      { phase: 'VOTE', opensOn: '2026-12-21', closesOn: '2026-12-25' },
      // 10 working days from 21/12 would end on 01/01/2027.
      { phase: 'NOMINATION', opensOn: '2026-12-21', closesOn: '2026-12-31' },
      { phase: 'COMMENDATION', opensOn: '2026-12-28', closesOn: '2026-12-31' },
      { phase: 'ELECTION', opensOn: '2026-12-28', closesOn: '2026-12-30' },
    ]);
    for (const p of plan) {
      expect(p.opensOn >= '2026-10-01').toBe(true);
      expect(p.closesOn <= '2026-12-31').toBe(true);
      expect(p.closesOn >= p.opensOn).toBe(true);
    }
  });

  it('clamps the opening to the period end when the next working day lies beyond it', () => {
    // 31/01/2026 is a Saturday; the next working day is in February.
    const plan = planPhases(
      '2026-01-01',
      '2026-01-31',
      [{ phase: 'ELECTION', opensAtFraction: 1, durationWorkingDays: 3 }],
      vn2026,
    );
    expect(plan).toEqual([{ phase: 'ELECTION', opensOn: '2026-01-31', closesOn: '2026-01-31' }]);
  });

  it('closes a one-working-day phase on the day it opens', () => {
    const plan = planPhases(
      '2026-01-05',
      '2026-01-30',
      [{ phase: 'VOTE', opensAtFraction: 0, durationWorkingDays: 1 }],
      vn2026,
    );
    expect(plan).toEqual([{ phase: 'VOTE', opensOn: '2026-01-05', closesOn: '2026-01-05' }]);
  });

  it('lets a phase that opens just before Tết run on after it', () => {
    const plan = planPhases(
      '2026-02-01',
      '2026-02-28',
      [{ phase: 'INTERIM_REVIEW', opensAtFraction: 11 / 27, durationWorkingDays: 3 }],
      vn2026,
    );
    expect(plan).toEqual([
      { phase: 'INTERIM_REVIEW', opensOn: '2026-02-12', closesOn: '2026-02-23' },
    ]);
  });

  it('floors the opening offset without being fooled by binary fractions', () => {
    // 0.29 × 100 is 28.999999999999996 in floating point; the phase must open on day 29.
    const plan = planPhases(
      '2026-01-01',
      '2026-04-11',
      [{ phase: 'INTERIM_REVIEW', opensAtFraction: 0.29, durationWorkingDays: 1 }],
      noHolidays,
    );
    expect(plan[0]?.opensOn).toBe('2026-01-30');
  });

  it('sorts by opening date, then by phase order', () => {
    const shuffled: PhaseTemplate[] = [
      { phase: 'ELECTION', opensAtFraction: 0.9, durationWorkingDays: 1 },
      { phase: 'REGISTRATION', opensAtFraction: 0, durationWorkingDays: 5 },
      { phase: 'VOTE', opensAtFraction: 0.9, durationWorkingDays: 1 },
      { phase: 'PLEDGE_SIGNING', opensAtFraction: 0, durationWorkingDays: 5 },
    ];
    const plan = planPhases('2026-01-05', '2026-03-31', shuffled, vn2026);
    expect(plan.map((p) => p.phase)).toEqual([
      'PLEDGE_SIGNING',
      'REGISTRATION',
      'VOTE',
      'ELECTION',
    ]);
  });

  it('puts every phase on the single day of a one-day period', () => {
    const plan = planPhases('2026-03-03', '2026-03-03', templates, vn2026);
    expect(plan).toHaveLength(templates.length);
    for (const p of plan) expect([p.opensOn, p.closesOn]).toEqual(['2026-03-03', '2026-03-03']);
  });

  it('returns an empty plan for no templates', () => {
    expect(planPhases('2026-01-01', '2026-12-31', [], vn2026)).toEqual([]);
  });

  it('does not reorder the caller’s templates', () => {
    const input: PhaseTemplate[] = [
      { phase: 'VOTE', opensAtFraction: 0.5, durationWorkingDays: 1 },
      { phase: 'PLEDGE_SIGNING', opensAtFraction: 0, durationWorkingDays: 1 },
    ];
    planPhases('2026-01-01', '2026-12-31', input, vn2026);
    expect(input.map((t) => t.phase)).toEqual(['VOTE', 'PLEDGE_SIGNING']);
  });

  const one = (t: Partial<PhaseTemplate>): PhaseTemplate[] => [
    { phase: 'VOTE', opensAtFraction: 0.5, durationWorkingDays: 5, ...t },
  ];

  it.each<[string, string, string, PhaseTemplate[]]>([
    ['a period that ends before it starts', '2026-12-31', '2026-01-01', one({})],
    ['an invalid start date', '2026-02-30', '2026-12-31', one({})],
    ['a negative fraction', '2026-01-01', '2026-12-31', one({ opensAtFraction: -0.1 })],
    ['a fraction above 1', '2026-01-01', '2026-12-31', one({ opensAtFraction: 1.01 })],
    ['a NaN fraction', '2026-01-01', '2026-12-31', one({ opensAtFraction: Number.NaN })],
    ['a zero duration', '2026-01-01', '2026-12-31', one({ durationWorkingDays: 0 })],
    ['a fractional duration', '2026-01-01', '2026-12-31', one({ durationWorkingDays: 2.5 })],
    ['a duplicate phase', '2026-01-01', '2026-12-31', [...one({}), ...one({})]],
    [
      'an unknown phase',
      '2026-01-01',
      '2026-12-31',
      one({ phase: 'PARTY' as PhaseTemplate['phase'] }),
    ],
  ])('rejects %s', (_label, start, end, input) => {
    expect(() => planPhases(start, end, input, vn2026)).toThrow(RangeError);
  });
});
