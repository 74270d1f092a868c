import { VIETNAM_PUBLIC_HOLIDAYS_2026, WorkingDayCalendar } from '../calendar/working-day-calendar';
import { DEFAULT_RULE_SET, validateRuleSet } from './default-rule-set';
import { planPhases } from './phase-plan';
import { PHASES, type RuleSetContent } from './rule-set.types';

const clone = (): RuleSetContent => JSON.parse(JSON.stringify(DEFAULT_RULE_SET)) as RuleSetContent;

describe('DEFAULT_RULE_SET', () => {
  it('is valid', () => {
    expect(validateRuleSet(DEFAULT_RULE_SET)).toEqual([]);
  });

  it('scores the five "Dân vận khéo" criteria out of 100', () => {
    const { criteria } = DEFAULT_RULE_SET;
    expect(criteria.map((c) => [c.code, c.maxPoints])).toEqual([
      ['C1', 20],
      ['C2', 30],
      ['C3', 25],
      ['C4', 15],
      ['C5', 10],
    ]);
    expect(criteria.every((c) => c.weight === 1 && c.title.length > 0)).toBe(true);
  });

  it('carries the agreed scoring, vote and reminder rules', () => {
    expect(DEFAULT_RULE_SET.scoring).toEqual({
      selfWeight: 0.3,
      peerWeight: 0.7,
      aggregation: 'TRIMMED_MEAN',
      trimFraction: 0.1,
      divergenceThreshold: 15,
    });
    expect(DEFAULT_RULE_SET.crossAssessment).toEqual({ mode: 'ALL_TO_ALL', reviewersPerUnit: 3 });
    expect(DEFAULT_RULE_SET.vote).toEqual({
      thresholdPercent: 50,
      acclaimCount: 1,
      candidateCount: 3,
    });
    expect(DEFAULT_RULE_SET.reminders.offsetsWorkingDays).toEqual([7, 3, 1]);
  });

  it('schedules every phase once, and inside the year', () => {
    expect(DEFAULT_RULE_SET.calendar.phases.map((p) => p.phase)).toEqual([...PHASES]);
    const calendar = new WorkingDayCalendar(VIETNAM_PUBLIC_HOLIDAYS_2026);
    const plan = planPhases('2026-01-01', '2026-12-31', DEFAULT_RULE_SET.calendar.phases, calendar);
    expect(plan.at(-1)).toEqual({
      phase: 'ELECTION',
      opensOn: '2026-12-21',
      closesOn: '2026-12-23',
    });
  });

  it('cannot be changed in place by one of its users', () => {
    expect(() => {
      (DEFAULT_RULE_SET.calendar.phases as unknown[]).push({});
    }).toThrow(TypeError);
    expect(() => {
      (DEFAULT_RULE_SET.scoring as { selfWeight: number }).selfWeight = 1;
    }).toThrow(TypeError);
    expect(DEFAULT_RULE_SET.scoring.selfWeight).toBe(0.3);
  });
});

describe(validateRuleSet.name, () => {
  it.each<[string, (r: RuleSetContent) => void, string]>([
    ['no criteria', (r) => (r.criteria = []), 'criteria:'],
    ['a duplicate criterion code', (r) => (r.criteria[1].code = 'C1'), 'criteria[1].code'],
    ['an empty criterion code', (r) => (r.criteria[0].code = ' '), 'criteria[0].code'],
    ['zero max points', (r) => (r.criteria[2].maxPoints = 0), 'criteria[2].maxPoints'],
    ['a negative weight', (r) => (r.criteria[3].weight = -1), 'criteria[3].weight'],
    ['a zero weight', (r) => (r.criteria[3].weight = 0), 'criteria[3].weight'],
    ['weights not summing to 1', (r) => (r.scoring.peerWeight = 0.6), 'scoring:'],
    [
      'an unknown aggregation',
      (r) => (r.scoring.aggregation = 'MEDIAN' as RuleSetContent['scoring']['aggregation']),
      'scoring.aggregation',
    ],
    ['trimFraction 0.5', (r) => (r.scoring.trimFraction = 0.5), 'scoring.trimFraction'],
    ['a negative trimFraction', (r) => (r.scoring.trimFraction = -0.1), 'scoring.trimFraction'],
    [
      'a negative divergence threshold',
      (r) => (r.scoring.divergenceThreshold = -1),
      'scoring.divergenceThreshold',
    ],
    [
      'an unknown assessment mode',
      (r) => (r.crossAssessment.mode = 'RANDOM' as RuleSetContent['crossAssessment']['mode']),
      'crossAssessment.mode',
    ],
    [
      'no reviewers per unit',
      (r) => (r.crossAssessment.reviewersPerUnit = 0),
      'crossAssessment.reviewersPerUnit',
    ],
    ['a 0% threshold', (r) => (r.vote.thresholdPercent = 0), 'vote.thresholdPercent'],
    ['a threshold above 100%', (r) => (r.vote.thresholdPercent = 101), 'vote.thresholdPercent'],
    ['acclaimCount 0', (r) => (r.vote.acclaimCount = 0), 'vote.acclaimCount'],
    [
      'fewer candidates than acclaimed units',
      (r) => {
        r.vote.acclaimCount = 3;
        r.vote.candidateCount = 2;
      },
      'vote.candidateCount',
    ],
    ['a phase twice', (r) => (r.calendar.phases[3].phase = 'VOTE'), 'calendar.phases[4].phase'],
    [
      'an unknown phase',
      (r) => (r.calendar.phases[0].phase = 'PARTY' as (typeof PHASES)[number]),
      'calendar.phases[0].phase',
    ],
    [
      'a fraction above 1',
      (r) => (r.calendar.phases[2].opensAtFraction = 1.2),
      'calendar.phases[2].opensAtFraction',
    ],
    [
      'a zero duration',
      (r) => (r.calendar.phases[5].durationWorkingDays = 0),
      'calendar.phases[5].durationWorkingDays',
    ],
    [
      'a zero reminder offset',
      (r) => (r.reminders.offsetsWorkingDays = [7, 0]),
      'reminders.offsetsWorkingDays[1]',
    ],
    [
      'a fractional reminder offset',
      (r) => (r.reminders.offsetsWorkingDays = [1.5]),
      'reminders.offsetsWorkingDays[0]',
    ],
  ])('reports %s', (_label, mutate, where) => {
    const content = clone();
    mutate(content);
    const problems = validateRuleSet(content);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(where);
  });

  it('reports NaN values that every comparison would let through', () => {
    const content = clone();
    content.scoring.trimFraction = Number.NaN;
    content.vote.thresholdPercent = Number.NaN;
    expect(validateRuleSet(content)).toHaveLength(2);
  });

  it('tolerates floating-point noise in the weight sum', () => {
    const content = clone();
    content.scoring.selfWeight = 0.3;
    content.scoring.peerWeight = 0.7 + 1e-10;
    expect(validateRuleSet(content)).toEqual([]);
    content.scoring.peerWeight = 0.7 + 1e-6;
    expect(validateRuleSet(content)).toHaveLength(1);
  });

  it.each<[string, unknown, string]>([
    ['no object at all', null, 'content'],
    ['an empty object', {}, 'criteria'],
    ['criteria that are not a list', { ...clone(), criteria: { C1: 1 } }, 'criteria'],
    ['phases that are not a list', { ...clone(), calendar: { phases: 3 } }, 'calendar.phases'],
    ['a criterion that is not an object', { ...clone(), criteria: [null] }, 'criteria[0]'],
    ['a phase that is not an object', { ...clone(), calendar: { phases: ['x'] } }, 'calendar'],
  ])('reports JSON of the wrong shape (%s) instead of crashing', (_case, content, field) => {
    const problems = validateRuleSet(content as RuleSetContent);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.startsWith(field)).toBe(true);
  });

  it('reports every problem at once', () => {
    const content = clone();
    content.criteria = [];
    content.vote.acclaimCount = 0;
    content.reminders.offsetsWorkingDays = [-1, 0];
    expect(validateRuleSet(content)).toHaveLength(4);
  });
});
