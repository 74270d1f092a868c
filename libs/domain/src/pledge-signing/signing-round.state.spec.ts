import { codeOf } from '../errors/code-of.spec-helper';
import { DomainErrorCode } from '../errors/domain-error-code';
import { officer, signer, unitMembers } from './actors.spec-helper';
import { SigningRoundState } from './signing-round.state';
import type { SigningRoundInit, SigningRoundSnapshot } from './signing-round.types';

const members = unitMembers(['A', 'B', 'C']);
const init: SigningRoundInit = {
  roundId: 'pledge-signing-CTD-01-DVK-2026',
  cycleId: 'cycle-1',
  clusterCode: 'CTD-01',
  headUnitId: 'u-A',
  members,
  pledge: { version: 1, items: ['Item 1', 'Item 2'], contentHash: 'h1' },
  deadlineAt: '2026-08-31T16:59:59.999Z',
};

function signAll(state: SigningRoundState, version = state.version): void {
  for (const u of ['A', 'B', 'C']) {
    const cmd = { actor: signer(u), unitId: `u-${u}`, version };
    state.validateSign(cmd);
    state.applySign(cmd, `t-${u}`);
  }
}

describe(SigningRoundState.name, () => {
  it('starts open with every member missing', () => {
    const state = new SigningRoundState(init);
    expect(state.status).toBe('OPEN');
    expect(state.missing()).toEqual(['u-A', 'u-B', 'u-C']);
    expect(state.view()).toMatchObject({ signedCount: 0, memberCount: 3 });
  });

  it('refuses a round without members', () => {
    expect(codeOf(() => new SigningRoundState({ ...init, members: [] }))).toBe(
      DomainErrorCode.NoMembers,
    );
  });

  it('accepts a signature from the unit signer and records who and when', () => {
    const state = new SigningRoundState(init);
    const cmd = { actor: signer('B'), unitId: 'u-B', version: 1 };
    expect(codeOf(() => state.validateSign(cmd))).toBeUndefined();
    state.applySign(cmd, '2026-08-07T02:00:00.000Z');
    const b = state.view().units.find((u) => u.unitId === 'u-B');
    expect(b).toMatchObject({
      decision: 'SIGNED',
      version: 1,
      at: '2026-08-07T02:00:00.000Z',
      late: false,
    });
    expect(state.missing()).toEqual(['u-A', 'u-C']);
  });

  it('stamps a decision with the time its record was persisted, unless a later one replaced it', () => {
    const state = new SigningRoundState(init);
    const decline = { actor: signer('B'), unitId: 'u-B', version: 1, reason: 'needs a target' };
    const declined = state.applyDecline(decline, '');
    const signed = state.applySign({ actor: signer('B'), unitId: 'u-B', version: 1 }, '');
    state.stampDecision('u-B', declined, '2026-08-07T01:00:00.000Z');
    expect(state.view().units[1]).toMatchObject({ decision: 'SIGNED', at: '' });
    state.stampDecision('u-B', signed, '2026-08-07T02:00:00.000Z');
    expect(state.view().units[1]).toMatchObject({
      decision: 'SIGNED',
      at: '2026-08-07T02:00:00.000Z',
    });
  });

  it.each([
    [
      'a unit that is not a member',
      { actor: { ...signer('X') }, unitId: 'u-X', version: 1 },
      DomainErrorCode.UnitNotMember,
    ],
    [
      'a signer acting for another unit',
      { actor: signer('A'), unitId: 'u-B', version: 1 },
      DomainErrorCode.WrongUnit,
    ],
    [
      'an officer who is not a signer',
      { actor: officer('B'), unitId: 'u-B', version: 1 },
      DomainErrorCode.NotASigner,
    ],
    [
      'a stale pledge version',
      { actor: signer('B'), unitId: 'u-B', version: 0 },
      DomainErrorCode.StalePledgeVersion,
    ],
  ])('rejects a signature from %s', (_label, cmd, code) => {
    const state = new SigningRoundState(init);
    expect(codeOf(() => state.validateSign(cmd))).toBe(code);
    expect(state.missing()).toHaveLength(3);
  });

  it('rejects a second signature of the same version', () => {
    const state = new SigningRoundState(init);
    const cmd = { actor: signer('B'), unitId: 'u-B', version: 1 };
    state.applySign(cmd, 't');
    expect(codeOf(() => state.validateSign(cmd))).toBe(DomainErrorCode.AlreadySigned);
    expect(codeOf(() => state.validateDecline({ ...cmd, reason: 'changed our mind' }))).toBe(
      DomainErrorCode.AlreadySigned,
    );
  });

  it('lets a unit that declined sign later, but not decline twice', () => {
    const state = new SigningRoundState(init);
    const decline = {
      actor: signer('C'),
      unitId: 'u-C',
      version: 1,
      reason: 'needs a digital target',
    };
    state.validateDecline(decline);
    state.applyDecline(decline, 't1');
    expect(state.view().units[2]).toMatchObject({
      decision: 'DECLINED',
      reason: 'needs a digital target',
    });
    expect(codeOf(() => state.validateDecline(decline))).toBe(DomainErrorCode.AlreadyDeclined);
    const sign = { actor: signer('C'), unitId: 'u-C', version: 1 };
    expect(codeOf(() => state.validateSign(sign))).toBeUndefined();
  });

  it('an amendment bumps the version and invalidates every earlier decision', () => {
    const state = new SigningRoundState(init);
    signAll(state);
    const amend = {
      actor: signer('A'),
      baseVersion: 1,
      items: ['Item 1', 'Item 2', 'Item 3'],
      contentHash: 'h2',
      reason: 'add a target',
    };
    state.validateAmend(amend);
    const { version, invalidatedUnitIds } = state.applyAmend(amend);
    expect(version).toBe(2);
    expect(invalidatedUnitIds.sort()).toEqual(['u-A', 'u-B', 'u-C']);
    expect(state.status).toBe('OPEN');
    expect(state.missing()).toHaveLength(3);
    expect(
      codeOf(() => state.validateSign({ actor: signer('B'), unitId: 'u-B', version: 1 })),
    ).toBe(DomainErrorCode.StalePledgeVersion);
  });

  it('only the head amends, on the current version, with a changed text', () => {
    const state = new SigningRoundState(init);
    const amend = {
      actor: signer('A'),
      baseVersion: 1,
      items: ['x'],
      contentHash: 'h2',
      reason: 'r',
    };
    expect(codeOf(() => state.validateAmend({ ...amend, actor: signer('B') }))).toBe(
      DomainErrorCode.NotClusterHead,
    );
    expect(codeOf(() => state.validateAmend({ ...amend, actor: officer('A') }))).toBe(
      DomainErrorCode.NotClusterHead,
    );
    expect(codeOf(() => state.validateAmend({ ...amend, baseVersion: 2 }))).toBe(
      DomainErrorCode.StalePledgeVersion,
    );
    expect(codeOf(() => state.validateAmend({ ...amend, contentHash: 'h1' }))).toBe(
      DomainErrorCode.PledgeUnchanged,
    );
  });

  it('countersigning needs every member signed on the current version, by the head', () => {
    const state = new SigningRoundState(init);
    expect(codeOf(() => state.validateCountersign({ actor: signer('A'), version: 1 }))).toBe(
      DomainErrorCode.NotAllSigned,
    );
    signAll(state);
    expect(state.status).toBe('AWAITING_COUNTERSIGN');
    expect(codeOf(() => state.validateCountersign({ actor: signer('B'), version: 1 }))).toBe(
      DomainErrorCode.NotClusterHead,
    );
    state.validateCountersign({ actor: signer('A'), version: 1 });
    state.applyCountersign({ actor: signer('A'), version: 1 }, 't-end');
    expect(state.status).toBe('EFFECTIVE');
    expect(state.isEffective).toBe(true);
  });

  it('a closed round refuses everything', () => {
    const state = new SigningRoundState(init);
    signAll(state);
    state.applyCountersign({ actor: signer('A'), version: 1 }, 't-end');
    expect(
      codeOf(() => state.validateSign({ actor: signer('B'), unitId: 'u-B', version: 1 })),
    ).toBe(DomainErrorCode.RoundClosed);
    expect(
      codeOf(() =>
        state.validateAmend({
          actor: signer('A'),
          baseVersion: 1,
          items: ['x'],
          contentHash: 'h9',
          reason: 'r',
        }),
      ),
    ).toBe(DomainErrorCode.RoundClosed);
    expect(codeOf(() => state.validateCountersign({ actor: signer('A'), version: 1 }))).toBe(
      DomainErrorCode.RoundClosed,
    );
  });

  it('the deadline records who was missing and later signatures are late', () => {
    const state = new SigningRoundState(init);
    state.applySign({ actor: signer('A'), unitId: 'u-A', version: 1 }, 't');
    expect(state.markOverdue('')).toEqual(['u-B', 'u-C']);
    state.applySign({ actor: signer('B'), unitId: 'u-B', version: 1 }, 't2');
    // The recorded time arrives later; the missing list stays what it was at the deadline.
    expect(state.markOverdue('2026-09-01T00:00:00.000Z')).toEqual(['u-B', 'u-C']);
    expect(state.status).toBe('OVERDUE');
    expect(state.view().units.find((u) => u.unitId === 'u-B')?.late).toBe(true);
    expect(state.view().overdueAt).toBe('2026-09-01T00:00:00.000Z');
  });

  it('snapshots are plain data that rebuild the same state', () => {
    const state = new SigningRoundState(init);
    state.applySign({ actor: signer('B'), unitId: 'u-B', version: 1 }, 't');
    const copy = new SigningRoundState(
      JSON.parse(JSON.stringify(state.snapshot())) as SigningRoundSnapshot,
    );
    expect(copy.view()).toEqual(state.view());
  });
});

describe('SigningRoundState deadline extension', () => {
  const later = '2026-09-15T16:59:59.999Z';

  it('lets the head move the deadline later, before it passes', () => {
    const state = new SigningRoundState(init);
    const cmd = { actor: signer('A'), deadlineAt: later, reason: 'Chờ các đơn vị hoàn thiện' };
    expect(codeOf(() => state.validateExtendDeadline(cmd))).toBeUndefined();
    state.applyExtendDeadline(cmd);
    expect(state.view().deadlineAt).toBe(later);
  });

  it('refuses an earlier deadline, a member that is not the head, and a deadline already passed', () => {
    const state = new SigningRoundState(init);
    expect(
      codeOf(() =>
        state.validateExtendDeadline({
          actor: signer('A'),
          deadlineAt: '2026-08-01T00:00:00.000Z',
          reason: 'x',
        }),
      ),
    ).toBe(DomainErrorCode.DeadlineNotLater);
    expect(
      codeOf(() =>
        state.validateExtendDeadline({ actor: signer('B'), deadlineAt: later, reason: 'x' }),
      ),
    ).toBe(DomainErrorCode.NotClusterHead);
    state.markOverdue('t');
    expect(
      codeOf(() =>
        state.validateExtendDeadline({ actor: signer('A'), deadlineAt: later, reason: 'x' }),
      ),
    ).toBe(DomainErrorCode.DeadlinePassed);
  });
});
