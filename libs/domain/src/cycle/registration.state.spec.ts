import { codeOf } from '../errors/code-of.spec-helper';
import { DomainErrorCode } from '../errors/domain-error-code';
import { officer, signer, unitMembers } from '../pledge-signing/actors.spec-helper';
import {
  type LateDecisionCommand,
  type LateRegistrationCommand,
  type RegistrationContent,
  type RegistrationInit,
  type RegistrationSnapshot,
  RegistrationState,
  type SubmitRegistrationCommand,
} from './registration.state';

const members = unitMembers(['A', 'B', 'C']);
const init: RegistrationInit = {
  cycleId: 'cycle-1',
  members,
  headUnitId: 'u-A',
  deputyUnitId: 'u-B',
  deadlineAt: '2026-02-28T16:59:59.999Z',
  lateUntil: '2026-03-15T16:59:59.999Z',
  targetPercent: 100,
};

function content(initiativeCount: number): RegistrationContent {
  return {
    titles: ['Đơn vị xuất sắc'],
    initiatives: Array.from({ length: initiativeCount }, (_, i) => ({
      kind: 'MODEL' as const,
      field: 'Dân vận',
      isNew: true,
      ownerType: 'COLLECTIVE' as const,
      ownerName: 'Tập thể',
      title: `Mô hình ${i + 1}`,
      description: 'Mô tả',
      attachments: [],
    })),
  };
}

const submitCmd = (unit: string, actor = officer(unit), n = 1): SubmitRegistrationCommand => ({
  actor,
  unitId: `u-${unit}`,
  content: content(n),
});
const lateCmd = (unit: string, actor = officer(unit)): LateRegistrationCommand => ({
  ...submitCmd(unit, actor, 2),
  reason: 'Nhận văn bản muộn',
});
const decision = (unit: string, approve: boolean, actor = signer('A')): LateDecisionCommand => ({
  actor,
  unitId: `u-${unit}`,
  approve,
  note: approve ? 'Đồng ý' : 'Không đồng ý',
});

function submit(state: RegistrationState, unit: string, at = `t-${unit}`): void {
  const cmd = submitCmd(unit);
  state.validateSubmit(cmd);
  state.applySubmit(cmd, at);
}

function requestLate(state: RegistrationState, unit: string, at = `late-${unit}`): void {
  const cmd = lateCmd(unit);
  state.validateLateRequest(cmd);
  state.applyLateRequest(cmd, at);
}

function decide(state: RegistrationState, unit: string, approve: boolean): void {
  // The deputy decides on the head's own late registration.
  const cmd = decision(unit, approve, unit === 'A' ? signer('B') : signer('A'));
  state.validateLateDecision(cmd);
  state.applyLateDecision(cmd);
}

const unitView = (state: RegistrationState, unit: string) =>
  state.compliance().units.find((u) => u.unitId === `u-${unit}`);

describe(RegistrationState.name, () => {
  it('starts open with nobody registered', () => {
    const state = new RegistrationState(init);
    expect(state.closed).toBe(false);
    const view = state.compliance();
    expect(view).toMatchObject({
      cycleId: 'cycle-1',
      deadlineAt: init.deadlineAt,
      closed: false,
      memberCount: 3,
      registeredCount: 0,
      registeredPercent: 0,
      targetPercent: 100,
      targetMet: false,
      pendingLate: [],
      missingAtDeadline: [],
    });
    expect(view.units.map((u) => u.status)).toEqual([
      'NOT_REGISTERED',
      'NOT_REGISTERED',
      'NOT_REGISTERED',
    ]);
    expect(view.units[0]).toEqual({
      ...members[0],
      status: 'NOT_REGISTERED',
      late: false,
      revision: 0,
      at: null,
      initiativeCount: 0,
    });
  });

  it.each([
    ['an officer', officer('B')],
    ['a signer', signer('B')],
  ])('accepts a registration from %s of the unit', (_label, actor) => {
    const state = new RegistrationState(init);
    const cmd = submitCmd('B', actor, 3);
    expect(codeOf(() => state.validateSubmit(cmd))).toBeUndefined();
    const entry = state.applySubmit(cmd, '2026-02-01T02:00:00.000Z');
    expect(entry).toEqual({
      status: 'SUBMITTED',
      late: false,
      revision: 1,
      at: '2026-02-01T02:00:00.000Z',
      initiativeCount: 3,
    });
    expect(unitView(state, 'B')).toMatchObject({
      status: 'SUBMITTED',
      late: false,
      revision: 1,
      at: '2026-02-01T02:00:00.000Z',
      initiativeCount: 3,
    });
    expect(state.compliance().registeredCount).toBe(1);
  });

  it.each([
    [
      'an officer acting for another unit',
      { ...submitCmd('B'), actor: officer('A') },
      DomainErrorCode.WrongUnit,
    ],
    [
      'a signer acting for another unit',
      { ...submitCmd('B'), actor: signer('C') },
      DomainErrorCode.WrongUnit,
    ],
    [
      'a user without a unit',
      { ...submitCmd('B'), actor: { userId: 'admin', unitId: null, roles: ['UNIT_OFFICER'] } },
      DomainErrorCode.WrongUnit,
    ],
    ['a unit that is not a member', submitCmd('X', signer('X')), DomainErrorCode.UnitNotMember],
    [
      'a user of the unit with neither role',
      { ...submitCmd('B'), actor: { userId: 'viewer-B', unitId: 'u-B', roles: ['VIEWER'] } },
      DomainErrorCode.Forbidden,
    ],
    [
      'a user of the unit with no role at all',
      { ...submitCmd('B'), actor: { userId: 'nobody-B', unitId: 'u-B', roles: [] } },
      DomainErrorCode.Forbidden,
    ],
  ])('rejects a registration from %s', (_label, cmd, code) => {
    const state = new RegistrationState(init);
    expect(codeOf(() => state.validateSubmit(cmd))).toBe(code);
    expect(state.compliance().registeredCount).toBe(0);
  });

  it('editing before the deadline replaces the entry and bumps the revision', () => {
    const state = new RegistrationState(init);
    submit(state, 'B', 't1');
    const edit = submitCmd('B', signer('B'), 4);
    expect(codeOf(() => state.validateSubmit(edit))).toBeUndefined();
    const entry = state.applySubmit(edit, 't2');
    expect(entry).toMatchObject({ status: 'SUBMITTED', revision: 2, at: 't2', initiativeCount: 4 });
    state.applySubmit(submitCmd('B', officer('B'), 0), 't3');
    expect(unitView(state, 'B')).toMatchObject({ revision: 3, at: 't3', initiativeCount: 0 });
    // An edit is still one registration.
    expect(state.compliance().registeredCount).toBe(1);
    // Revisions are per unit.
    submit(state, 'C');
    expect(unitView(state, 'C')?.revision).toBe(1);
  });

  it('close() returns the units that had not submitted and records them', () => {
    const state = new RegistrationState(init);
    submit(state, 'B');
    expect(state.close()).toEqual(['u-A', 'u-C']);
    expect(state.closed).toBe(true);
    expect(state.compliance()).toMatchObject({
      closed: true,
      missingAtDeadline: ['u-A', 'u-C'],
    });
  });

  it('close() is idempotent: the list stays what it was at the deadline', () => {
    const state = new RegistrationState(init);
    submit(state, 'B');
    state.close();
    requestLate(state, 'C');
    decide(state, 'C', true);
    expect(state.close()).toEqual(['u-A', 'u-C']);
    expect(state.compliance().missingAtDeadline).toEqual(['u-A', 'u-C']);
  });

  it('close() on a closed state returns the recorded list instead of recomputing it', () => {
    // Restored from history: closed when only u-C was missing, before later entries arrived.
    const snap: RegistrationSnapshot = {
      ...init,
      entries: {},
      closed: true,
      missingAtDeadline: ['u-C'],
    };
    const state = new RegistrationState(snap);
    expect(state.close()).toEqual(['u-C']);
    expect(state.compliance().missingAtDeadline).toEqual(['u-C']);
  });

  it('close() returns every member when nobody registered and none when all did', () => {
    const none = new RegistrationState(init);
    expect(none.close()).toEqual(['u-A', 'u-B', 'u-C']);
    const all = new RegistrationState(init);
    for (const u of ['A', 'B', 'C']) submit(all, u);
    expect(all.close()).toEqual([]);
  });

  it('close() returns a copy the caller cannot use to change the state', () => {
    const state = new RegistrationState(init);
    const missing = state.close();
    missing.push('u-Z');
    expect(state.compliance().missingAtDeadline).toEqual(['u-A', 'u-B', 'u-C']);
  });

  it('rejects a registration or an edit after close()', () => {
    const state = new RegistrationState(init);
    submit(state, 'B');
    state.close();
    expect(codeOf(() => state.validateSubmit(submitCmd('B')))).toBe(
      DomainErrorCode.RegistrationClosed,
    );
    expect(codeOf(() => state.validateSubmit(submitCmd('C', signer('C'))))).toBe(
      DomainErrorCode.RegistrationClosed,
    );
  });

  it('checks who acts before whether registration is closed', () => {
    const state = new RegistrationState(init);
    state.close();
    expect(codeOf(() => state.validateSubmit({ ...submitCmd('B'), actor: officer('C') }))).toBe(
      DomainErrorCode.WrongUnit,
    );
  });

  it('rejects a late request while registration is still open', () => {
    const state = new RegistrationState(init);
    expect(codeOf(() => state.validateLateRequest(lateCmd('B')))).toBe(
      DomainErrorCode.RegistrationOpen,
    );
  });

  it.each([
    ['another unit', { ...lateCmd('B'), actor: officer('C') }, DomainErrorCode.WrongUnit],
    ['a non-member', lateCmd('X', officer('X')), DomainErrorCode.UnitNotMember],
    [
      'a user with neither role',
      { ...lateCmd('B'), actor: { userId: 'v', unitId: 'u-B', roles: ['VIEWER'] } },
      DomainErrorCode.Forbidden,
    ],
  ])('rejects a late request from %s', (_label, cmd, code) => {
    const state = new RegistrationState(init);
    state.close();
    expect(codeOf(() => state.validateLateRequest(cmd))).toBe(code);
  });

  it('records a late request as pending with its reason', () => {
    const state = new RegistrationState(init);
    state.close();
    const cmd = lateCmd('C', signer('C'));
    expect(codeOf(() => state.validateLateRequest(cmd))).toBeUndefined();
    const entry = state.applyLateRequest(cmd, 't-late');
    expect(entry).toEqual({
      status: 'LATE_PENDING',
      late: true,
      revision: 1,
      at: 't-late',
      initiativeCount: 2,
      lateReason: 'Nhận văn bản muộn',
    });
    const view = state.compliance();
    expect(view.pendingLate).toEqual(['u-C']);
    expect(view.registeredCount).toBe(0);
    expect(unitView(state, 'C')).toMatchObject({ status: 'LATE_PENDING', late: true });
  });

  it('rejects a late request from a unit that registered on time', () => {
    const state = new RegistrationState(init);
    submit(state, 'B');
    state.close();
    expect(codeOf(() => state.validateLateRequest(lateCmd('B')))).toBe(
      DomainErrorCode.RegistrationClosed,
    );
  });

  it('rejects a late request from a unit whose late registration was approved', () => {
    const state = new RegistrationState(init);
    state.close();
    requestLate(state, 'B');
    decide(state, 'B', true);
    expect(codeOf(() => state.validateLateRequest(lateCmd('B')))).toBe(
      DomainErrorCode.RegistrationClosed,
    );
  });

  it('rejects a second late request while the first is pending', () => {
    const state = new RegistrationState(init);
    state.close();
    requestLate(state, 'B');
    expect(codeOf(() => state.validateLateRequest(lateCmd('B', signer('B'))))).toBe(
      DomainErrorCode.AlreadyRegistered,
    );
    expect(state.compliance().pendingLate).toEqual(['u-B']);
  });

  it.each([
    ['a signer of another member', signer('B')],
    ['an officer of the head unit', officer('A')],
    ['a signer of the unit that asked', signer('C')],
  ])('rejects a late decision by %s', (_label, actor) => {
    const state = new RegistrationState(init);
    state.close();
    requestLate(state, 'C');
    expect(codeOf(() => state.validateLateDecision(decision('C', true, actor)))).toBe(
      DomainErrorCode.NotClusterHead,
    );
    expect(state.compliance().pendingLate).toEqual(['u-C']);
  });

  it('rejects a late decision when no late request is pending', () => {
    const state = new RegistrationState(init);
    submit(state, 'B');
    state.close();
    // Never asked.
    expect(codeOf(() => state.validateLateDecision(decision('C', true)))).toBe(
      DomainErrorCode.NoLateRequest,
    );
    // Registered on time.
    expect(codeOf(() => state.validateLateDecision(decision('B', true)))).toBe(
      DomainErrorCode.NoLateRequest,
    );
    // Already decided, either way.
    requestLate(state, 'C');
    decide(state, 'C', true);
    expect(codeOf(() => state.validateLateDecision(decision('C', false)))).toBe(
      DomainErrorCode.NoLateRequest,
    );
    requestLate(state, 'A');
    decide(state, 'A', false);
    expect(codeOf(() => state.validateLateDecision(decision('A', true, signer('B'))))).toBe(
      DomainErrorCode.NoLateRequest,
    );
  });

  it("lets the deputy, never the head itself, decide on the head's own late registration", () => {
    const state = new RegistrationState(init);
    state.close();
    requestLate(state, 'A');
    expect(codeOf(() => state.validateLateDecision(decision('A', true)))).toBe(
      DomainErrorCode.SelfApprovalForbidden,
    );
    expect(codeOf(() => state.validateLateDecision(decision('A', true, officer('B'))))).toBe(
      DomainErrorCode.NotClusterHead,
    );
    expect(codeOf(() => state.validateLateDecision(decision('A', true, signer('C'))))).toBe(
      DomainErrorCode.NotClusterHead,
    );
    expect(codeOf(() => state.validateLateDecision(decision('A', true, signer('B'))))).toBe(
      undefined,
    );
    // Without a deputy on record nobody may decide it, least of all the head.
    const noDeputy = new RegistrationState({ ...init, deputyUnitId: null });
    noDeputy.close();
    requestLate(noDeputy, 'A');
    expect(codeOf(() => noDeputy.validateLateDecision(decision('A', true)))).toBe(
      DomainErrorCode.SelfApprovalForbidden,
    );
    expect(state.compliance().pendingLate).toEqual(['u-A']);
  });

  it('an approved late registration counts towards compliance', () => {
    const state = new RegistrationState(init);
    submit(state, 'A');
    submit(state, 'B');
    state.close();
    requestLate(state, 'C');
    expect(state.compliance()).toMatchObject({
      registeredCount: 2,
      registeredPercent: 66.7,
      targetMet: false,
    });
    const cmd = decision('C', true);
    expect(codeOf(() => state.validateLateDecision(cmd))).toBeUndefined();
    const entry = state.applyLateDecision(cmd);
    expect(entry).toMatchObject({ status: 'LATE_APPROVED', late: true });
    const view = state.compliance();
    expect(view).toMatchObject({
      registeredCount: 3,
      registeredPercent: 100,
      targetMet: true,
      pendingLate: [],
      missingAtDeadline: ['u-C'],
    });
    expect(unitView(state, 'C')).toMatchObject({ status: 'LATE_APPROVED', late: true });
  });

  it('a rejected late registration does not count', () => {
    const state = new RegistrationState(init);
    submit(state, 'A');
    state.close();
    requestLate(state, 'B');
    const entry = state.applyLateDecision(decision('B', false));
    expect(entry.status).toBe('LATE_REJECTED');
    expect(state.compliance()).toMatchObject({
      registeredCount: 1,
      registeredPercent: 33.3,
      targetMet: false,
      pendingLate: [],
    });
    expect(unitView(state, 'B')).toMatchObject({ status: 'LATE_REJECTED', late: true });
  });

  it('registeredPercent rounds to one decimal and targetMet compares it with the target', () => {
    const seven = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((c) => ({
      unitId: `u-${c}`,
      unitCode: c,
      unitName: `Unit ${c}`,
    }));
    const state = new RegistrationState({ ...init, members: seven, targetPercent: 50 });
    const expected = [14.3, 28.6, 42.9, 57.1, 71.4, 85.7, 100];
    const met = [false, false, false, true, true, true, true];
    seven.forEach((m, i) => {
      submit(state, m.unitCode);
      const view = state.compliance();
      expect(view.registeredCount).toBe(i + 1);
      expect(view.registeredPercent).toBe(expected[i]);
      expect(view.targetMet).toBe(met[i]);
    });
  });

  it('meets a target exactly reached', () => {
    const four = ['A', 'B', 'C', 'D'].map((c) => ({
      unitId: `u-${c}`,
      unitCode: c,
      unitName: `Unit ${c}`,
    }));
    const state = new RegistrationState({ ...init, members: four, targetPercent: 75 });
    submit(state, 'A');
    submit(state, 'B');
    expect(state.compliance()).toMatchObject({ registeredPercent: 50, targetMet: false });
    submit(state, 'C');
    expect(state.compliance()).toMatchObject({ registeredPercent: 75, targetMet: true });
  });

  it('lists every pending late request in member order', () => {
    const state = new RegistrationState(init);
    state.close();
    requestLate(state, 'C');
    requestLate(state, 'A');
    requestLate(state, 'B');
    expect(state.compliance().pendingLate).toEqual(['u-A', 'u-B', 'u-C']);
    decide(state, 'B', true);
    decide(state, 'A', false);
    expect(state.compliance().pendingLate).toEqual(['u-C']);
  });

  it('a unit whose late request was rejected may ask again, as the next revision', () => {
    const state = new RegistrationState(init);
    state.close();
    requestLate(state, 'B');
    decide(state, 'B', false);
    const cmd = lateCmd('B');
    expect(codeOf(() => state.validateLateRequest(cmd))).toBeUndefined();
    expect(state.applyLateRequest(cmd, 't2').revision).toBe(2);
  });

  it('snapshots are plain data that rebuild the same compliance board', () => {
    const state = new RegistrationState(init);
    submit(state, 'A');
    submit(state, 'A', 't-A2');
    state.close();
    requestLate(state, 'B');
    requestLate(state, 'C');
    decide(state, 'C', true);
    const snap = JSON.parse(JSON.stringify(state.snapshot())) as RegistrationSnapshot;
    const copy = new RegistrationState(snap);
    expect(copy.closed).toBe(true);
    expect(copy.compliance()).toEqual(state.compliance());
    expect(copy.snapshot()).toEqual(state.snapshot());
    // The rebuilt state keeps enforcing the rules.
    expect(codeOf(() => copy.validateSubmit(submitCmd('A')))).toBe(
      DomainErrorCode.RegistrationClosed,
    );
    expect(codeOf(() => copy.validateLateRequest(lateCmd('B')))).toBe(
      DomainErrorCode.AlreadyRegistered,
    );
    expect(codeOf(() => copy.validateLateDecision(decision('B', true)))).toBeUndefined();
  });

  it('snapshots and the constructor copy, so outside edits do not leak in', () => {
    const ownInit: RegistrationInit = JSON.parse(JSON.stringify(init)) as RegistrationInit;
    const state = new RegistrationState(ownInit);
    ownInit.members.push({ unitId: 'u-X', unitCode: 'X', unitName: 'X' });
    submit(state, 'A');
    const snap = state.snapshot();
    snap.entries['u-A'].revision = 99;
    snap.closed = true;
    expect(state.compliance().memberCount).toBe(3);
    expect(unitView(state, 'A')?.revision).toBe(1);
    expect(state.closed).toBe(false);
  });
});
