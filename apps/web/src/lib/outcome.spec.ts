import { describe, expect, it } from '@jest/globals';
import type { CycleOutcome } from '../api/types';
import { meaningfulOutcome, rankingHasScores } from './outcome';

const row = (unitId: string, over: Partial<CycleOutcome['ranking'][number]> = {}) => ({
  unitId,
  unitCode: unitId.toUpperCase(),
  unitName: `Đơn vị ${unitId}`,
  selfScore: null,
  peerScore: null,
  peerCount: 0,
  finalScore: 0,
  rank: 1,
  ...over,
});

const empty = (over: Partial<CycleOutcome> = {}): CycleOutcome => ({
  cycleId: 'c1',
  ranking: ['a', 'b', 'c'].map((u) => row(u)),
  divergent: [],
  vote: null,
  acclaimedUnitIds: [],
  minutes: null,
  electedHeadUnitId: null,
  electedDeputyUnitId: null,
  election: null,
  completedAt: null,
  ...over,
});

describe('meaningfulOutcome', () => {
  it('reads a ranking of zeros with no sheet as no result', () => {
    expect(rankingHasScores(empty().ranking)).toBe(false);
    expect(meaningfulOutcome(empty()).any).toBe(false);
  });

  it('keeps a ranking once one unit has a score', () => {
    const o = empty({ ranking: [row('a', { selfScore: 92.5, finalScore: 92.5 }), row('b')] });
    expect(meaningfulOutcome(o)).toMatchObject({ ranking: true, any: true });
  });

  it('hides the result and minutes of a vote nobody cast', () => {
    const o = empty({
      vote: { eligibleCount: 12, ballotsCast: 0, writtenBallots: 0, results: [], acclaimed: [] },
      minutes: 'BIÊN BẢN KIỂM PHIẾU',
    });
    expect(meaningfulOutcome(o)).toMatchObject({ vote: false, any: false });
  });

  it('shows a vote with ballots', () => {
    const o = empty({
      vote: { eligibleCount: 12, ballotsCast: 9, writtenBallots: 1, results: [], acclaimed: [] },
    });
    expect(meaningfulOutcome(o)).toMatchObject({ vote: true, any: true });
  });
});
