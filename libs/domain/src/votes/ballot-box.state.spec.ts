import { codeOf } from '../errors/code-of.spec-helper';
import { DomainErrorCode } from '../errors/domain-error-code';
import { officer, signer, unitMembers } from '../pledge-signing/actors.spec-helper';
import {
  type BallotBoxInit,
  type BallotBoxSnapshot,
  BallotBoxState,
  type CastCommand,
  validateApprovalBallot,
  validateElectionBallot,
} from './ballot-box.state';

type Approval = { approve: string[] };
type Election = { headUnitId: string; deputyUnitId: string };

const members = unitMembers(['A', 'B', 'C', 'D', 'E']);
const voteInit: BallotBoxInit = {
  cycleId: 'cycle-1',
  kind: 'VOTE',
  members,
  headUnitId: 'u-A',
  candidates: ['u-A', 'u-B', 'u-C'],
  maxChoices: 1,
  deadlineAt: '2026-12-10T16:59:59.999Z',
};
const electionInit: BallotBoxInit = { ...voteInit, kind: 'ELECTION', maxChoices: 2 };

const newVoteBox = () => new BallotBoxState<Approval>(voteInit, validateApprovalBallot);
const newElectionBox = () => new BallotBoxState<Election>(electionInit, validateElectionBallot);

const vote = (voter: string, approve: string[], actor = signer(voter)): CastCommand<Approval> => ({
  actor,
  voterUnitId: `u-${voter}`,
  content: { approve },
  written: false,
});
const writtenVote = (voter: string, approve: string[], actor = signer('A')) => ({
  ...vote(voter, approve, actor),
  written: true,
});
const elect = (
  voter: string,
  head: string,
  deputy: string,
  actor = signer(voter),
): CastCommand<Election> => ({
  actor,
  voterUnitId: `u-${voter}`,
  content: { headUnitId: `u-${head}`, deputyUnitId: `u-${deputy}` },
  written: false,
});

function cast<T>(box: BallotBoxState<T>, cmd: CastCommand<T>, at = 't'): void {
  box.validateCast(cmd);
  box.applyCast(cmd, at);
}

describe(BallotBoxState.name, () => {
  describe('approval vote', () => {
    it('starts open and empty', () => {
      const box = newVoteBox();
      expect(box.closed).toBe(false);
      expect(box.view()).toEqual({
        cycleId: 'cycle-1',
        kind: 'VOTE',
        deadlineAt: voteInit.deadlineAt,
        closed: false,
        candidates: ['u-A', 'u-B', 'u-C'],
        eligibleCount: 5,
        voted: [],
        writtenCount: 0,
      });
      expect(box.ballots()).toEqual([]);
    });

    it("accepts a member signer's ballot for its own unit", () => {
      const box = newVoteBox();
      const cmd = vote('D', ['u-B']);
      expect(codeOf(() => box.validateCast(cmd))).toBeUndefined();
      const entry = box.applyCast(cmd, '2026-12-01T02:00:00.000Z');
      expect(entry).toEqual({
        content: { approve: ['u-B'] },
        written: false,
        recordedBy: 'user-D',
        at: '2026-12-01T02:00:00.000Z',
      });
      expect(box.view()).toMatchObject({ voted: ['u-D'], writtenCount: 0 });
    });

    it('a candidate may vote, even for itself', () => {
      const box = newVoteBox();
      expect(codeOf(() => box.validateCast(vote('B', ['u-B'])))).toBeUndefined();
    });

    it('accepts an empty ballot (approving nobody)', () => {
      const box = newVoteBox();
      expect(codeOf(() => box.validateCast(vote('C', [])))).toBeUndefined();
    });

    it.each([
      ['a signer for another unit', vote('B', ['u-A'], signer('C')), DomainErrorCode.WrongUnit],
      [
        'a user without a unit',
        vote('B', ['u-A'], { userId: 'admin', unitId: null, roles: ['UNIT_SIGNER'] }),
        DomainErrorCode.WrongUnit,
      ],
      ['an officer of the unit', vote('B', ['u-A'], officer('B')), DomainErrorCode.NotASigner],
      [
        'a user with no role',
        vote('B', ['u-A'], { userId: 'v', unitId: 'u-B', roles: [] }),
        DomainErrorCode.NotASigner,
      ],
      ['a unit that is not a member', vote('X', ['u-A']), DomainErrorCode.UnitNotMember],
      ['a non-candidate choice', vote('B', ['u-D']), DomainErrorCode.NotACandidate],
      ['an unknown choice', vote('B', ['u-X']), DomainErrorCode.NotACandidate],
      ['too many choices', vote('B', ['u-A', 'u-C']), DomainErrorCode.TooManyChoices],
    ])('rejects a ballot from %s', (_label, cmd, code) => {
      const box = newVoteBox();
      expect(codeOf(() => box.validateCast(cmd))).toBe(code);
      expect(box.view().voted).toEqual([]);
    });

    it('rejects a second ballot from the same member, whatever it says', () => {
      const box = newVoteBox();
      cast(box, vote('B', ['u-A']));
      expect(codeOf(() => box.validateCast(vote('B', ['u-A'])))).toBe(DomainErrorCode.AlreadyVoted);
      expect(codeOf(() => box.validateCast(vote('B', ['u-C'])))).toBe(DomainErrorCode.AlreadyVoted);
      expect(codeOf(() => box.validateCast(vote('B', [])))).toBe(DomainErrorCode.AlreadyVoted);
      // Other members still vote.
      expect(codeOf(() => box.validateCast(vote('C', ['u-A'])))).toBeUndefined();
    });

    it("the head's signer records an absent member's written ballot", () => {
      const box = newVoteBox();
      const cmd = writtenVote('E', ['u-C']);
      expect(codeOf(() => box.validateCast(cmd))).toBeUndefined();
      const entry = box.applyCast(cmd, 't-w');
      expect(entry).toEqual({
        content: { approve: ['u-C'] },
        written: true,
        recordedBy: 'user-A',
        at: 't-w',
      });
      expect(box.view()).toMatchObject({ voted: ['u-E'], writtenCount: 1 });
      // The member cannot then vote again itself.
      expect(codeOf(() => box.validateCast(vote('E', ['u-A'])))).toBe(DomainErrorCode.AlreadyVoted);
    });

    it.each([
      ["a member's signer", signer('B')],
      ["the absent member's own signer", signer('E')],
      ["the head's officer", officer('A')],
      ['a user without a unit', { userId: 'admin', unitId: null, roles: ['UNIT_SIGNER'] }],
    ])('rejects a written ballot recorded by %s', (_label, actor) => {
      const box = newVoteBox();
      expect(codeOf(() => box.validateCast(writtenVote('E', ['u-C'], actor)))).toBe(
        DomainErrorCode.NotClusterHead,
      );
    });

    it('rejects a written ballot for a member who has voted', () => {
      const box = newVoteBox();
      cast(box, vote('D', ['u-B']));
      expect(codeOf(() => box.validateCast(writtenVote('D', ['u-C'])))).toBe(
        DomainErrorCode.AlreadyVoted,
      );
      cast(box, writtenVote('E', ['u-C']));
      expect(codeOf(() => box.validateCast(writtenVote('E', ['u-C'])))).toBe(
        DomainErrorCode.AlreadyVoted,
      );
    });

    it('rejects a written ballot for a non-member', () => {
      const box = newVoteBox();
      expect(codeOf(() => box.validateCast(writtenVote('X', ['u-C'])))).toBe(
        DomainErrorCode.UnitNotMember,
      );
    });

    it('checks the content of a written ballot too', () => {
      const box = newVoteBox();
      expect(codeOf(() => box.validateCast(writtenVote('E', ['u-E'])))).toBe(
        DomainErrorCode.NotACandidate,
      );
      expect(codeOf(() => box.validateCast(writtenVote('E', ['u-A', 'u-B'])))).toBe(
        DomainErrorCode.TooManyChoices,
      );
    });

    it('after close() every ballot is refused', () => {
      const box = newVoteBox();
      cast(box, vote('B', ['u-A']));
      box.close();
      expect(box.closed).toBe(true);
      expect(box.view().closed).toBe(true);
      expect(codeOf(() => box.validateCast(vote('C', ['u-A'])))).toBe(DomainErrorCode.PhaseNotOpen);
      expect(codeOf(() => box.validateCast(writtenVote('D', ['u-A'])))).toBe(
        DomainErrorCode.PhaseNotOpen,
      );
      // Closing keeps the ballots for the tally.
      expect(box.ballots()).toHaveLength(1);
    });

    it('view() shows who voted but never what they chose', () => {
      const box = newVoteBox();
      cast(box, vote('D', ['u-C']));
      cast(box, writtenVote('E', ['u-C']));
      const view = box.view();
      expect(view.voted).toEqual(['u-D', 'u-E']);
      expect(view.writtenCount).toBe(1);
      expect(view.eligibleCount).toBe(5);
      const { candidates, ...rest } = view;
      expect(candidates).toEqual(['u-A', 'u-B', 'u-C']);
      const json = JSON.stringify(rest);
      expect(json).not.toContain('u-C');
      const full = JSON.stringify(view);
      expect(full).not.toContain('"content"');
      expect(full).not.toContain('"approve"');
      expect(full).not.toContain('recordedBy');
      expect(full).not.toContain('user-A');
    });

    it('view() is a copy', () => {
      const box = newVoteBox();
      cast(box, vote('B', ['u-A']));
      const view = box.view();
      view.candidates.push('u-E');
      view.voted.push('u-C');
      expect(box.view().candidates).toEqual(['u-A', 'u-B', 'u-C']);
      expect(box.view().voted).toEqual(['u-B']);
    });

    it('ballots() returns every ballot with its content for the tally', () => {
      const box = newVoteBox();
      cast(box, vote('B', ['u-A']));
      cast(box, vote('C', []));
      cast(box, writtenVote('E', ['u-C']));
      expect(box.ballots()).toEqual([
        { voterUnitId: 'u-B', content: { approve: ['u-A'] }, written: false },
        { voterUnitId: 'u-C', content: { approve: [] }, written: false },
        { voterUnitId: 'u-E', content: { approve: ['u-C'] }, written: true },
      ]);
    });

    it('honours a larger maxChoices', () => {
      const box = new BallotBoxState<Approval>(
        { ...voteInit, maxChoices: 2 },
        validateApprovalBallot,
      );
      expect(codeOf(() => box.validateCast(vote('B', ['u-A', 'u-C'])))).toBeUndefined();
      expect(codeOf(() => box.validateCast(vote('B', ['u-A', 'u-B', 'u-C'])))).toBe(
        DomainErrorCode.TooManyChoices,
      );
    });

    it('snapshots are plain data that rebuild the same box', () => {
      const box = newVoteBox();
      cast(box, vote('B', ['u-A']), 't1');
      cast(box, writtenVote('E', ['u-C']), 't2');
      const snap = JSON.parse(JSON.stringify(box.snapshot())) as BallotBoxSnapshot<Approval>;
      const copy = new BallotBoxState<Approval>(snap, validateApprovalBallot);
      expect(copy.view()).toEqual(box.view());
      expect(copy.ballots()).toEqual(box.ballots());
      expect(copy.snapshot()).toEqual(box.snapshot());
      expect(codeOf(() => copy.validateCast(vote('B', ['u-A'])))).toBe(
        DomainErrorCode.AlreadyVoted,
      );
      copy.close();
      const closedCopy = new BallotBoxState<Approval>(copy.snapshot(), validateApprovalBallot);
      expect(codeOf(() => closedCopy.validateCast(vote('C', ['u-A'])))).toBe(
        DomainErrorCode.PhaseNotOpen,
      );
      // The original is untouched by the copy's close().
      expect(box.closed).toBe(false);
    });
  });

  describe('election', () => {
    it('accepts a head and a different deputy, both candidates', () => {
      const box = newElectionBox();
      const cmd = elect('D', 'B', 'C');
      expect(codeOf(() => box.validateCast(cmd))).toBeUndefined();
      box.applyCast(cmd, 't');
      expect(box.ballots()).toEqual([
        { voterUnitId: 'u-D', content: { headUnitId: 'u-B', deputyUnitId: 'u-C' }, written: false },
      ]);
      expect(box.view()).toMatchObject({ kind: 'ELECTION', voted: ['u-D'] });
    });

    it('rejects the same unit as head and deputy', () => {
      const box = newElectionBox();
      expect(codeOf(() => box.validateCast(elect('D', 'B', 'B')))).toBe(
        DomainErrorCode.ValidationFailed,
      );
      expect(box.view().voted).toEqual([]);
    });

    it.each([
      ['head', elect('D', 'E', 'B')],
      ['deputy', elect('D', 'B', 'E')],
      ['head and deputy', elect('D', 'X', 'X')],
    ])('rejects a non-candidate as %s', (_label, cmd) => {
      const box = newElectionBox();
      expect(codeOf(() => box.validateCast(cmd))).toBe(DomainErrorCode.NotACandidate);
    });

    it('applies the same voter rules as an approval vote', () => {
      const box = newElectionBox();
      expect(codeOf(() => box.validateCast(elect('D', 'B', 'C', signer('E'))))).toBe(
        DomainErrorCode.WrongUnit,
      );
      expect(codeOf(() => box.validateCast(elect('D', 'B', 'C', officer('D'))))).toBe(
        DomainErrorCode.NotASigner,
      );
      cast(box, elect('D', 'B', 'C'));
      expect(codeOf(() => box.validateCast(elect('D', 'C', 'B')))).toBe(
        DomainErrorCode.AlreadyVoted,
      );
      const written = { ...elect('E', 'A', 'B', signer('A')), written: true };
      expect(codeOf(() => box.validateCast({ ...written, actor: signer('B') }))).toBe(
        DomainErrorCode.NotClusterHead,
      );
      cast(box, written);
      expect(box.view()).toMatchObject({ voted: ['u-D', 'u-E'], writtenCount: 1 });
      box.close();
      expect(codeOf(() => box.validateCast(elect('C', 'A', 'B')))).toBe(
        DomainErrorCode.PhaseNotOpen,
      );
    });

    it('view() does not reveal the elected units', () => {
      const box = newElectionBox();
      cast(box, elect('D', 'B', 'C'));
      const { candidates, ...rest } = box.view();
      expect(candidates).toHaveLength(3);
      const json = JSON.stringify(rest);
      expect(json).not.toContain('u-B');
      expect(json).not.toContain('u-C');
      expect(json).not.toContain('"content"');
      expect(json).not.toContain('headUnitId');
    });
  });

  describe(validateApprovalBallot.name, () => {
    it('checks the count before the candidates', () => {
      expect(codeOf(() => validateApprovalBallot({ approve: ['u-X', 'u-Y'] }, voteInit))).toBe(
        DomainErrorCode.TooManyChoices,
      );
      expect(codeOf(() => validateApprovalBallot({ approve: ['u-A'] }, voteInit))).toBeUndefined();
    });
  });

  describe(validateElectionBallot.name, () => {
    it('needs both units to be candidates and different', () => {
      const box = { ...electionInit, candidates: ['u-A', 'u-B'] };
      expect(
        codeOf(() => validateElectionBallot({ headUnitId: 'u-A', deputyUnitId: 'u-B' }, box)),
      ).toBeUndefined();
      expect(
        codeOf(() => validateElectionBallot({ headUnitId: 'u-A', deputyUnitId: 'u-C' }, box)),
      ).toBe(DomainErrorCode.NotACandidate);
      expect(
        codeOf(() => validateElectionBallot({ headUnitId: 'u-A', deputyUnitId: 'u-A' }, box)),
      ).toBe(DomainErrorCode.ValidationFailed);
    });
  });
});
