import { codeOf } from '../errors/code-of.spec-helper';
import { DomainErrorCode } from '../errors/domain-error-code';
import { officer, signer, unitMembers } from '../pledge-signing/actors.spec-helper';
import { DEFAULT_RULE_SET } from './default-rule-set';
import type { RuleSetContent } from './rule-set.types';
import {
  type AssessmentInit,
  type AssessmentSnapshot,
  AssessmentState,
  type ConflictCommand,
  type PeerAssessmentCommand,
  type ProgressCommand,
  type SelfAssessmentCommand,
} from './assessment.state';

const codes = ['A', 'B', 'C', 'D', 'E'];
const ids = codes.map((c) => `u-${c}`);
const members = unitMembers(codes);

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const K_REVIEWERS: RuleSetContent['crossAssessment'] = { mode: 'K_REVIEWERS', reviewersPerUnit: 2 };
const ALL_TO_ALL: RuleSetContent['crossAssessment'] = { mode: 'ALL_TO_ALL', reviewersPerUnit: 3 };

const finalInit: AssessmentInit = {
  cycleId: 'cycle-1',
  stage: 'FINAL',
  members,
  headUnitId: 'u-A',
  criteria: clone(DEFAULT_RULE_SET.criteria),
  crossAssessment: K_REVIEWERS,
  scoring: clone(DEFAULT_RULE_SET.scoring),
  pledgeItemCount: 3,
  deadlineAt: '2026-11-30T16:59:59.999Z',
};
const allToAllInit: AssessmentInit = { ...finalInit, crossAssessment: ALL_TO_ALL };
const interimInit: AssessmentInit = { ...finalInit, stage: 'INTERIM' };

/** C1..C5 of DEFAULT_RULE_SET (max 20/30/25/15/10, weight 1 each). */
const sc = (c1: number, c2: number, c3: number, c4: number, c5: number) => ({
  C1: c1,
  C2: c2,
  C3: c3,
  C4: c4,
  C5: c5,
});
const FULL = sc(20, 30, 25, 15, 10); // 100
const S90 = sc(20, 30, 20, 10, 10); // 90
const S80 = sc(20, 30, 15, 10, 5); // 80
const S70 = sc(15, 25, 15, 10, 5); // 70
const S85 = sc(20, 30, 20, 10, 5); // 85
const S50 = sc(10, 15, 10, 10, 5); // 50

const selfCmd = (unit: string, scores: Record<string, number>, actor = officer(unit)) =>
  ({ actor, unitId: `u-${unit}`, scores }) satisfies SelfAssessmentCommand;
const peerCmd = (
  assessor: string,
  subject: string,
  scores: Record<string, number> = S80,
  actor = signer(assessor),
) =>
  ({
    actor,
    assessorUnitId: `u-${assessor}`,
    subjectUnitId: `u-${subject}`,
    scores,
  }) satisfies PeerAssessmentCommand;
const conflictCmd = (assessor: string, subject: string, actor = officer(assessor)) =>
  ({
    actor,
    assessorUnitId: `u-${assessor}`,
    subjectUnitId: `u-${subject}`,
    reason: 'Cùng địa bàn',
  }) satisfies ConflictCommand;
const progressCmd = (unit: string, items: ProgressCommand['items'], actor = officer(unit)) =>
  ({ actor, unitId: `u-${unit}`, items }) satisfies ProgressCommand;

function submitSelf(
  state: AssessmentState,
  unit: string,
  scores: Record<string, number>,
  at = 't',
): number {
  const cmd = selfCmd(unit, scores);
  state.validateSelf(cmd);
  return state.applySelf(cmd, at);
}
function peer(
  state: AssessmentState,
  assessor: string,
  subject: string,
  scores: Record<string, number> = S80,
  at = 't',
): number {
  const cmd = peerCmd(assessor, subject, scores);
  state.validatePeer(cmd);
  return state.applyPeer(cmd, at);
}
function conflict(state: AssessmentState, assessor: string, subject: string): void {
  const cmd = conflictCmd(assessor, subject);
  state.validateConflict(cmd);
  state.applyConflict(cmd);
}
/** Some assessor the state assigned to `subject`, as a unit code. */
function assessorOf(state: AssessmentState, subject: string): string {
  const assessors = state.view().assignment[`u-${subject}`];
  expect(assessors.length).toBeGreaterThan(0);
  return assessors[0].slice(2);
}
/** A member other than `subject` that is not assigned to it, as a unit code. */
function nonAssessorOf(state: AssessmentState, subject: string): string {
  const assessors = state.view().assignment[`u-${subject}`];
  const other = codes.find((c) => c !== subject && !assessors.includes(`u-${c}`));
  expect(other).toBeDefined();
  return other ?? '';
}
const sizeOf = (assignment: Record<string, string[]>) =>
  Object.values(assignment).reduce((n, a) => n + a.length, 0);

describe(AssessmentState.name, () => {
  describe('final review, K_REVIEWERS (k = 2)', () => {
    it('assigns k assessors to every member, never the member itself, evenly', () => {
      const state = new AssessmentState(finalInit);
      const { assignment, expectedPeerCount, closed, stage } = state.view();
      expect(stage).toBe('FINAL');
      expect(closed).toBe(false);
      expect(Object.keys(assignment).sort()).toEqual(ids);
      const load: Record<string, number> = {};
      for (const [subject, assessors] of Object.entries(assignment)) {
        expect(assessors).toHaveLength(2);
        expect(assessors).not.toContain(subject);
        expect(new Set(assessors).size).toBe(2);
        for (const a of assessors) {
          expect(ids).toContain(a);
          load[a] = (load[a] ?? 0) + 1;
        }
      }
      // Without conflicts every unit assesses the same number of others.
      expect(Object.values(load)).toEqual([2, 2, 2, 2, 2]);
      expect(expectedPeerCount).toBe(10);
    });

    it('a conflict removes that assessor from that subject and is recorded', () => {
      const state = new AssessmentState(finalInit);
      const assessor = assessorOf(state, 'A');
      const cmd = conflictCmd(assessor, 'A');
      expect(codeOf(() => state.validateConflict(cmd))).toBeUndefined();
      state.applyConflict(cmd);
      const view = state.view();
      expect(view.assignment['u-A']).not.toContain(`u-${assessor}`);
      expect(view.assignment['u-A']).not.toContain('u-A');
      expect(view.assignment['u-A']).toHaveLength(2);
      expect(view.conflicts).toEqual([
        { assessorUnitId: `u-${assessor}`, subjectUnitId: 'u-A', reason: 'Cùng địa bàn' },
      ]);
      expect(view.expectedPeerCount).toBe(10);
      expect(codeOf(() => state.validatePeer(peerCmd(assessor, 'A')))).toBe(
        DomainErrorCode.NotAssigned,
      );
      // Every subject still has its k assessors, none of them itself.
      for (const [subject, assessors] of Object.entries(view.assignment)) {
        expect(assessors).toHaveLength(2);
        expect(assessors).not.toContain(subject);
      }
    });

    it('records a repeated conflict declaration once', () => {
      const state = new AssessmentState(finalInit);
      conflict(state, 'B', 'A');
      conflict(state, 'B', 'A');
      conflict(state, 'C', 'A');
      const view = state.view();
      expect(view.conflicts.map((c) => `${c.assessorUnitId}>${c.subjectUnitId}`)).toEqual([
        'u-B>u-A',
        'u-C>u-A',
      ]);
      expect(view.assignment['u-A']).not.toContain('u-B');
      expect(view.assignment['u-A']).not.toContain('u-C');
    });

    it('locks conflicts once the first peer sheet arrives', () => {
      const state = new AssessmentState(finalInit);
      const assessor = assessorOf(state, 'B');
      peer(state, assessor, 'B');
      const other = codes.find((c) => c !== 'C' && c !== assessor) ?? '';
      expect(codeOf(() => state.validateConflict(conflictCmd(other, 'C')))).toBe(
        DomainErrorCode.ConflictsLocked,
      );
      expect(state.view().conflicts).toEqual([]);
    });

    it.each([
      ['about itself', conflictCmd('B', 'B'), DomainErrorCode.SelfScoringForbidden],
      ['about a non-member', conflictCmd('B', 'X'), DomainErrorCode.UnitNotMember],
      ['for another unit', conflictCmd('B', 'A', officer('C')), DomainErrorCode.WrongUnit],
      ['by a non-member assessor', conflictCmd('X', 'A'), DomainErrorCode.UnitNotMember],
      [
        'by a user with neither role',
        conflictCmd('B', 'A', { userId: 'v', unitId: 'u-B', roles: ['VIEWER'] }),
        DomainErrorCode.Forbidden,
      ],
    ])('rejects a conflict declared %s', (_label, cmd, code) => {
      const state = new AssessmentState(finalInit);
      expect(codeOf(() => state.validateConflict(cmd))).toBe(code);
    });

    it('accepts a peer sheet from an assigned assessor, officer or signer', () => {
      const state = new AssessmentState(finalInit);
      const [first, second] = state.view().assignment['u-C'].map((u) => u.slice(2));
      const bySigner = peerCmd(first, 'C', S80, signer(first));
      expect(codeOf(() => state.validatePeer(bySigner))).toBeUndefined();
      expect(state.applyPeer(bySigner, 't1')).toBe(80);
      const byOfficer = peerCmd(second, 'C', S70, officer(second));
      expect(codeOf(() => state.validatePeer(byOfficer))).toBeUndefined();
      expect(state.applyPeer(byOfficer, 't2')).toBe(70);
      expect(state.view().peerSubmitted).toEqual([
        { assessorUnitId: `u-${first}`, subjectUnitId: 'u-C', total: 80 },
        { assessorUnitId: `u-${second}`, subjectUnitId: 'u-C', total: 70 },
      ]);
    });

    it('a resubmitted peer sheet replaces the earlier one', () => {
      const state = new AssessmentState(finalInit);
      const assessor = assessorOf(state, 'D');
      peer(state, assessor, 'D', S50);
      peer(state, assessor, 'D', S90);
      expect(state.view().peerSubmitted).toEqual([
        { assessorUnitId: `u-${assessor}`, subjectUnitId: 'u-D', total: 90 },
      ]);
      expect(state.result().peerCount).toBe(1);
    });

    it('rejects a peer sheet about the assessor itself', () => {
      const state = new AssessmentState(finalInit);
      expect(codeOf(() => state.validatePeer(peerCmd('B', 'B')))).toBe(
        DomainErrorCode.SelfScoringForbidden,
      );
    });

    it('rejects a peer sheet from a unit not assigned to the subject', () => {
      const state = new AssessmentState(finalInit);
      const outsider = nonAssessorOf(state, 'A');
      expect(codeOf(() => state.validatePeer(peerCmd(outsider, 'A')))).toBe(
        DomainErrorCode.NotAssigned,
      );
      expect(codeOf(() => state.validatePeer(peerCmd('B', 'X')))).toBe(DomainErrorCode.NotAssigned);
    });

    it('rejects a peer sheet sent for another unit', () => {
      const state = new AssessmentState(finalInit);
      const assessor = assessorOf(state, 'A');
      const intruder = assessor === 'B' ? 'C' : 'B';
      expect(codeOf(() => state.validatePeer(peerCmd(assessor, 'A', S80, signer(intruder))))).toBe(
        DomainErrorCode.WrongUnit,
      );
    });

    it('rejects a peer sheet by a user with neither role', () => {
      const state = new AssessmentState(finalInit);
      const assessor = assessorOf(state, 'A');
      const actor = { userId: 'v', unitId: `u-${assessor}`, roles: [] };
      expect(codeOf(() => state.validatePeer(peerCmd(assessor, 'A', S80, actor)))).toBe(
        DomainErrorCode.Forbidden,
      );
    });

    it.each([
      ['a missing criterion', { C1: 20, C2: 30, C3: 25, C4: 15 }],
      ['an unknown criterion', { ...FULL, C6: 1 }],
      ['a score above the maximum', sc(21, 30, 25, 15, 10)],
      ['a negative score', sc(20, 30, 25, 15, -1)],
      ['a score that is not a number', sc(20, 30, 25, 15, Number.NaN)],
    ])('rejects a peer sheet with %s', (_label, scores) => {
      const state = new AssessmentState(finalInit);
      const cmd = peerCmd(assessorOf(state, 'A'), 'A', scores);
      expect(codeOf(() => state.validatePeer(cmd))).toBe(DomainErrorCode.ScoresInvalid);
    });

    it('close() ranks every member and expects one sheet per assignment', () => {
      const state = new AssessmentState(finalInit);
      submitSelf(state, 'A', FULL);
      submitSelf(state, 'B', S50);
      const [a1, a2] = state.view().assignment['u-A'].map((u) => u.slice(2));
      peer(state, a1, 'A', S80);
      peer(state, a2, 'A', S90);
      const result = state.close();
      expect(state.closed).toBe(true);
      expect(result.stage).toBe('FINAL');
      expect(result.ranking.map((r) => r.unitId).sort()).toEqual(ids);
      expect(result.ranking[0]).toEqual({
        unitId: 'u-A',
        selfScore: 100,
        peerScore: 85,
        peerCount: 2,
        // 0.3 × 100 + 0.7 × 85
        finalScore: 89.5,
        rank: 1,
      });
      expect(result.ranking[1]).toMatchObject({
        unitId: 'u-B',
        selfScore: 50,
        peerScore: null,
        peerCount: 0,
        finalScore: 15,
        rank: 2,
      });
      for (const row of result.ranking.slice(2)) {
        expect(row).toMatchObject({ selfScore: null, peerScore: null, finalScore: 0, rank: 3 });
      }
      expect(result).toMatchObject({
        selfCount: 2,
        peerCount: 2,
        expectedPeerCount: 10,
        divergent: [],
        progress: {},
      });
    });

    it('after close() every action is refused', () => {
      const state = new AssessmentState(finalInit);
      const assessor = assessorOf(state, 'A');
      state.close();
      expect(codeOf(() => state.validateSelf(selfCmd('A', FULL)))).toBe(
        DomainErrorCode.PhaseNotOpen,
      );
      expect(codeOf(() => state.validatePeer(peerCmd(assessor, 'A')))).toBe(
        DomainErrorCode.PhaseNotOpen,
      );
      expect(codeOf(() => state.validateConflict(conflictCmd(assessor, 'A')))).toBe(
        DomainErrorCode.PhaseNotOpen,
      );
      expect(
        codeOf(() =>
          state.validateProgress(progressCmd('A', [{ itemIndex: 0, percent: 50, note: '' }])),
        ),
      ).toBe(DomainErrorCode.PhaseNotOpen);
      expect(state.view().closed).toBe(true);
    });
  });

  describe('final review, ALL_TO_ALL', () => {
    it('assigns every other member to every member', () => {
      const state = new AssessmentState(allToAllInit);
      const { assignment, expectedPeerCount } = state.view();
      for (const subject of ids) {
        expect(assignment[subject]).toEqual(ids.filter((u) => u !== subject));
      }
      expect(expectedPeerCount).toBe(20);
    });

    it('a conflict removes only that pair and lowers the expected count', () => {
      const state = new AssessmentState(allToAllInit);
      conflict(state, 'C', 'A');
      const { assignment, expectedPeerCount, conflicts } = state.view();
      expect(assignment['u-A']).toEqual(['u-B', 'u-D', 'u-E']);
      expect(assignment['u-C']).toEqual(['u-A', 'u-B', 'u-D', 'u-E']);
      expect(conflicts).toHaveLength(1);
      expect(expectedPeerCount).toBe(19);
      expect(sizeOf(assignment)).toBe(19);
      expect(state.close().expectedPeerCount).toBe(19);
    });

    it('close() flags peer sheets far from the median of the others', () => {
      const state = new AssessmentState(allToAllInit);
      submitSelf(state, 'A', S90);
      // Subject A: 80, 80, 80 and an outlier 50 (30 below the others' median).
      peer(state, 'B', 'A', S80);
      peer(state, 'C', 'A', S80);
      peer(state, 'D', 'A', S80);
      peer(state, 'E', 'A', S50);
      // Subject B: 70, 70, 70 and 85, exactly the threshold (15) away: not flagged.
      peer(state, 'A', 'B', S70);
      peer(state, 'C', 'B', S70);
      peer(state, 'D', 'B', S70);
      peer(state, 'E', 'B', S85);
      const result = state.close();
      expect(DEFAULT_RULE_SET.scoring.divergenceThreshold).toBe(15);
      expect(result.divergent).toEqual([
        {
          assessorUnitId: 'u-E',
          subjectUnitId: 'u-A',
          total: 50,
          othersMedian: 80,
          deviation: -30,
        },
      ]);
      expect(result.peerCount).toBe(8);
      expect(result.expectedPeerCount).toBe(20);
      // A: 0.3 × 90 + 0.7 × mean(80, 80, 80, 50) = 27 + 50.75
      expect(result.ranking[0]).toMatchObject({
        unitId: 'u-A',
        peerScore: 72.5,
        finalScore: 77.75,
        rank: 1,
      });
      expect(result.ranking[1]).toMatchObject({ unitId: 'u-B', peerScore: 73.75, rank: 2 });
      expect(result.ranking).toHaveLength(5);
    });

    it('flags a sheet above the others too, against a lower threshold', () => {
      const state = new AssessmentState({
        ...allToAllInit,
        scoring: { ...finalInit.scoring, divergenceThreshold: 10 },
      });
      peer(state, 'A', 'B', S70);
      peer(state, 'C', 'B', S70);
      peer(state, 'D', 'B', S70);
      peer(state, 'E', 'B', S85);
      expect(state.close().divergent).toEqual([
        {
          assessorUnitId: 'u-E',
          subjectUnitId: 'u-B',
          total: 85,
          othersMedian: 70,
          deviation: 15,
        },
      ]);
    });
  });

  describe('self-assessment', () => {
    it('returns the weighted total of a valid sheet', () => {
      const state = new AssessmentState(finalInit);
      const cmd = selfCmd('C', S85, signer('C'));
      expect(codeOf(() => state.validateSelf(cmd))).toBeUndefined();
      expect(state.applySelf(cmd, 't')).toBe(85);
      expect(state.view().selfSubmitted).toEqual(['u-C']);
    });

    it('applies criterion weights', () => {
      const criteria = finalInit.criteria.map((c) => ({ ...c, weight: c.code === 'C1' ? 2 : 1 }));
      const state = new AssessmentState({ ...finalInit, criteria });
      // 2 × 20 + 30 + 25 + 15 + 10
      expect(submitSelf(state, 'A', FULL)).toBe(120);
    });

    it('a resubmitted self sheet replaces the earlier one', () => {
      const state = new AssessmentState(finalInit);
      expect(submitSelf(state, 'B', FULL, 't1')).toBe(100);
      expect(submitSelf(state, 'B', S70, 't2')).toBe(70);
      expect(state.snapshot().self['u-B']).toEqual({ scores: S70, total: 70, at: 't2' });
      const result = state.result();
      expect(result.selfCount).toBe(1);
      expect(result.ranking.find((r) => r.unitId === 'u-B')?.selfScore).toBe(70);
      expect(state.view().selfSubmitted).toEqual(['u-B']);
    });

    it.each([
      ['for another unit', selfCmd('A', FULL, officer('B')), DomainErrorCode.WrongUnit],
      ['for a non-member', selfCmd('X', FULL), DomainErrorCode.UnitNotMember],
      [
        'by a user with neither role',
        selfCmd('A', FULL, { userId: 'v', unitId: 'u-A', roles: ['VIEWER'] }),
        DomainErrorCode.Forbidden,
      ],
      ['with a missing criterion', selfCmd('A', { C1: 1 }), DomainErrorCode.ScoresInvalid],
      [
        'with a score above the maximum',
        selfCmd('A', sc(20, 31, 0, 0, 0)),
        DomainErrorCode.ScoresInvalid,
      ],
    ])('rejects a self sheet %s', (_label, cmd, code) => {
      const state = new AssessmentState(finalInit);
      expect(codeOf(() => state.validateSelf(cmd))).toBe(code);
    });
  });

  describe('interim review', () => {
    it('has no cross-assessment', () => {
      const state = new AssessmentState(interimInit);
      const view = state.view();
      expect(view.stage).toBe('INTERIM');
      expect(view.assignment).toEqual({});
      expect(view.expectedPeerCount).toBe(0);
      expect(codeOf(() => state.validatePeer(peerCmd('B', 'A')))).toBe(
        DomainErrorCode.PhaseNotOpen,
      );
      expect(codeOf(() => state.validateConflict(conflictCmd('B', 'A')))).toBe(
        DomainErrorCode.PhaseNotOpen,
      );
    });

    it('accepts a self sheet and progress, and reports them without divergence', () => {
      const state = new AssessmentState(interimInit);
      submitSelf(state, 'A', S80);
      const items = [
        { itemIndex: 0, percent: 0, note: 'Chưa triển khai' },
        { itemIndex: 2, percent: 100, note: 'Hoàn thành' },
        { itemIndex: 1, percent: 37.5, note: '' },
      ];
      const cmd = progressCmd('B', items, signer('B'));
      expect(codeOf(() => state.validateProgress(cmd))).toBeUndefined();
      state.applyProgress(cmd, 't');
      const result = state.close();
      expect(result).toMatchObject({
        stage: 'INTERIM',
        selfCount: 1,
        peerCount: 0,
        expectedPeerCount: 0,
        divergent: [],
        progress: { 'u-B': items },
      });
      expect(result.ranking).toHaveLength(5);
      expect(result.ranking[0]).toMatchObject({ unitId: 'u-A', selfScore: 80, finalScore: 24 });
    });

    it('progress is a copy and a resubmission replaces it', () => {
      const state = new AssessmentState(interimInit);
      const items = [{ itemIndex: 0, percent: 10, note: '' }];
      state.applyProgress(progressCmd('C', items), 't1');
      items[0].percent = 99;
      expect(state.result().progress['u-C']).toEqual([{ itemIndex: 0, percent: 10, note: '' }]);
      state.applyProgress(progressCmd('C', [{ itemIndex: 1, percent: 60, note: 'x' }]), 't2');
      expect(state.result().progress['u-C']).toEqual([{ itemIndex: 1, percent: 60, note: 'x' }]);
      expect(state.view().progressSubmitted).toEqual(['u-C']);
    });

    it.each([
      ['an index equal to the item count', { itemIndex: 3, percent: 50 }],
      ['an index beyond the item count', { itemIndex: 7, percent: 50 }],
      ['a negative index', { itemIndex: -1, percent: 50 }],
      ['a fractional index', { itemIndex: 0.5, percent: 50 }],
      ['a percent above 100', { itemIndex: 0, percent: 100.1 }],
      ['a negative percent', { itemIndex: 0, percent: -1 }],
      ['a percent that is not a number', { itemIndex: 0, percent: Number.NaN }],
    ])('rejects progress with %s', (_label, item) => {
      const state = new AssessmentState(interimInit);
      const cmd = progressCmd('A', [
        { itemIndex: 1, percent: 20, note: '' },
        { ...item, note: '' },
      ]);
      expect(codeOf(() => state.validateProgress(cmd))).toBe(DomainErrorCode.ValidationFailed);
    });

    it.each([
      ['for another unit', progressCmd('A', [], officer('B')), DomainErrorCode.WrongUnit],
      ['for a non-member', progressCmd('X', []), DomainErrorCode.UnitNotMember],
    ])('rejects progress sent %s', (_label, cmd, code) => {
      const state = new AssessmentState(interimInit);
      expect(codeOf(() => state.validateProgress(cmd))).toBe(code);
    });
  });

  describe('stamp()', () => {
    it('sets the recorded time of a stored sheet or progress report', () => {
      const state = new AssessmentState(finalInit);
      submitSelf(state, 'A', FULL, 'draft');
      const assessor = assessorOf(state, 'A');
      peer(state, assessor, 'A', S80, 'draft');
      state.applyProgress(progressCmd('B', [{ itemIndex: 0, percent: 5, note: '' }]), 'draft');
      state.stamp('self', 'u-A', '2026-11-20T01:00:00.000Z');
      state.stamp('peer', `u-${assessor}>u-A`, '2026-11-20T02:00:00.000Z');
      state.stamp('progress', 'u-B', '2026-11-20T03:00:00.000Z');
      const snap = state.snapshot();
      expect(snap.self['u-A'].at).toBe('2026-11-20T01:00:00.000Z');
      expect(snap.peer[`u-${assessor}>u-A`].at).toBe('2026-11-20T02:00:00.000Z');
      expect(snap.progress['u-B'].at).toBe('2026-11-20T03:00:00.000Z');
      // Nothing else changes.
      expect(snap.self['u-A'].total).toBe(100);
      expect(snap.peer[`u-${assessor}>u-A`].total).toBe(80);
    });

    it('ignores unknown ids without throwing or changing anything', () => {
      const state = new AssessmentState(finalInit);
      submitSelf(state, 'A', FULL, 'draft');
      const before = state.snapshot();
      expect(() => {
        state.stamp('self', 'u-B', 't');
        state.stamp('self', 'u-X', 't');
        state.stamp('peer', 'u-B>u-A', 't');
        state.stamp('peer', 'nonsense', 't');
        state.stamp('progress', 'u-A', 't');
      }).not.toThrow();
      expect(state.snapshot()).toEqual(before);
    });
  });

  describe('snapshots', () => {
    it('are plain data that rebuild the same state', () => {
      const state = new AssessmentState(finalInit);
      conflict(state, 'B', 'A');
      submitSelf(state, 'A', FULL);
      const assessor = assessorOf(state, 'C');
      peer(state, assessor, 'C', S70);
      state.applyProgress(progressCmd('D', [{ itemIndex: 2, percent: 40, note: 'n' }]), 't');
      const copy = new AssessmentState(clone(state.snapshot()));
      expect(copy.view()).toEqual(state.view());
      expect(copy.result()).toEqual(state.result());
      expect(copy.snapshot()).toEqual(state.snapshot());
      // Conflicts stay locked because the peer sheet came along.
      expect(codeOf(() => copy.validateConflict(conflictCmd('C', 'D')))).toBe(
        DomainErrorCode.ConflictsLocked,
      );
    });

    it('keep the stored assignment instead of assigning again', () => {
      const state = new AssessmentState(finalInit);
      const snap = clone(state.snapshot());
      // An assignment assignReviewers would never produce: every subject assessed by E alone
      // (and E by A).
      const custom = Object.fromEntries(ids.map((u) => [u, [u === 'u-E' ? 'u-A' : 'u-E']]));
      const stored: AssessmentSnapshot = { ...snap, assignment: custom };
      const rebuilt = new AssessmentState(stored);
      expect(rebuilt.view().assignment).toEqual(custom);
      expect(rebuilt.view().expectedPeerCount).toBe(5);
      expect(codeOf(() => rebuilt.validatePeer(peerCmd('E', 'B')))).toBeUndefined();
      expect(codeOf(() => rebuilt.validatePeer(peerCmd('C', 'B')))).toBe(
        DomainErrorCode.NotAssigned,
      );
    });

    it('are copies: editing one does not change the state', () => {
      const state = new AssessmentState(finalInit);
      submitSelf(state, 'A', FULL);
      const snap = state.snapshot();
      snap.assignment['u-A'] = [];
      snap.self['u-A'].total = 0;
      snap.closed = true;
      expect(state.view().assignment['u-A']).toHaveLength(2);
      expect(state.result().ranking[0].selfScore).toBe(100);
      expect(state.closed).toBe(false);
    });
  });
});
