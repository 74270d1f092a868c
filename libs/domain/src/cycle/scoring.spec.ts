import { DomainErrorCode } from '../errors/domain-error-code';
import { renderDomainMessage } from '../errors/domain-error-messages';
import { DomainException } from '../errors/domain.exception';
import {
  aggregate,
  assignReviewers,
  divergentSheets,
  rankUnits,
  scoreTotal,
  validateScores,
} from './scoring';
import type { Criterion, PeerSheet, RuleSetContent } from './rule-set.types';

function thrown(fn: () => unknown): DomainException | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainException) return err;
    throw err;
  }
  return undefined;
}

function loads(assignment: Record<string, string[]>, units: string[]): number[] {
  return units.map((u) => Object.values(assignment).filter((list) => list.includes(u)).length);
}

const units = (n: number): string[] => Array.from({ length: n }, (_, i) => `u${i}`);

describe(assignReviewers.name, () => {
  describe('ALL_TO_ALL', () => {
    it('has every unit assessed by every other unit', () => {
      expect(assignReviewers(['A', 'B', 'C', 'D'], 'ALL_TO_ALL', 3, [])).toEqual({
        A: ['B', 'C', 'D'],
        B: ['A', 'C', 'D'],
        C: ['A', 'B', 'D'],
        D: ['A', 'B', 'C'],
      });
    });

    it('leaves out a declared conflict for that subject only', () => {
      const result = assignReviewers(['A', 'B', 'C'], 'ALL_TO_ALL', 1, [
        { assessorUnitId: 'B', subjectUnitId: 'A' },
      ]);
      expect(result).toEqual({ A: ['C'], B: ['A', 'C'], C: ['A', 'B'] });
    });
  });

  describe('K_REVIEWERS', () => {
    it('rotates reviewers and balances the work', () => {
      expect(assignReviewers(['A', 'B', 'C', 'D', 'E'], 'K_REVIEWERS', 2, [])).toEqual({
        A: ['B', 'C'],
        B: ['D', 'E'],
        C: ['A', 'D'],
        D: ['A', 'E'],
        E: ['B', 'C'],
      });
    });

    it('gives each subject min(k, n − 1) reviewers, never itself, with loads within 1', () => {
      for (let n = 2; n <= 13; n++) {
        for (let k = 1; k <= n + 1; k++) {
          const ids = units(n);
          const result = assignReviewers(ids, 'K_REVIEWERS', k, []);
          expect(Object.keys(result)).toEqual(ids);
          for (const subject of ids) {
            const reviewers = result[subject] ?? [];
            expect(reviewers).toHaveLength(Math.min(k, n - 1));
            expect(reviewers).not.toContain(subject);
            expect(new Set(reviewers).size).toBe(reviewers.length);
          }
          const perAssessor = loads(result, ids);
          expect(Math.max(...perAssessor) - Math.min(...perAssessor)).toBeLessThanOrEqual(1);
        }
      }
    });

    it('honours conflicts and still balances what remains', () => {
      const ids = units(8);
      const conflicts = [
        { assessorUnitId: 'u1', subjectUnitId: 'u0' },
        { assessorUnitId: 'u2', subjectUnitId: 'u0' },
        { assessorUnitId: 'u0', subjectUnitId: 'u5' },
        { assessorUnitId: 'u6', subjectUnitId: 'u7' },
      ];
      const result = assignReviewers(ids, 'K_REVIEWERS', 3, conflicts);
      for (const c of conflicts) {
        expect(result[c.subjectUnitId]).not.toContain(c.assessorUnitId);
      }
      for (const subject of ids) expect(result[subject]).toHaveLength(3);
      const perAssessor = loads(result, ids);
      expect(Math.max(...perAssessor) - Math.min(...perAssessor)).toBeLessThanOrEqual(1);
    });

    it('gives fewer reviewers only when conflicts leave too few eligible', () => {
      const result = assignReviewers(['A', 'B', 'C', 'D'], 'K_REVIEWERS', 3, [
        { assessorUnitId: 'B', subjectUnitId: 'A' },
        { assessorUnitId: 'C', subjectUnitId: 'A' },
      ]);
      expect(result['A']).toEqual(['D']);
      expect(result['B']).toHaveLength(3);
    });

    it('is deterministic', () => {
      const ids = units(9);
      const conflicts = [{ assessorUnitId: 'u3', subjectUnitId: 'u4' }];
      expect(assignReviewers(ids, 'K_REVIEWERS', 4, conflicts)).toEqual(
        assignReviewers([...ids], 'K_REVIEWERS', 4, [...conflicts]),
      );
    });
  });

  it('rejects duplicate unit ids', () => {
    expect(() => assignReviewers(['A', 'B', 'A'], 'ALL_TO_ALL', 1, [])).toThrow(RangeError);
  });

  it.each([0, -1, 1.5])('rejects reviewersPerUnit = %s', (k) => {
    expect(() => assignReviewers(['A', 'B'], 'K_REVIEWERS', k, [])).toThrow(RangeError);
    expect(() => assignReviewers(['A', 'B'], 'ALL_TO_ALL', k, [])).toThrow(RangeError);
  });

  it('returns an empty assignment for no units', () => {
    expect(assignReviewers([], 'K_REVIEWERS', 2, [])).toEqual({});
  });
});

const criteria: Criterion[] = [
  { code: 'C1', title: 'Quán triệt', maxPoints: 20, weight: 1 },
  { code: 'C2', title: 'Giao ước', maxPoints: 30, weight: 2 },
  { code: 'C3', title: 'Báo cáo', maxPoints: 10, weight: 0.5 },
];

describe(validateScores.name, () => {
  it('accepts every criterion scored within 0..maxPoints', () => {
    expect(thrown(() => validateScores(criteria, { C1: 20, C2: 0, C3: 7.5 }))).toBeUndefined();
  });

  it.each<[string, Record<string, number>, Record<string, unknown>]>([
    ['a missing criterion', { C1: 10, C3: 5 }, { criterion: 'C2', reason: 'MISSING' }],
    [
      'an unknown criterion',
      { C1: 10, C2: 10, C3: 5, C9: 1 },
      { criterion: 'C9', reason: 'UNKNOWN_CRITERION' },
    ],
    ['NaN', { C1: Number.NaN, C2: 10, C3: 5 }, { criterion: 'C1', reason: 'NOT_A_NUMBER' }],
    ['Infinity', { C1: 10, C2: Infinity, C3: 5 }, { criterion: 'C2', reason: 'NOT_A_NUMBER' }],
    [
      'a string',
      { C1: 10, C2: 10, C3: '5' as unknown as number },
      { criterion: 'C3', reason: 'NOT_A_NUMBER' },
    ],
    ['a negative score', { C1: -0.5, C2: 10, C3: 5 }, { criterion: 'C1', reason: 'NEGATIVE' }],
    [
      'a score above the maximum',
      { C1: 10, C2: 30.25, C3: 5 },
      { criterion: 'C2', reason: 'ABOVE_MAX', maxPoints: 30 },
    ],
  ])('rejects %s', (_label, scores, params) => {
    const err = thrown(() => validateScores(criteria, scores));
    expect(err?.code).toBe(DomainErrorCode.ScoresInvalid);
    expect(err?.params).toMatchObject(params);
  });

  it('explains the problem in Vietnamese and English', () => {
    const err = thrown(() => validateScores(criteria, { C1: 21, C2: 0, C3: 0 }));
    expect(err?.message).toBe(
      'Điểm chấm không hợp lệ ở tiêu chí C1: điểm vượt quá điểm tối đa 20.',
    );
    expect(renderDomainMessage(DomainErrorCode.ScoresInvalid, err?.params ?? {}, 'en')).toBe(
      'Invalid score for criterion C1: the score exceeds the maximum of 20.',
    );
  });

  it('shows a reason it does not know as given', () => {
    expect(
      renderDomainMessage(DomainErrorCode.ScoresInvalid, { criterion: 'C1', reason: 'x' }, 'en'),
    ).toBe('Invalid score for criterion C1: x.');
  });
});

describe(scoreTotal.name, () => {
  it('sums points times weight', () => {
    expect(scoreTotal(criteria, { C1: 18, C2: 25, C3: 9 })).toBe(18 + 50 + 4.5);
  });

  it('rounds to 2 decimals, half away from zero', () => {
    const single: Criterion[] = [{ code: 'C1', title: 't', maxPoints: 10, weight: 1 }];
    expect(scoreTotal(single, { C1: 1.005 })).toBe(1.01);
    const thirds: Criterion[] = [{ code: 'C1', title: 't', maxPoints: 10, weight: 1 / 3 }];
    expect(scoreTotal(thirds, { C1: 10 })).toBe(3.33);
  });

  it('refuses to total an invalid sheet', () => {
    expect(thrown(() => scoreTotal(criteria, { C1: 18 }))?.code).toBe(
      DomainErrorCode.ScoresInvalid,
    );
  });
});

describe(aggregate.name, () => {
  it('returns null for no values', () => {
    expect(aggregate([], 'MEAN', 0)).toBeNull();
    expect(aggregate([], 'TRIMMED_MEAN', 0.1)).toBeNull();
  });

  it('computes the mean, rounded to 2 decimals', () => {
    expect(aggregate([70, 80, 90], 'MEAN', 0.1)).toBe(80);
    expect(aggregate([10, 10, 11], 'MEAN', 0)).toBe(10.33);
  });

  it('drops the extremes with TRIMMED_MEAN', () => {
    const values = [100, 60, 60, 0, 60, 60, 70, 60, 50, 60];
    expect(aggregate(values, 'MEAN', 0.1)).toBe(58);
    expect(aggregate(values, 'TRIMMED_MEAN', 0.1)).toBe(60);
  });

  it('drops floor(n × trimFraction) at each end, so nothing for small groups', () => {
    expect(aggregate([0, 60, 90], 'TRIMMED_MEAN', 0.1)).toBe(50);
    expect(aggregate([0, 60, 70, 100], 'TRIMMED_MEAN', 0.25)).toBe(65);
  });

  it('falls back to the median when trimming would drop everything', () => {
    expect(aggregate([1, 2, 3, 100], 'TRIMMED_MEAN', 0.5)).toBe(2.5);
    expect(aggregate([7], 'TRIMMED_MEAN', 1)).toBe(7);
  });

  it('rejects a negative trim fraction and non-finite values', () => {
    expect(() => aggregate([1, 2], 'TRIMMED_MEAN', -0.1)).toThrow(RangeError);
    expect(() => aggregate([1, Number.NaN], 'MEAN', 0)).toThrow(RangeError);
  });
});

const scoring: RuleSetContent['scoring'] = {
  selfWeight: 0.3,
  peerWeight: 0.7,
  aggregation: 'MEAN',
  trimFraction: 0,
  divergenceThreshold: 15,
};

const sheet = (assessorUnitId: string, subjectUnitId: string, total: number): PeerSheet => ({
  assessorUnitId,
  subjectUnitId,
  total,
});

describe(rankUnits.name, () => {
  const unitIds = ['E', 'C', 'A', 'B', 'D', 'F'];
  const selfTotals = { A: 100, B: 80, C: 80, D: 90, F: 100 };
  const peerSheets = [
    sheet('B', 'A', 90),
    sheet('C', 'A', 90),
    sheet('A', 'B', 85),
    sheet('C', 'B', 85),
    sheet('A', 'C', 85),
    sheet('B', 'C', 85),
    sheet('A', 'D', 80),
    sheet('B', 'D', 80),
    sheet('A', 'E', 90),
  ];

  it('weights self and peer scores and shares ranks on ties (1, 2, 2, 4)', () => {
    expect(rankUnits(unitIds, selfTotals, peerSheets, scoring)).toEqual([
      { unitId: 'A', selfScore: 100, peerScore: 90, peerCount: 2, finalScore: 93, rank: 1 },
      { unitId: 'C', selfScore: 80, peerScore: 85, peerCount: 2, finalScore: 83.5, rank: 2 },
      { unitId: 'B', selfScore: 80, peerScore: 85, peerCount: 2, finalScore: 83.5, rank: 2 },
      { unitId: 'D', selfScore: 90, peerScore: 80, peerCount: 2, finalScore: 83, rank: 4 },
      { unitId: 'E', selfScore: null, peerScore: 90, peerCount: 1, finalScore: 63, rank: 5 },
      { unitId: 'F', selfScore: 100, peerScore: null, peerCount: 0, finalScore: 30, rank: 6 },
    ]);
  });

  it('ignores a unit’s sheet about itself', () => {
    const rows = rankUnits(unitIds, selfTotals, [...peerSheets, sheet('D', 'D', 100)], scoring);
    expect(rows.find((r) => r.unitId === 'D')).toMatchObject({ peerScore: 80, peerCount: 2 });
  });

  it('lets a resubmitted sheet replace the earlier one', () => {
    const rows = rankUnits(['A', 'B'], {}, [sheet('B', 'A', 10), sheet('B', 'A', 50)], scoring);
    expect(rows[0]).toMatchObject({ unitId: 'A', peerScore: 50, peerCount: 1, finalScore: 35 });
  });

  it('aggregates peers with the rule set’s method', () => {
    const peers = [0, 60, 60, 60, 60, 60, 60, 60, 60, 100].map((t, i) => sheet(`p${i}`, 'X', t));
    const trimmed = { ...scoring, aggregation: 'TRIMMED_MEAN' as const, trimFraction: 0.1 };
    expect(rankUnits(['X'], { X: 60 }, peers, scoring)[0]?.peerScore).toBe(58);
    expect(rankUnits(['X'], { X: 60 }, peers, trimmed)[0]?.peerScore).toBe(60);
    // Nine peers × 0.1 trims nothing.
    expect(rankUnits(['X'], { X: 60 }, peers.slice(0, 9), trimmed)[0]?.peerScore).toBe(53.33);
  });

  it('rounds the final score to 2 decimals', () => {
    const rows = rankUnits(['A', 'B'], { A: 77.77 }, [sheet('B', 'A', 88.88)], scoring);
    expect(rows[0]?.finalScore).toBe(85.55);
  });

  it('ranks a unit with nothing at all last, with 0', () => {
    const rows = rankUnits(['Z', 'A'], { A: 10 }, [], scoring);
    expect(rows.map((r) => [r.unitId, r.finalScore, r.rank])).toEqual([
      ['A', 3, 1],
      ['Z', 0, 2],
    ]);
  });

  it('rejects duplicate unit ids', () => {
    expect(() => rankUnits(['A', 'A'], {}, [], scoring)).toThrow(RangeError);
  });
});

describe(divergentSheets.name, () => {
  it('flags a sheet far below the median of the others', () => {
    const sheets = [
      sheet('A', 'X', 80),
      sheet('B', 'X', 82),
      sheet('C', 'X', 60),
      sheet('D', 'X', 81),
    ];
    expect(divergentSheets(sheets, 15)).toEqual([
      { assessorUnitId: 'C', subjectUnitId: 'X', total: 60, othersMedian: 81, deviation: -21 },
    ]);
  });

  it('flags a sheet far above, with a positive deviation against an even median', () => {
    const sheets = [
      sheet('A', 'X', 60),
      sheet('B', 'X', 70),
      sheet('C', 'X', 95.5),
      sheet('D', 'X', 62),
      sheet('E', 'X', 68),
    ];
    expect(divergentSheets(sheets, 15)).toEqual([
      { assessorUnitId: 'C', subjectUnitId: 'X', total: 95.5, othersMedian: 65, deviation: 30.5 },
    ]);
  });

  it('does not flag a deviation equal to the threshold, despite float noise', () => {
    const sheets = [sheet('A', 'Y', 80.1), sheet('B', 'Y', 65.1), sheet('C', 'Y', 65.1)];
    expect(divergentSheets(sheets, 15)).toEqual([]);
    expect(divergentSheets(sheets, 14.99)).toEqual([
      { assessorUnitId: 'A', subjectUnitId: 'Y', total: 80.1, othersMedian: 65.1, deviation: 15 },
    ]);
  });

  it('compares sheets only with sheets about the same unit', () => {
    const sheets = [
      sheet('A', 'X', 90),
      sheet('B', 'X', 91),
      sheet('C', 'Y', 20),
      sheet('D', 'Y', 22),
      sheet('E', 'Y', 21),
    ];
    expect(divergentSheets(sheets, 5)).toEqual([]);
  });

  it('skips a sheet with fewer than two others to compare with', () => {
    expect(divergentSheets([sheet('A', 'X', 0), sheet('B', 'X', 100)], 15)).toEqual([]);
  });

  it('ignores a unit’s sheet about itself', () => {
    const sheets = [sheet('X', 'X', 0), sheet('A', 'X', 80), sheet('B', 'X', 81)];
    expect(divergentSheets(sheets, 15)).toEqual([]);
  });
});
