import type { RuleSetContent } from '../cycle/rule-set.types';
import { ballotMinutes, tallyElection, tallyVote } from './vote';
import type { ElectionBallot, VoteBallot } from './vote.types';

const members = Array.from({ length: 12 }, (_, i) => `u${i + 1}`);
const rules: RuleSetContent['vote'] = { thresholdPercent: 50, acclaimCount: 1, candidateCount: 3 };

const ballot = (voterUnitId: string, approve: string[], written = false): VoteBallot => ({
  voterUnitId,
  approve,
  written,
});

/** The first `count` members approve `candidate`. */
const approvals = (count: number, candidate: string): VoteBallot[] =>
  members.slice(0, count).map((m) => ballot(m, [candidate]));

describe(tallyVote.name, () => {
  it('passes 6 of 12 members at 50%', () => {
    const tally = tallyVote(members, ['u1', 'u2'], approvals(6, 'u1'), rules);
    expect(tally.results[0]).toEqual({ candidateUnitId: 'u1', votes: 6, share: 0.5, passed: true });
    expect(tally.acclaimed).toEqual(['u1']);
  });

  it('fails 5 of 12 members at 50%, even if all 5 ballots cast approve', () => {
    const tally = tallyVote(members, ['u1', 'u2'], approvals(5, 'u1'), rules);
    expect(tally.ballotsCast).toBe(5);
    expect(tally.results[0]).toEqual({
      candidateUnitId: 'u1',
      votes: 5,
      share: 5 / 12,
      passed: false,
    });
    expect(tally.acclaimed).toEqual([]);
  });

  it('compares the threshold exactly for non-round percentages', () => {
    const twoThirds = { ...rules, thresholdPercent: 66.67 };
    expect(tallyVote(members, ['u1'], approvals(8, 'u1'), twoThirds).results[0]?.passed).toBe(
      false,
    );
    expect(tallyVote(members, ['u1'], approvals(9, 'u1'), twoThirds).results[0]?.passed).toBe(true);
  });

  it('counts written ballots and blank ballots as cast', () => {
    const ballots = [
      ballot('u1', ['u2'], true),
      ballot('u2', ['u2'], true),
      ballot('u3', []),
      ballot('u4', ['u3']),
    ];
    const tally = tallyVote(members, ['u2', 'u3'], ballots, rules);
    expect(tally).toMatchObject({ eligibleCount: 12, ballotsCast: 4, writtenBallots: 2 });
    expect(tally.results.map((r) => [r.candidateUnitId, r.votes])).toEqual([
      ['u2', 2],
      ['u3', 1],
    ]);
  });

  it('lets a member’s last ballot replace the earlier ones', () => {
    const ballots = [ballot('u1', ['u2'], true), ballot('u1', ['u3']), ballot('u2', ['u3'])];
    const tally = tallyVote(members, ['u2', 'u3'], ballots, rules);
    expect(tally.ballotsCast).toBe(2);
    expect(tally.writtenBallots).toBe(0);
    expect(tally.results.map((r) => [r.candidateUnitId, r.votes])).toEqual([
      ['u3', 2],
      ['u2', 0],
    ]);
  });

  it('ignores ballots from units that may not vote', () => {
    const tally = tallyVote(
      members,
      ['u1'],
      [ballot('outsider', ['u1']), ...approvals(1, 'u1')],
      rules,
    );
    expect(tally.ballotsCast).toBe(1);
    expect(tally.results[0]?.votes).toBe(1);
  });

  it('ignores approvals of non-candidates and counts a repeated approval once', () => {
    const tally = tallyVote(members, ['u1'], [ballot('u2', ['u9', 'u1', 'u1'])], {
      ...rules,
      acclaimCount: 2,
    });
    expect(tally.results).toEqual([
      { candidateUnitId: 'u1', votes: 1, share: 1 / 12, passed: false },
    ]);
  });

  it('keeps only the first acclaimCount approvals of an over-filled ballot', () => {
    const tally = tallyVote(members, ['u1', 'u2', 'u3'], [ballot('u4', ['u3', 'u1', 'u2'])], rules);
    expect(tally.results.map((r) => [r.candidateUnitId, r.votes])).toEqual([
      ['u3', 1],
      ['u1', 0],
      ['u2', 0],
    ]);
  });

  it('orders by votes, then candidate order, and acclaims the leading passed candidates', () => {
    const ballots = members.map((m, i) =>
      ballot(m, i < 7 ? ['u3', 'u2'] : i < 10 ? ['u1', 'u2'] : ['u1']),
    );
    // u2: 10, u3: 7, u1: 5 of 12.
    const two = tallyVote(members, ['u1', 'u2', 'u3'], ballots, { ...rules, acclaimCount: 2 });
    expect(two.results.map((r) => [r.candidateUnitId, r.votes, r.passed])).toEqual([
      ['u2', 10, true],
      ['u3', 7, true],
      ['u1', 5, false],
    ]);
    expect(two.acclaimed).toEqual(['u2', 'u3']);

    const tie = tallyVote(
      members,
      ['u1', 'u2'],
      [...approvals(6, 'u2'), ...members.slice(6).map((m) => ballot(m, ['u1']))],
      rules,
    );
    expect(tie.results.map((r) => r.candidateUnitId)).toEqual(['u1', 'u2']);
    expect(tie.acclaimed).toEqual(['u1']);
  });

  it('rejects a vote without members, duplicate members or candidates, or acclaimCount < 1', () => {
    expect(() => tallyVote([], ['u1'], [], rules)).toThrow(RangeError);
    expect(() => tallyVote(['u1', 'u1'], ['u1'], [], rules)).toThrow(RangeError);
    expect(() => tallyVote(members, ['u1', 'u1'], [], rules)).toThrow(RangeError);
    expect(() => tallyVote(members, ['u1'], [], { ...rules, acclaimCount: 0 })).toThrow(RangeError);
  });
});

const eb = (voterUnitId: string, headUnitId: string, deputyUnitId: string): ElectionBallot => ({
  voterUnitId,
  headUnitId,
  deputyUnitId,
});

describe(tallyElection.name, () => {
  const voters = ['A', 'B', 'C', 'D', 'E'];
  const candidates = ['A', 'B', 'C'];

  it('elects the most-voted head and deputy', () => {
    const result = tallyElection(voters, candidates, [
      eb('A', 'B', 'C'),
      eb('B', 'B', 'A'),
      eb('C', 'A', 'C'),
      eb('D', 'B', 'C'),
      eb('E', 'C', 'A'),
    ]);
    expect(result).toEqual({
      headUnitId: 'B',
      deputyUnitId: 'C',
      headVotes: { A: 1, B: 3, C: 1 },
      deputyVotes: { A: 2, B: 0, C: 3 },
      ballotsCast: 5,
    });
  });

  it('breaks a head tie by candidate order', () => {
    const result = tallyElection(voters, candidates, [eb('A', 'C', 'A'), eb('B', 'B', 'A')]);
    expect(result.headUnitId).toBe('B');
  });

  it('never makes the head also deputy', () => {
    const result = tallyElection(voters, candidates, [
      eb('A', 'C', 'C'),
      eb('B', 'C', 'C'),
      eb('C', 'A', 'B'),
    ]);
    expect([result.headUnitId, result.deputyUnitId]).toEqual(['C', 'B']);
  });

  it('breaks a deputy tie by candidate order, skipping the head', () => {
    const result = tallyElection(voters, candidates, [eb('A', 'A', 'C'), eb('B', 'A', 'B')]);
    expect([result.headUnitId, result.deputyUnitId]).toEqual(['A', 'B']);
  });

  it('falls back to the first two candidates when nobody voted', () => {
    const result = tallyElection(voters, ['C', 'A', 'B'], []);
    expect(result).toMatchObject({ headUnitId: 'C', deputyUnitId: 'A', ballotsCast: 0 });
  });

  it('counts the last ballot of each voter and ignores outsiders and non-candidates', () => {
    const result = tallyElection(voters, candidates, [
      eb('A', 'A', 'B'),
      eb('A', 'C', 'B'),
      eb('Z', 'A', 'A'),
      eb('Z', 'A', 'A'),
      eb('B', 'X', 'Y'),
    ]);
    expect(result.headVotes).toEqual({ A: 0, B: 0, C: 1 });
    expect(result.deputyVotes).toEqual({ A: 0, B: 1, C: 0 });
    expect(result.ballotsCast).toBe(2);
    expect(result.headUnitId).toBe('C');
  });

  it('rejects fewer than 2 candidates', () => {
    expect(() => tallyElection(voters, ['A'], [])).toThrow(RangeError);
  });
});

describe(ballotMinutes.name, () => {
  const unitNames = { u1: 'Sở Tư pháp', u2: 'Sở Y tế', u3: 'Sở Tài chính' };
  const ballots = [
    ...members.slice(0, 9).map((m, i) => ballot(m, ['u1'], i < 2)),
    ballot('u10', ['u2']),
  ];
  const tally = tallyVote(members, ['u1', 'u2', 'u3'], ballots, rules);
  const input = {
    clusterName: 'Cụm thi đua số 1',
    periodLabel: 'Năm 2026',
    heldOn: '2026-12-05',
    tally,
    unitNames,
    thresholdPercent: 50,
  };

  it('records the count in Vietnamese', () => {
    const text = ballotMinutes(input);
    expect(text.split('\n')[0]).toBe('BIÊN BẢN KIỂM PHIẾU');
    expect(text).toContain('Cụm thi đua: Cụm thi đua số 1');
    expect(text).toContain('Kỳ thi đua: Năm 2026');
    expect(text).toContain('05/12/2026');
    expect(text).toContain('Tổng số thành viên có quyền biểu quyết: 12');
    expect(text).toContain('Số phiếu thu về: 10 (trong đó biểu quyết bằng văn bản: 2)');
    expect(text).toContain('50% tổng số thành viên');
    expect(text).toContain('1. Sở Tư pháp: 9/12 phiếu đồng ý, đạt 75,0% tổng số thành viên (đạt)');
    expect(text).toContain(
      '2. Sở Y tế: 1/12 phiếu đồng ý, đạt 8,3% tổng số thành viên (không đạt)',
    );
    expect(text).toContain('3. Sở Tài chính: 0/12 phiếu đồng ý, đạt 0,0%');
    expect(text.trimEnd().split('\n').at(-1)).toBe('Suy tôn: Sở Tư pháp.');
  });

  it('says so when no unit reached the threshold', () => {
    const none = tallyVote(members, ['u1', 'u2'], approvals(5, 'u1'), rules);
    const text = ballotMinutes({ ...input, tally: none, thresholdPercent: 50 });
    expect(text).toContain('41,7%');
    expect(text).toContain('Không có đơn vị đạt tỷ lệ phiếu quy định.');
    expect(text).not.toContain('Suy tôn:');
  });

  it('writes a fractional threshold with a decimal comma and falls back to unit ids', () => {
    const text = ballotMinutes({ ...input, unitNames: {}, thresholdPercent: 66.67 });
    expect(text).toContain('66,67% tổng số thành viên');
    expect(text).toContain('Suy tôn: u1.');
  });

  it('rejects an invalid date', () => {
    expect(() => ballotMinutes({ ...input, heldOn: '05/12/2026' })).toThrow(RangeError);
  });
});
