import { codeOf, paramsOf } from '../errors/code-of.spec-helper';
import { DomainErrorCode } from '../errors/domain-error-code';
import { DomainException } from '../errors/domain.exception';
import { officer as unitOfficer, signer as unitSigner } from '../pledge-signing/actors.spec-helper';
import type { Actor } from '../pledge-signing/signing-round.types';
import {
  type CouncilBallotCommand,
  type CouncilTally,
  type NominationInit,
  NominationState,
  type ResolvedStep,
  type StepActionCommand,
  councilMinutes,
} from './nomination.state';

const MEMBERS = ['m1', 'm2', 'm3', 'm4', 'm5'];

const steps: ResolvedStep[] = [
  {
    key: 'unit-head',
    kind: 'APPROVAL',
    actor: 'PROPOSER_HEAD',
    title: { vi: 'Thủ trưởng đơn vị trình', en: "Unit head's sign-off" },
    slaWorkingDays: 3,
    actorUnitId: 'u-P',
    actorUnitName: 'Proposer',
    actorRole: 'UNIT_SIGNER',
  },
  {
    key: 'cluster-head',
    kind: 'APPROVAL',
    actor: 'CLUSTER_HEAD',
    title: { vi: 'Cụm trưởng xét, đề nghị', en: 'Cluster head review' },
    slaWorkingDays: 5,
    actorUnitId: 'u-H',
    actorUnitName: 'Cluster head',
    actorRole: 'UNIT_SIGNER',
  },
  {
    key: 'appraisal',
    kind: 'APPROVAL',
    actor: 'AUTHORITY_BOARD',
    title: { vi: 'Thẩm định hồ sơ', en: 'Dossier appraisal' },
    slaWorkingDays: 10,
    actorUnitId: 'u-AUTH',
    actorUnitName: 'Authority',
    actorRole: 'REVIEWER',
  },
  {
    key: 'posting',
    kind: 'POSTING',
    actor: 'AUTHORITY_BOARD',
    title: { vi: 'Công khai danh sách đề nghị', en: 'Public posting' },
    slaWorkingDays: 3,
    postingWorkingDays: 5,
    actorUnitId: 'u-AUTH',
    actorUnitName: 'Authority',
    actorRole: 'REVIEWER',
  },
  {
    key: 'council-vote',
    kind: 'COUNCIL_VOTE',
    actor: 'AUTHORITY_COUNCIL',
    title: { vi: 'Hội đồng Thi đua – Khen thưởng bỏ phiếu', en: 'Council vote' },
    slaWorkingDays: 5,
    thresholdPercent: 90,
    actorUnitId: 'u-AUTH',
    actorUnitName: 'Authority',
    actorRole: 'COUNCIL_MEMBER',
    councilMemberUserIds: MEMBERS,
  },
];

/** A person of the proposing unit, so the nominee's unit is the proposer. */
const init: NominationInit = {
  nominationId: 'n-1',
  formCode: 'BK-UBND',
  formName: 'Bằng khen của Chủ tịch UBND Thành phố',
  nomineeName: 'Nguyễn Văn A',
  nomineeUnitId: 'u-P',
  proposerUnitId: 'u-P',
  authorityUnitId: 'u-AUTH',
  steps,
};

const signer = (unit: string): Actor => unitSigner(unit, 'signer');
const officer = (unit: string): Actor => unitOfficer(unit, 'officer');
const reviewer: Actor = { userId: 'reviewer', unitId: 'u-AUTH', roles: ['REVIEWER'] };
const member = (userId: string, unitId: string | null = `u-${userId}`): Actor => ({
  userId,
  unitId,
  roles: ['COUNCIL_MEMBER'],
});

const AT = '2026-11-02T03:00:00.000Z';
const DUE = '2026-11-09T16:59:59.999Z';

const stepActors: Record<string, Actor> = {
  'unit-head': signer('P'),
  'cluster-head': signer('H'),
  appraisal: reviewer,
};

const cmd = (
  stepKey: string,
  decision: StepActionCommand['decision'] = 'APPROVE',
  reason?: string,
  actor = stepActors[stepKey],
): StepActionCommand => ({ actor, stepKey, decision, ...(reason !== undefined ? { reason } : {}) });

function act(state: NominationState, c: StepActionCommand, at = AT) {
  state.validateStepAction(c);
  return state.applyStepAction(c, at);
}

function ballot(
  state: NominationState,
  memberUserId: string,
  approve: boolean,
  actor = member(memberUserId),
): void {
  const c: CouncilBallotCommand = {
    actor,
    memberUserId,
    approve,
    written: memberUserId !== actor.userId,
  };
  state.validateCouncilBallot(c);
  state.applyCouncilBallot(c);
}

/** The domain code `validateCouncilBallot` refuses `c` with, or undefined when it accepts. */
const ballotCode = (state: NominationState, c: CouncilBallotCommand) =>
  codeOf(() => state.validateCouncilBallot(c));

/** A nomination with its first `n` approval steps approved and the next step opened. */
function approvedThrough(n: number, init_: NominationInit = init): NominationState {
  const state = new NominationState(init_);
  state.openStep(DUE);
  for (const s of init_.steps.slice(0, n)) {
    act(state, cmd(s.key));
    if (state.status === 'IN_REVIEW') state.openStep(DUE);
  }
  return state;
}

/** At the posting step, posting open. */
const posted = () => approvedThrough(3);

/** At the council vote, voting open. */
function voting(): NominationState {
  const state = posted();
  state.closePosting();
  state.finishPosting(AT);
  state.openStep(DUE);
  return state;
}

const chainWithCouncil = (thresholdPercent: number, members: string[]): NominationInit => ({
  ...init,
  steps: [{ ...steps[4], thresholdPercent, councilMemberUserIds: members }],
});

describe(NominationState.name, () => {
  it('starts in review at the first step of round 1', () => {
    const state = new NominationState(init);
    expect(state.status).toBe('IN_REVIEW');
    expect(state.stepIndex).toBe(0);
    expect(state.round).toBe(1);
    expect(state.finished).toBe(false);
    expect(state.view()).toMatchObject({
      nominationId: 'n-1',
      currentStep: { key: 'unit-head', actorUnitId: 'u-P', actorRole: 'UNIT_SIGNER', dueAt: null },
      steps: steps.map((s) => ({ key: s.key, title: s.title, kind: s.kind })),
      history: [],
      council: null,
      decision: null,
    });
  });

  it('refuses an empty approval chain', () => {
    expect(() => new NominationState({ ...init, steps: [] })).toThrow(RangeError);
  });

  it('does not share the chain it was given', () => {
    const mine = JSON.parse(JSON.stringify(init)) as NominationInit;
    const state = new NominationState(mine);
    mine.steps[0].actorUnitId = 'u-X';
    expect(state.currentStep()?.actorUnitId).toBe('u-P');
  });

  it('walks the chain: APPROVAL → POSTING → COUNCIL_VOTE → AWAITING_DECISION → AWARDED', () => {
    const state = new NominationState(init);
    state.openStep(DUE);
    expect(state.view().currentStep?.dueAt).toBe(DUE);

    expect(act(state, cmd('unit-head'))).toBe('advanced');
    expect(state.view().currentStep).toMatchObject({ key: 'cluster-head', dueAt: null });
    state.openStep(DUE);
    expect(act(state, cmd('cluster-head'))).toBe('advanced');
    state.openStep(DUE);
    expect(act(state, cmd('appraisal'))).toBe('advanced');

    state.openStep(DUE);
    expect(state.status).toBe('POSTED');
    expect(state.view().postingOpen).toBe(true);
    state.closePosting();
    expect(state.finishPosting(AT)).toBe('advanced');

    state.openStep(DUE);
    expect(state.status).toBe('VOTING');
    expect(state.view().council).toEqual({ eligibleCount: 5, voted: [] });
    for (const m of MEMBERS) ballot(state, m, true);
    expect(state.allCouncilVoted()).toBe(true);
    const tally = state.tallyCouncil();
    expect(tally.passed).toBe(true);
    expect(state.finishVote(tally, AT)).toBe('advanced');

    expect(state.status).toBe('AWAITING_DECISION');
    expect(state.finished).toBe(false);
    expect(state.view().currentStep).toBeNull();
    expect(state.view().council).toBeNull();

    const decision = {
      decisionId: 'd-1',
      number: '123/QĐ-UBND',
      signedOn: '2026-12-01',
      awardId: 'a-1',
    };
    state.applyDecision(decision, AT);
    expect(state.status).toBe('AWARDED');
    expect(state.finished).toBe(true);
    expect(state.view().decision).toEqual(decision);
    expect(state.view().history.map((h) => [h.stepKey, h.action, h.reason])).toEqual([
      ['unit-head', 'APPROVE', null],
      ['cluster-head', 'APPROVE', null],
      ['appraisal', 'APPROVE', null],
      ['posting', 'POSTING_COMPLETED', null],
      ['council-vote', 'VOTE_PASSED', '5/5'],
      ['decision', 'AWARDED', '123/QĐ-UBND'],
    ]);
  });

  it('opens each kind of step in its own status', () => {
    const state = new NominationState(init);
    state.openStep(DUE);
    expect(state.status).toBe('IN_REVIEW');
    expect(posted().status).toBe('POSTED');
    expect(voting().status).toBe('VOTING');
  });

  describe('step actions', () => {
    it("lets the proposing unit's head sign off its own nominee's dossier", () => {
      const state = approvedThrough(0);
      expect(codeOf(() => state.validateStepAction(cmd('unit-head')))).toBeUndefined();
    });

    it("rejects a step action from a unit that is not the step's actor", () => {
      const state = approvedThrough(1);
      const check = () =>
        state.validateStepAction(cmd('cluster-head', 'APPROVE', undefined, signer('X')));
      expect(codeOf(check)).toBe(DomainErrorCode.NotStepActor);
      expect(paramsOf(check)).toEqual({
        step: 'Cụm trưởng xét, đề nghị',
        role: 'UNIT_SIGNER',
        unit: 'Cluster head',
      });
    });

    it("rejects a step action from the actor's unit by a user without the step's role", () => {
      const state = approvedThrough(1);
      expect(
        codeOf(() =>
          state.validateStepAction(cmd('cluster-head', 'APPROVE', undefined, officer('H'))),
        ),
      ).toBe(DomainErrorCode.NotStepActor);
    });

    it('rejects a step action from a user without a unit', () => {
      const state = approvedThrough(2);
      const admin: Actor = { userId: 'admin', unitId: null, roles: ['REVIEWER', 'ADMIN'] };
      expect(
        codeOf(() => state.validateStepAction(cmd('appraisal', 'APPROVE', undefined, admin))),
      ).toBe(DomainErrorCode.NotStepActor);
    });

    it('rejects an action on a step other than the current one', () => {
      const state = approvedThrough(1);
      expect(codeOf(() => state.validateStepAction(cmd('unit-head')))).toBe(
        DomainErrorCode.NominationNotAtStep,
      );
      expect(codeOf(() => state.validateStepAction(cmd('appraisal')))).toBe(
        DomainErrorCode.NominationNotAtStep,
      );
    });

    it('rejects approve/return/reject on a posting or a council vote', () => {
      expect(
        codeOf(() => posted().validateStepAction(cmd('posting', 'APPROVE', undefined, reviewer))),
      ).toBe(DomainErrorCode.NominationNotAtStep);
      expect(
        codeOf(() =>
          voting().validateStepAction(cmd('council-vote', 'APPROVE', undefined, reviewer)),
        ),
      ).toBe(DomainErrorCode.NominationNotAtStep);
    });

    it("forbids the nominee's unit to act on any step past its own sign-off", () => {
      const state = approvedThrough(2);
      const insider: Actor = {
        userId: 'insider',
        unitId: 'u-P',
        roles: ['REVIEWER', 'UNIT_SIGNER'],
      };
      expect(
        codeOf(() => state.validateStepAction(cmd('appraisal', 'APPROVE', undefined, insider))),
      ).toBe(DomainErrorCode.SelfApprovalForbidden);
    });

    it('forbids a cluster head to approve its own unit, even as the resolved step actor', () => {
      const state = approvedThrough(1, {
        ...init,
        nomineeUnitId: 'u-H',
        nomineeName: 'Cluster head',
      });
      expect(codeOf(() => state.validateStepAction(cmd('cluster-head')))).toBe(
        DomainErrorCode.SelfApprovalForbidden,
      );
    });

    it('records the reason of an approval when one is given', () => {
      const state = approvedThrough(0);
      act(state, cmd('unit-head', 'APPROVE', '  Đồng ý trình  '));
      expect(state.view().history[0]).toEqual({
        stepKey: 'unit-head',
        round: 1,
        action: 'APPROVE',
        reason: 'Đồng ý trình',
        actorUserId: 'signer-P',
        at: AT,
      });
    });

    it('refuses a reason longer than 4000 characters', () => {
      const state = approvedThrough(0);
      expect(
        codeOf(() => state.validateStepAction(cmd('unit-head', 'APPROVE', 'x'.repeat(4001)))),
      ).toBe(DomainErrorCode.ValidationFailed);
      expect(
        codeOf(() => state.validateStepAction(cmd('unit-head', 'RETURN', 'x'.repeat(4001)))),
      ).toBe(DomainErrorCode.ValidationFailed);
      expect(
        codeOf(() => state.validateStepAction(cmd('unit-head', 'RETURN', 'x'.repeat(4000)))),
      ).toBeUndefined();
    });
  });

  describe('return for revision and resubmission', () => {
    it.each<[StepActionCommand['decision'], string | undefined]>([
      ['RETURN', undefined],
      ['RETURN', ''],
      ['RETURN', '   '],
      ['REJECT', undefined],
      ['REJECT', ' \n '],
    ])('requires a reason to %s (reason %j)', (decision, reason) => {
      const state = approvedThrough(2);
      expect(codeOf(() => state.validateStepAction(cmd('appraisal', decision, reason)))).toBe(
        DomainErrorCode.ReasonRequired,
      );
    });

    it('goes to RETURNED and takes no step action until resubmitted', () => {
      const state = approvedThrough(2);
      expect(act(state, cmd('appraisal', 'RETURN', 'Thiếu biên bản họp xét'))).toBe('returned');
      expect(state.status).toBe('RETURNED');
      expect(state.stepIndex).toBe(2);
      expect(state.finished).toBe(false);
      expect(codeOf(() => state.validateStepAction(cmd('appraisal')))).toBe(
        DomainErrorCode.NominationNotAtStep,
      );
    });

    it.each<[string, Actor]>([
      ['the step that returned it', reviewer],
      ['another unit', officer('H')],
      [
        'a user of the proposing unit who is neither officer nor signer',
        { userId: 'x', unitId: 'u-P', roles: ['VIEWER'] },
      ],
    ])('refuses a resubmission by %s', (_who, actor) => {
      const state = approvedThrough(2);
      act(state, cmd('appraisal', 'RETURN', 'Thiếu biên bản'));
      expect(codeOf(() => state.validateResubmit({ actor }))).toBe(DomainErrorCode.NotProposerUnit);
    });

    it.each<[string, Actor]>([
      ['officer', officer('P')],
      ['signer', signer('P')],
    ])("accepts a resubmission by the proposing unit's %s", (_who, actor) => {
      const state = approvedThrough(2);
      act(state, cmd('appraisal', 'RETURN', 'Thiếu biên bản'));
      expect(codeOf(() => state.validateResubmit({ actor }))).toBeUndefined();
    });

    it('sends the revised dossier back to the step that returned it, in the next round', () => {
      const state = approvedThrough(2);
      act(state, cmd('appraisal', 'RETURN', 'Thiếu biên bản'), '2026-11-02T01:00:00.000Z');
      const resubmit = { actor: officer('P'), note: ' Đã bổ sung ' };
      state.validateResubmit(resubmit);
      state.applyResubmit(resubmit, '2026-11-03T01:00:00.000Z');

      expect(state.status).toBe('IN_REVIEW');
      expect(state.stepIndex).toBe(2);
      expect(state.round).toBe(2);
      expect(state.view().currentStep?.key).toBe('appraisal');
      state.openStep(DUE);
      expect(act(state, cmd('appraisal'), '2026-11-04T01:00:00.000Z')).toBe('advanced');
      expect(state.view().history.slice(2)).toEqual([
        {
          stepKey: 'appraisal',
          round: 1,
          action: 'RETURN',
          reason: 'Thiếu biên bản',
          actorUserId: 'reviewer',
          at: '2026-11-02T01:00:00.000Z',
        },
        {
          stepKey: 'appraisal',
          round: 2,
          action: 'RESUBMIT',
          reason: 'Đã bổ sung',
          actorUserId: 'officer-P',
          at: '2026-11-03T01:00:00.000Z',
        },
        {
          stepKey: 'appraisal',
          round: 2,
          action: 'APPROVE',
          reason: null,
          actorUserId: 'reviewer',
          at: '2026-11-04T01:00:00.000Z',
        },
      ]);
      expect(state.status).toBe('IN_REVIEW');
      expect(state.view().currentStep?.key).toBe('posting');
    });

    it('refuses a resubmission when nothing was returned', () => {
      const state = approvedThrough(2);
      expect(codeOf(() => state.validateResubmit({ actor: officer('P') }))).toBe(
        DomainErrorCode.NominationNotAtStep,
      );
    });

    it('refuses a resubmission note longer than 4000 characters', () => {
      const state = approvedThrough(0);
      act(state, cmd('unit-head', 'RETURN', 'Sửa lại'));
      expect(
        codeOf(() => state.validateResubmit({ actor: officer('P'), note: 'x'.repeat(4001) })),
      ).toBe(DomainErrorCode.ValidationFailed);
    });
  });

  describe('rejection', () => {
    it('closes the nomination with the reason, and takes nothing more', () => {
      const state = approvedThrough(1);
      expect(act(state, cmd('cluster-head', 'REJECT', ' Không đủ thành tích '))).toBe('rejected');
      expect(state.status).toBe('REJECTED');
      expect(state.finished).toBe(true);
      expect(state.closedReason).toBe('Không đủ thành tích');
      expect(state.view().currentStep).toBeNull();
      expect(codeOf(() => state.validateStepAction(cmd('cluster-head')))).toBe(
        DomainErrorCode.NominationNotAtStep,
      );
      expect(codeOf(() => state.validateWithdraw({ actor: officer('P'), reason: 'x' }))).toBe(
        DomainErrorCode.NominationNotAtStep,
      );
    });
  });

  describe('withdrawal', () => {
    it.each<[string, () => NominationState]>([
      ['in review', () => approvedThrough(1)],
      [
        'returned',
        () => {
          const s = approvedThrough(0);
          act(s, cmd('unit-head', 'RETURN', 'Sửa lại'));
          return s;
        },
      ],
      ['posted', posted],
      ['voting', voting],
    ])('lets the proposer withdraw while %s', (_when, make) => {
      const state = make();
      const withdraw = { actor: officer('P'), reason: ' Đơn vị rút đề nghị ' };
      expect(codeOf(() => state.validateWithdraw(withdraw))).toBeUndefined();
      state.applyWithdraw(withdraw, AT);
      expect(state.status).toBe('WITHDRAWN');
      expect(state.finished).toBe(true);
      expect(state.closedReason).toBe('Đơn vị rút đề nghị');
      expect(state.view().postingOpen).toBe(false);
      expect(state.view().history.at(-1)).toMatchObject({
        action: 'WITHDRAW',
        actorUserId: 'officer-P',
      });
    });

    it('requires a reason', () => {
      expect(
        codeOf(() => approvedThrough(1).validateWithdraw({ actor: officer('P'), reason: ' ' })),
      ).toBe(DomainErrorCode.ReasonRequired);
    });

    it('is for the proposing unit only', () => {
      expect(
        codeOf(() => approvedThrough(1).validateWithdraw({ actor: signer('H'), reason: 'x' })),
      ).toBe(DomainErrorCode.NotProposerUnit);
      expect(
        codeOf(() => approvedThrough(1).validateWithdraw({ actor: reviewer, reason: 'x' })),
      ).toBe(DomainErrorCode.NotProposerUnit);
    });

    it('is too late once the chain is complete', () => {
      const state = approvedThrough(1, { ...init, steps: steps.slice(0, 1) });
      expect(state.status).toBe('AWAITING_DECISION');
      expect(codeOf(() => state.validateWithdraw({ actor: officer('P'), reason: 'x' }))).toBe(
        DomainErrorCode.NominationNotAtStep,
      );
    });
  });

  describe('public posting and objections', () => {
    const objection = (objectionId: string, text = 'Cá nhân này từng bị kỷ luật') => ({
      actor: { userId: 'citizen', unitId: null, roles: [] },
      objectionId,
      text,
    });
    const resolve = (
      objectionId: string,
      upheld: boolean,
      actor = reviewer,
      resolution = 'Đã xác minh',
    ) => ({
      actor,
      objectionId,
      upheld,
      resolution,
    });

    it('takes objections from anyone while the posting is open', () => {
      const state = posted();
      const o = objection('o-1');
      expect(codeOf(() => state.validateObjection(o))).toBeUndefined();
      state.applyObjection(o, AT);
      expect(state.unresolvedObjections()).toBe(1);
      expect(state.view().objections).toEqual([
        {
          id: 'o-1',
          text: 'Cá nhân này từng bị kỷ luật',
          filedBy: 'citizen',
          upheld: null,
          resolution: null,
        },
      ]);
      expect(state.view().history.at(-1)).toMatchObject({
        stepKey: 'posting',
        action: 'OBJECTION',
      });
    });

    it('refuses objections before the posting and once it closed', () => {
      expect(codeOf(() => approvedThrough(2).validateObjection(objection('o-1')))).toBe(
        DomainErrorCode.PostingClosed,
      );
      const state = posted();
      state.closePosting();
      expect(state.view().postingOpen).toBe(false);
      expect(codeOf(() => state.validateObjection(objection('o-1')))).toBe(
        DomainErrorCode.PostingClosed,
      );
    });

    it('refuses an empty objection and a repeated objection id', () => {
      const state = posted();
      expect(codeOf(() => state.validateObjection(objection('o-1', '   ')))).toBe(
        DomainErrorCode.ValidationFailed,
      );
      state.applyObjection(objection('o-1'), AT);
      expect(codeOf(() => state.validateObjection(objection('o-1', 'khác')))).toBe(
        DomainErrorCode.Conflict,
      );
    });

    it('lets only the board resolve an objection', () => {
      const state = posted();
      state.applyObjection(objection('o-1'), AT);
      expect(
        codeOf(() => state.validateResolveObjection(resolve('o-1', false, member('m1', 'u-AUTH')))),
      ).toBe(DomainErrorCode.NotStepActor);
      expect(codeOf(() => state.validateResolveObjection(resolve('o-1', false, signer('H'))))).toBe(
        DomainErrorCode.NotStepActor,
      );
      expect(codeOf(() => state.validateResolveObjection(resolve('o-1', false)))).toBeUndefined();
    });

    it('resolves an objection once, with a resolution', () => {
      const state = posted();
      state.applyObjection(objection('o-1'), AT);
      expect(codeOf(() => state.validateResolveObjection(resolve('o-2', true)))).toBe(
        DomainErrorCode.ObjectionNotFound,
      );
      expect(
        codeOf(() => state.validateResolveObjection(resolve('o-1', true, reviewer, ' '))),
      ).toBe(DomainErrorCode.ReasonRequired);
      state.applyResolveObjection(resolve('o-1', false), AT);
      expect(state.unresolvedObjections()).toBe(0);
      expect(codeOf(() => state.validateResolveObjection(resolve('o-1', true)))).toBe(
        DomainErrorCode.ObjectionNotFound,
      );
    });

    it('resolves objections after the posting period too, while the step lasts', () => {
      const state = posted();
      state.applyObjection(objection('o-1'), AT);
      state.closePosting();
      expect(codeOf(() => state.validateResolveObjection(resolve('o-1', false)))).toBeUndefined();
    });

    it('rejects at the end of the posting when an objection was upheld', () => {
      const state = posted();
      state.applyObjection(objection('o-1'), AT);
      state.applyObjection(objection('o-2', 'Khác'), AT);
      state.applyResolveObjection(
        resolve('o-1', true, reviewer, 'Đúng là bị kỷ luật năm 2026'),
        AT,
      );
      state.applyResolveObjection(resolve('o-2', false, reviewer, 'Không có cơ sở'), AT);
      state.closePosting();
      expect(state.finishPosting(AT)).toBe('rejected');
      expect(state.status).toBe('REJECTED');
      expect(state.closedReason).toBe('Ý kiến phản ánh được xác nhận: Đúng là bị kỷ luật năm 2026');
      expect(
        state
          .view()
          .history.map((h) => h.action)
          .slice(-3),
      ).toEqual(['OBJECTION_UPHELD', 'OBJECTION_DISMISSED', 'REJECT']);
    });

    it('moves on to the council when every objection was dismissed', () => {
      const state = posted();
      state.applyObjection(objection('o-1'), AT);
      state.applyResolveObjection(resolve('o-1', false), AT);
      state.closePosting();
      expect(state.finishPosting(AT)).toBe('advanced');
      expect(state.view().currentStep?.key).toBe('council-vote');
      expect(state.view().history.at(-1)).toMatchObject({
        action: 'POSTING_COMPLETED',
        actorUserId: null,
      });
    });
  });

  describe('council vote', () => {
    it('accepts a member voting in person and shows who voted, not how', () => {
      const state = voting();
      ballot(state, 'm1', false);
      expect(state.view().council).toEqual({ eligibleCount: 5, voted: ['m1'] });
      expect(JSON.stringify(state.view())).not.toContain('approve');
    });

    it.each<[string, CouncilBallotCommand]>([
      [
        'a user who is not a member',
        { actor: member('m9'), memberUserId: 'm9', approve: true, written: false },
      ],
      [
        'a member without the council role',
        {
          actor: { userId: 'm1', unitId: 'u-m1', roles: ['REVIEWER'] },
          memberUserId: 'm1',
          approve: true,
          written: false,
        },
      ],
      [
        'a ballot for a non-member',
        { actor: member('m1'), memberUserId: 'm9', approve: true, written: true },
      ],
    ])('refuses %s', (_case, c) => {
      expect(ballotCode(voting(), c)).toBe(DomainErrorCode.NotCouncilMember);
    });

    it('refuses a second ballot for the same member, in person or written', () => {
      const state = voting();
      ballot(state, 'm1', true);
      expect(
        ballotCode(state, {
          actor: member('m1'),
          memberUserId: 'm1',
          approve: false,
          written: false,
        }),
      ).toBe(DomainErrorCode.AlreadyVoted);
      expect(
        ballotCode(state, {
          actor: member('m2'),
          memberUserId: 'm1',
          approve: false,
          written: true,
        }),
      ).toBe(DomainErrorCode.AlreadyVoted);
    });

    it('names the person, not a unit, when a member votes twice', () => {
      const state = voting();
      ballot(state, 'm1', true);
      const messageOf = (actor: string, written: boolean) => {
        try {
          state.validateCouncilBallot({
            actor: member(actor),
            memberUserId: 'm1',
            approve: false,
            written,
          });
        } catch (err) {
          return err instanceof DomainException ? err.message : String(err);
        }
        return '';
      };
      expect(messageOf('m1', false)).toMatch(/^Bạn đã bỏ phiếu/);
      expect(messageOf('m2', true)).toMatch(/^Thành viên này đã bỏ phiếu/);
    });

    it("records an absent member's written ballot through another member only", () => {
      const state = voting();
      expect(
        ballotCode(state, {
          actor: member('m1'),
          memberUserId: 'm2',
          approve: true,
          written: false,
        }),
      ).toBe(DomainErrorCode.ValidationFailed);
      expect(
        ballotCode(state, {
          actor: member('m1'),
          memberUserId: 'm1',
          approve: true,
          written: true,
        }),
      ).toBe(DomainErrorCode.ValidationFailed);
      ballot(state, 'm2', true, member('m1'));
      expect(state.tallyCouncil()).toMatchObject({
        ballotsCast: 1,
        writtenBallots: 1,
        approvals: 1,
      });
    });

    it("forbids a member from the nominee's unit to vote", () => {
      const state = voting();
      expect(
        ballotCode(state, {
          actor: member('m3', 'u-P'),
          memberUserId: 'm3',
          approve: true,
          written: false,
        }),
      ).toBe(DomainErrorCode.SelfApprovalForbidden);
    });

    it('refuses ballots outside the vote', () => {
      expect(
        ballotCode(posted(), {
          actor: member('m1'),
          memberUserId: 'm1',
          approve: true,
          written: false,
        }),
      ).toBe(DomainErrorCode.NominationNotAtStep);
    });

    it('refuses a ballot once the ballot box closed, and counts the ones before', () => {
      const state = voting();
      ballot(state, 'm1', true);
      state.closeBallotBox();
      expect(
        ballotCode(state, {
          actor: member('m2'),
          memberUserId: 'm2',
          approve: true,
          written: false,
        }),
      ).toBe(DomainErrorCode.NominationNotAtStep);
      expect(state.tallyCouncil()).toMatchObject({ ballotsCast: 1, approvals: 1 });
    });

    it('is complete when every member has a ballot, written ones included', () => {
      const state = voting();
      for (const m of MEMBERS.slice(0, 4)) ballot(state, m, true);
      expect(state.allCouncilVoted()).toBe(false);
      ballot(state, 'm5', true, member('m1'));
      expect(state.allCouncilVoted()).toBe(true);
    });

    it.each<[number, number, number, boolean]>([
      [90, 5, 5, true],
      [90, 5, 4, false],
      [80, 5, 4, true],
      [80, 5, 3, false],
      [50, 4, 2, true],
      [66, 3, 2, true],
      [66.67, 3, 2, false],
      [100, 1, 1, true],
    ])('at %d%% of %d members, %d approvals pass: %s', (threshold, size, approvals, passed) => {
      const members = MEMBERS.slice(0, size);
      const state = new NominationState(chainWithCouncil(threshold, members));
      state.openStep(DUE);
      members.forEach((m, i) => ballot(state, m, i < approvals));
      expect(state.tallyCouncil()).toEqual({
        eligibleCount: size,
        ballotsCast: size,
        writtenBallots: 0,
        approvals,
        thresholdPercent: threshold,
        passed,
      });
    });

    it('counts absent members against: four of four ballots cast is not 90% of five', () => {
      const state = voting();
      for (const m of MEMBERS.slice(0, 4)) ballot(state, m, true);
      const tally = state.tallyCouncil();
      expect(tally).toEqual({
        eligibleCount: 5,
        ballotsCast: 4,
        writtenBallots: 0,
        approvals: 4,
        thresholdPercent: 90,
        passed: false,
      });
      expect(state.finishVote(tally, AT)).toBe('rejected');
      expect(state.status).toBe('REJECTED');
      expect(state.closedReason).toBe(
        'Không đạt tỷ lệ phiếu: 4/5 thành viên đồng ý, cần 90% tổng số thành viên Hội đồng',
      );
      expect(state.view().history.at(-1)).toMatchObject({
        stepKey: 'council-vote',
        action: 'VOTE_FAILED',
      });
    });

    it('never passes a council without members', () => {
      const state = new NominationState(chainWithCouncil(50, []));
      state.openStep(DUE);
      expect(state.allCouncilVoted()).toBe(true);
      expect(state.tallyCouncil()).toMatchObject({ eligibleCount: 0, passed: false });
    });

    it('forgets the ballots once the vote is over', () => {
      const state = voting();
      for (const m of MEMBERS) ballot(state, m, true);
      state.finishVote(state.tallyCouncil(), AT);
      expect(state.snapshot().voters).toEqual({});
      expect(state.snapshot().clearCounts).toEqual({ approvals: 0, rejections: 0 });
      expect(state.view().history.at(-1)).toMatchObject({ action: 'VOTE_PASSED', reason: '5/5' });
    });
  });

  describe('sealed council ballots (secret: who voted, never how)', () => {
    const SEALED = `b1.k1.${'A'.repeat(39)}`;
    const sealed = (
      state: NominationState,
      memberUserId: string,
      actor = member(memberUserId),
    ): void => {
      const c: CouncilBallotCommand = {
        actor,
        memberUserId,
        sealedBallot: SEALED,
        written: memberUserId !== actor.userId,
      };
      state.validateCouncilBallot(c);
      state.applyCouncilBallot(c);
    };

    it('keeps who voted and nothing that says how', () => {
      const state = voting();
      state.requireSealedBallots();
      sealed(state, 'm1');
      sealed(state, 'm2', member('m1'));
      const snap = state.snapshot();
      expect(snap.voters).toEqual({ m1: { written: false }, m2: { written: true } });
      expect(snap.clearCounts).toEqual({ approvals: 0, rejections: 0 });
      expect(JSON.stringify(snap)).not.toContain(SEALED);
      expect(JSON.stringify(snap)).not.toContain('approve');
      expect(state.view().council).toEqual({ eligibleCount: 5, voted: ['m1', 'm2'] });
      expect(state.hasSealedBallots()).toBe(true);
    });

    it('counts sealed choices only from the anonymous tally', () => {
      const state = voting();
      state.requireSealedBallots();
      for (const m of MEMBERS.slice(0, 4)) sealed(state, m);
      sealed(state, 'm5', member('m1'));
      expect(state.allCouncilVoted()).toBe(true);
      expect(() => state.tallyCouncil()).toThrow(RangeError);
      expect(state.tallyCouncil({ approvals: 5, rejections: 0 })).toEqual({
        eligibleCount: 5,
        ballotsCast: 5,
        writtenBallots: 1,
        approvals: 5,
        thresholdPercent: 90,
        passed: true,
      });
      expect(state.tallyCouncil({ approvals: 4, rejections: 1 }).passed).toBe(false);
    });

    it('refuses a choice in the clear once ballots must be sealed, and malformed seals', () => {
      const state = voting();
      state.requireSealedBallots();
      const base = { actor: member('m1'), memberUserId: 'm1', written: false };
      expect(ballotCode(state, { ...base, approve: true })).toBe(DomainErrorCode.ValidationFailed);
      expect(ballotCode(state, { ...base, sealedBallot: 'yes' })).toBe(
        DomainErrorCode.ValidationFailed,
      );
      expect(ballotCode(state, { ...base, sealedBallot: SEALED, approve: true })).toBe(
        DomainErrorCode.ValidationFailed,
      );
      expect(ballotCode(state, base)).toBe(DomainErrorCode.ValidationFailed);
      sealed(state, 'm1');
      expect(ballotCode(state, { ...base, sealedBallot: SEALED })).toBe(
        DomainErrorCode.AlreadyVoted,
      );
    });

    it('turns a snapshot of an earlier run (member → choice) into voters and counts', () => {
      const state = voting();
      const old = {
        ...state.snapshot(),
        voters: undefined,
        clearCounts: undefined,
        ballots: {
          m1: { approve: true, written: false },
          m2: { approve: false, written: true },
          m3: { approve: true, written: false },
        },
      };
      const loaded = new NominationState(old);
      const snap = loaded.snapshot();
      expect(snap.ballots).toBeUndefined();
      expect(snap.voters).toEqual({
        m1: { written: false },
        m2: { written: true },
        m3: { written: false },
      });
      expect(snap.clearCounts).toEqual({ approvals: 2, rejections: 1 });
      expect(loaded.tallyCouncil()).toMatchObject({
        ballotsCast: 3,
        writtenBallots: 1,
        approvals: 2,
      });
      expect(loaded.hasSealedBallots()).toBe(false);
    });
  });

  describe('decision, escalation and snapshots', () => {
    it('takes a decision only once the chain is complete', () => {
      const state = approvedThrough(1);
      state.applyDecision(
        { decisionId: 'd', number: '1/QĐ', signedOn: '2026-12-01', awardId: 'a' },
        AT,
      );
      expect(state.status).toBe('IN_REVIEW');
      expect(state.view().decision).toBeNull();
    });

    it('logs an escalation without an actor and stamps the last action with the recorded time', () => {
      const state = approvedThrough(1);
      state.recordEscalation('');
      state.stampLast('2026-11-05T00:00:00.000Z');
      expect(state.view().history.at(-1)).toEqual({
        stepKey: 'cluster-head',
        round: 1,
        action: 'ESCALATED',
        reason: null,
        actorUserId: null,
        at: '2026-11-05T00:00:00.000Z',
      });
      expect(state.status).toBe('IN_REVIEW');
    });

    it('resumes from its snapshot where it left off', () => {
      const state = voting();
      ballot(state, 'm1', true);
      const resumed = new NominationState(state.snapshot());
      expect(resumed.view()).toEqual(state.view());
      expect(resumed.snapshot()).toEqual(state.snapshot());
      expect(codeOf(() => ballot(resumed, 'm1', false))).toBe(DomainErrorCode.AlreadyVoted);
    });

    it('hands out snapshots that cannot change it', () => {
      const state = approvedThrough(1);
      const snap = state.snapshot();
      snap.status = 'AWARDED';
      snap.history.push({
        stepKey: 'x',
        round: 9,
        action: 'X',
        reason: null,
        actorUserId: null,
        at: '',
      });
      expect(state.status).toBe('IN_REVIEW');
      expect(state.view().history).toHaveLength(1);
    });
  });
});

describe(councilMinutes.name, () => {
  const minutes = (tally: CouncilTally) =>
    councilMinutes({
      authorityName: 'Ủy ban nhân dân Thành phố Hồ Chí Minh',
      formName: 'Bằng khen của Chủ tịch UBND Thành phố',
      nomineeName: 'Nguyễn Văn A',
      heldOn: '2026-12-03',
      tally,
    });

  it('writes the count, the share of all members, the threshold and the result', () => {
    const text = minutes({
      eligibleCount: 7,
      ballotsCast: 6,
      writtenBallots: 2,
      approvals: 5,
      thresholdPercent: 66.5,
      passed: true,
    });
    expect(text.split('\n')).toEqual([
      'BIÊN BẢN KIỂM PHIẾU',
      'Hội đồng Thi đua – Khen thưởng Ủy ban nhân dân Thành phố Hồ Chí Minh',
      '',
      'Đề nghị: Bằng khen của Chủ tịch UBND Thành phố',
      'Đối tượng: Nguyễn Văn A',
      'Ngày kiểm phiếu: 03/12/2026',
      '',
      'Tổng số thành viên Hội đồng: 7',
      'Số phiếu thu về: 6 (trong đó bằng văn bản: 2)',
      'Số phiếu đồng ý: 5, đạt 71,4% tổng số thành viên',
      'Tỷ lệ cần đạt: 66,5% tổng số thành viên',
      '',
      'Kết quả: ĐẠT – đề nghị cấp có thẩm quyền quyết định khen thưởng.',
    ]);
  });

  it('says when the vote failed', () => {
    const text = minutes({
      eligibleCount: 5,
      ballotsCast: 4,
      writtenBallots: 0,
      approvals: 4,
      thresholdPercent: 90,
      passed: false,
    });
    expect(text).toContain('Số phiếu đồng ý: 4, đạt 80,0% tổng số thành viên');
    expect(text).toContain('Tỷ lệ cần đạt: 90% tổng số thành viên');
    expect(text).toContain('Kết quả: KHÔNG ĐẠT.');
  });
});
