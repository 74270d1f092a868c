import { DomainErrorCode } from '../errors/domain-error-code';
import { DomainException } from '../errors/domain.exception';
import type { Actor } from '../pledge-signing/signing-round.types';
import type { ChainStepDefinition } from './award-form.types';

export type StepRole = 'UNIT_SIGNER' | 'REVIEWER' | 'COUNCIL_MEMBER';

/** A chain step with its actor resolved for one nomination. */
export interface ResolvedStep extends ChainStepDefinition {
  actorUnitId: string;
  actorUnitName: string;
  actorRole: StepRole;
  /** COUNCIL_VOTE: the council's members when the nomination was submitted. */
  councilMemberUserIds?: string[];
}

export type NominationStatus =
  | 'IN_REVIEW'
  | 'RETURNED'
  | 'POSTED'
  | 'VOTING'
  | 'AWAITING_DECISION'
  | 'AWARDED'
  | 'REJECTED'
  | 'WITHDRAWN';

export type StepDecision = 'APPROVE' | 'RETURN' | 'REJECT';

export interface NominationInit {
  nominationId: string;
  formCode: string;
  formName: string;
  nomineeName: string;
  /** The unit the achievement belongs to: it never approves, appraises or votes on it. */
  nomineeUnitId: string;
  proposerUnitId: string;
  authorityUnitId: string;
  steps: ResolvedStep[];
}

export interface HistoryEntry {
  stepKey: string;
  round: number;
  action: string;
  reason: string | null;
  actorUserId: string | null;
  at: string;
}

export interface ObjectionEntry {
  id: string;
  text: string;
  filedBy: string;
  upheld: boolean | null;
  resolution: string | null;
}

export interface NominationSnapshot extends NominationInit {
  status: NominationStatus;
  stepIndex: number;
  round: number;
  stepDueAt: string | null;
  postingOpen: boolean;
  history: HistoryEntry[];
  objections: ObjectionEntry[];
  /** Secret: member → choice. Never leaves the workflow except as a tally. */
  ballots: Record<string, { approve: boolean; written: boolean }>;
  /** The vote ended (every member voted, or its deadline): no ballot is taken any more, so none
   * can be accepted after the tally was taken. Absent from snapshots of earlier runs. */
  ballotBoxClosed?: boolean;
  closedReason: string | null;
  decision: { decisionId: string; number: string; signedOn: string; awardId: string } | null;
}

export interface StepActionCommand {
  actor: Actor;
  stepKey: string;
  decision: StepDecision;
  reason?: string;
}

export interface ResubmitCommand {
  actor: Actor;
  note?: string;
}

export interface WithdrawCommand {
  actor: Actor;
  reason: string;
}

export interface ObjectionCommand {
  actor: Actor;
  objectionId: string;
  text: string;
}

export interface ResolveObjectionCommand {
  actor: Actor;
  objectionId: string;
  upheld: boolean;
  resolution: string;
}

export interface CouncilBallotCommand {
  actor: Actor;
  memberUserId: string;
  approve: boolean;
  /** Another council member records an absent member's written vote (phiếu bằng văn bản). */
  written: boolean;
}

export interface CouncilTally {
  eligibleCount: number;
  ballotsCast: number;
  writtenBallots: number;
  approvals: number;
  thresholdPercent: number;
  passed: boolean;
}

export interface NominationView {
  nominationId: string;
  status: NominationStatus;
  formCode: string;
  formName: string;
  nomineeName: string;
  round: number;
  stepIndex: number;
  currentStep: {
    key: string;
    kind: string;
    title: { vi: string; en: string };
    actorUnitId: string;
    actorUnitName: string;
    actorRole: StepRole;
    dueAt: string | null;
  } | null;
  steps: { key: string; title: { vi: string; en: string }; kind: string }[];
  history: HistoryEntry[];
  objections: ObjectionEntry[];
  postingOpen: boolean;
  council: { eligibleCount: number; voted: string[] } | null;
  closedReason: string | null;
  decision: NominationSnapshot['decision'];
}

const TERMINAL: NominationStatus[] = ['AWARDED', 'REJECTED', 'WITHDRAWN'];
const MAX_TEXT = 4000;

function requireReason(reason: string | undefined): string {
  const r = reason?.trim() ?? '';
  if (r.length === 0) throw new DomainException(DomainErrorCode.ReasonRequired);
  if (r.length > MAX_TEXT)
    throw new DomainException(DomainErrorCode.ValidationFailed, { field: 'reason' });
  return r;
}

/**
 * A nomination climbing its approval chain (defined as data per award form and level): each step
 * approves, returns for revision (back to the proposer, then to the same step) or rejects, always
 * with the acting unit checked and a reason recorded; public posting with objections; a secret
 * council vote over ALL members; then it waits for a decision. Pure: the workflow drives it.
 */
export class NominationState {
  private readonly s: NominationSnapshot;

  constructor(init: NominationInit | NominationSnapshot) {
    const base: NominationSnapshot = {
      status: 'IN_REVIEW',
      stepIndex: 0,
      round: 1,
      stepDueAt: null,
      postingOpen: false,
      history: [],
      objections: [],
      ballots: {},
      closedReason: null,
      decision: null,
      ...(JSON.parse(JSON.stringify(init)) as NominationInit),
    };
    this.s = base;
    if (init.steps.length === 0) throw new RangeError('an approval chain needs at least one step');
  }

  snapshot(): NominationSnapshot {
    return JSON.parse(JSON.stringify(this.s)) as NominationSnapshot;
  }

  get status(): NominationStatus {
    return this.s.status;
  }
  get stepIndex(): number {
    return this.s.stepIndex;
  }
  /** How many actions have been applied (a monotonic version of the state). */
  get seq(): number {
    return this.s.history.length;
  }
  get round(): number {
    return this.s.round;
  }
  get finished(): boolean {
    return TERMINAL.includes(this.s.status);
  }
  get closedReason(): string | null {
    return this.s.closedReason;
  }

  currentStep(): ResolvedStep | null {
    return this.s.steps[this.s.stepIndex] ?? null;
  }

  /** The workflow opened the current step (approval, posting or vote) with this due instant. */
  openStep(dueAt: string): void {
    const step = this.currentStep();
    if (!step) throw new RangeError('no step to open');
    this.s.stepDueAt = dueAt;
    if (step.kind === 'POSTING') {
      this.s.status = 'POSTED';
      this.s.postingOpen = true;
    } else if (step.kind === 'COUNCIL_VOTE') {
      this.s.status = 'VOTING';
    } else {
      this.s.status = 'IN_REVIEW';
    }
  }

  // ── approve / return / reject ─────────────────────────────────────────────────────────────
  validateStepAction(cmd: StepActionCommand): void {
    const step = this.currentStep();
    if (
      this.s.status !== 'IN_REVIEW' ||
      !step ||
      step.kind !== 'APPROVAL' ||
      step.key !== cmd.stepKey
    ) {
      throw new DomainException(DomainErrorCode.NominationNotAtStep, {
        current: this.currentLabel(),
      });
    }
    this.assertStepActor(cmd.actor, step);
    if (cmd.decision !== 'APPROVE') requireReason(cmd.reason);
    else if ((cmd.reason?.length ?? 0) > MAX_TEXT)
      throw new DomainException(DomainErrorCode.ValidationFailed, { field: 'reason' });
  }

  applyStepAction(cmd: StepActionCommand, at: string): 'advanced' | 'returned' | 'rejected' {
    const step = this.currentStep() as ResolvedStep;
    const reason = cmd.reason?.trim() || null;
    this.log(step.key, cmd.decision, reason, cmd.actor.userId, at);
    if (cmd.decision === 'APPROVE') {
      this.advance();
      return 'advanced';
    }
    if (cmd.decision === 'RETURN') {
      this.s.status = 'RETURNED';
      return 'returned';
    }
    this.reject(reason ?? '');
    return 'rejected';
  }

  // ── return for revision → resubmission ─────────────────────────────────────────────────────
  validateResubmit(cmd: ResubmitCommand): void {
    if (this.s.status !== 'RETURNED') {
      throw new DomainException(DomainErrorCode.NominationNotAtStep, {
        current: this.currentLabel(),
      });
    }
    this.assertProposer(cmd.actor);
    if ((cmd.note?.length ?? 0) > MAX_TEXT)
      throw new DomainException(DomainErrorCode.ValidationFailed, { field: 'note' });
  }

  /** The revised dossier goes back to the step that returned it. */
  applyResubmit(cmd: ResubmitCommand, at: string): void {
    this.s.round += 1;
    this.s.status = 'IN_REVIEW';
    this.log(
      this.currentStep()?.key ?? '',
      'RESUBMIT',
      cmd.note?.trim() || null,
      cmd.actor.userId,
      at,
    );
  }

  validateWithdraw(cmd: WithdrawCommand): void {
    if (this.finished || this.s.status === 'AWAITING_DECISION') {
      throw new DomainException(DomainErrorCode.NominationNotAtStep, {
        current: this.currentLabel(),
      });
    }
    this.assertProposer(cmd.actor);
    requireReason(cmd.reason);
  }

  applyWithdraw(cmd: WithdrawCommand, at: string): void {
    this.log(this.currentStep()?.key ?? '', 'WITHDRAW', cmd.reason.trim(), cmd.actor.userId, at);
    this.s.status = 'WITHDRAWN';
    this.s.closedReason = cmd.reason.trim();
    this.s.postingOpen = false;
  }

  // ── public posting (công khai) and objections ─────────────────────────────────────────────
  validateObjection(cmd: ObjectionCommand): void {
    if (this.s.status !== 'POSTED' || !this.s.postingOpen) {
      throw new DomainException(DomainErrorCode.PostingClosed);
    }
    const text = cmd.text.trim();
    if (text.length === 0 || text.length > MAX_TEXT)
      throw new DomainException(DomainErrorCode.ValidationFailed, { field: 'text' });
    if (this.s.objections.some((o) => o.id === cmd.objectionId))
      throw new DomainException(DomainErrorCode.Conflict, { target: 'objectionId' });
  }

  applyObjection(cmd: ObjectionCommand, at: string): void {
    this.s.objections.push({
      id: cmd.objectionId,
      text: cmd.text.trim(),
      filedBy: cmd.actor.userId,
      upheld: null,
      resolution: null,
    });
    this.log(this.currentStep()?.key ?? '', 'OBJECTION', cmd.text.trim(), cmd.actor.userId, at);
  }

  closePosting(): void {
    this.s.postingOpen = false;
  }

  unresolvedObjections(): number {
    return this.s.objections.filter((o) => o.upheld === null).length;
  }

  validateResolveObjection(cmd: ResolveObjectionCommand): void {
    const step = this.currentStep();
    if (this.s.status !== 'POSTED' || !step || step.kind !== 'POSTING') {
      throw new DomainException(DomainErrorCode.NominationNotAtStep, {
        current: this.currentLabel(),
      });
    }
    this.assertStepActor(cmd.actor, step);
    const o = this.s.objections.find((x) => x.id === cmd.objectionId);
    if (!o || o.upheld !== null) throw new DomainException(DomainErrorCode.ObjectionNotFound);
    requireReason(cmd.resolution);
  }

  applyResolveObjection(cmd: ResolveObjectionCommand, at: string): void {
    const o = this.s.objections.find((x) => x.id === cmd.objectionId) as ObjectionEntry;
    o.upheld = cmd.upheld;
    o.resolution = cmd.resolution.trim();
    this.log(
      this.currentStep()?.key ?? '',
      cmd.upheld ? 'OBJECTION_UPHELD' : 'OBJECTION_DISMISSED',
      o.resolution,
      cmd.actor.userId,
      at,
    );
  }

  /** After the posting period and once every objection is resolved: an upheld objection rejects. */
  finishPosting(at: string): 'advanced' | 'rejected' {
    const upheld = this.s.objections.filter((o) => o.upheld === true);
    const step = this.currentStep() as ResolvedStep;
    if (upheld.length > 0) {
      const reason = `Ý kiến phản ánh được xác nhận: ${upheld.map((o) => o.resolution).join('; ')}`;
      this.log(step.key, 'REJECT', reason, null, at);
      this.reject(reason);
      return 'rejected';
    }
    this.log(step.key, 'POSTING_COMPLETED', null, null, at);
    this.advance();
    return 'advanced';
  }

  // ── council vote ──────────────────────────────────────────────────────────────────────────
  validateCouncilBallot(cmd: CouncilBallotCommand): void {
    const step = this.currentStep();
    if (
      this.s.status !== 'VOTING' ||
      !step ||
      step.kind !== 'COUNCIL_VOTE' ||
      this.s.ballotBoxClosed
    ) {
      throw new DomainException(DomainErrorCode.NominationNotAtStep, {
        current: this.currentLabel(),
      });
    }
    const members = step.councilMemberUserIds ?? [];
    if (!members.includes(cmd.actor.userId) || !cmd.actor.roles.includes('COUNCIL_MEMBER')) {
      throw new DomainException(DomainErrorCode.NotCouncilMember);
    }
    if (!members.includes(cmd.memberUserId))
      throw new DomainException(DomainErrorCode.NotCouncilMember);
    if (cmd.written === (cmd.memberUserId === cmd.actor.userId)) {
      // Own ballots are cast in person; written ballots are recorded for another (absent) member.
      throw new DomainException(DomainErrorCode.ValidationFailed, { field: 'written' });
    }
    if (cmd.actor.unitId !== null && cmd.actor.unitId === this.s.nomineeUnitId) {
      throw new DomainException(DomainErrorCode.SelfApprovalForbidden);
    }
    if (this.s.ballots[cmd.memberUserId]) throw new DomainException(DomainErrorCode.AlreadyVoted);
  }

  applyCouncilBallot(cmd: CouncilBallotCommand): void {
    this.s.ballots[cmd.memberUserId] = { approve: cmd.approve, written: cmd.written };
  }

  /** The vote is over: later ballots are refused (the tally is taken after the last accepted
   * ballot finished, and must count every ballot that was acknowledged). */
  closeBallotBox(): void {
    this.s.ballotBoxClosed = true;
  }

  allCouncilVoted(): boolean {
    const members = this.currentStep()?.councilMemberUserIds ?? [];
    return members.every((m) => this.s.ballots[m] !== undefined);
  }

  /** Approval needs `thresholdPercent` of ALL members: absent members who sent nothing count
   * against. Integer comparison avoids rounding at the threshold. */
  tallyCouncil(): CouncilTally {
    const step = this.currentStep() as ResolvedStep;
    const members = step.councilMemberUserIds ?? [];
    const thresholdPercent = step.thresholdPercent ?? 100;
    const cast = members.map((m) => this.s.ballots[m]).filter((b) => b !== undefined);
    const approvals = cast.filter((b) => b.approve).length;
    return {
      eligibleCount: members.length,
      ballotsCast: cast.length,
      writtenBallots: cast.filter((b) => b.written).length,
      approvals,
      thresholdPercent,
      passed: members.length > 0 && approvals * 100 >= thresholdPercent * members.length,
    };
  }

  finishVote(tally: CouncilTally, at: string): 'advanced' | 'rejected' {
    const step = this.currentStep() as ResolvedStep;
    if (tally.passed) {
      this.log(step.key, 'VOTE_PASSED', `${tally.approvals}/${tally.eligibleCount}`, null, at);
      this.advance();
      return 'advanced';
    }
    const reason =
      `Không đạt tỷ lệ phiếu: ${tally.approvals}/${tally.eligibleCount} thành viên đồng ý, ` +
      `cần ${tally.thresholdPercent}% tổng số thành viên Hội đồng`;
    this.log(step.key, 'VOTE_FAILED', reason, null, at);
    this.reject(reason);
    return 'rejected';
  }

  // ── decision ─────────────────────────────────────────────────────────────────────────────
  applyDecision(d: NonNullable<NominationSnapshot['decision']>, at: string): void {
    if (this.s.status !== 'AWAITING_DECISION') return;
    this.s.decision = d;
    this.s.status = 'AWARDED';
    this.log('decision', 'AWARDED', d.number, null, at);
  }

  /** Actions are logged when applied; the time comes back from the activity that persisted them. */
  stampLast(at: string): void {
    const last = this.s.history[this.s.history.length - 1];
    if (last) last.at = at;
  }

  recordEscalation(at: string): void {
    this.log(this.currentStep()?.key ?? '', 'ESCALATED', null, null, at);
  }

  view(): NominationView {
    const step = this.currentStep();
    const votingStep = step?.kind === 'COUNCIL_VOTE' ? step : null;
    return {
      nominationId: this.s.nominationId,
      status: this.s.status,
      formCode: this.s.formCode,
      formName: this.s.formName,
      nomineeName: this.s.nomineeName,
      round: this.s.round,
      stepIndex: this.s.stepIndex,
      currentStep:
        step && !this.finished && this.s.status !== 'AWAITING_DECISION'
          ? {
              key: step.key,
              kind: step.kind,
              title: step.title,
              actorUnitId: step.actorUnitId,
              actorUnitName: step.actorUnitName,
              actorRole: step.actorRole,
              dueAt: this.s.stepDueAt,
            }
          : null,
      steps: this.s.steps.map((x) => ({ key: x.key, title: x.title, kind: x.kind })),
      history: this.s.history.map((h) => ({ ...h })),
      objections: this.s.objections.map((o) => ({ ...o })),
      postingOpen: this.s.postingOpen,
      council: votingStep
        ? {
            eligibleCount: votingStep.councilMemberUserIds?.length ?? 0,
            voted: Object.keys(this.s.ballots),
          }
        : null,
      closedReason: this.s.closedReason,
      decision: this.s.decision,
    };
  }

  private advance(): void {
    this.s.stepIndex += 1;
    this.s.stepDueAt = null;
    this.s.postingOpen = false;
    this.s.ballots = {};
    this.s.ballotBoxClosed = false;
    this.s.status = this.s.stepIndex >= this.s.steps.length ? 'AWAITING_DECISION' : 'IN_REVIEW';
  }

  private reject(reason: string): void {
    this.s.status = 'REJECTED';
    this.s.closedReason = reason;
    this.s.postingOpen = false;
  }

  private log(
    stepKey: string,
    action: string,
    reason: string | null,
    actorUserId: string | null,
    at: string,
  ) {
    this.s.history.push({ stepKey, round: this.s.round, action, reason, actorUserId, at });
  }

  private currentLabel(): string {
    if (this.finished || this.s.status === 'AWAITING_DECISION') return this.s.status;
    return `${this.currentStep()?.title.vi ?? ''} (${this.s.status})`;
  }

  private assertStepActor(actor: Actor, step: ResolvedStep): void {
    if (
      step.actor !== 'PROPOSER_HEAD' &&
      actor.unitId !== null &&
      actor.unitId === this.s.nomineeUnitId
    ) {
      throw new DomainException(DomainErrorCode.SelfApprovalForbidden);
    }
    if (actor.unitId !== step.actorUnitId || !actor.roles.includes(step.actorRole)) {
      throw new DomainException(DomainErrorCode.NotStepActor, {
        step: step.title.vi,
        role: step.actorRole,
        unit: step.actorUnitName,
      });
    }
  }

  private assertProposer(actor: Actor): void {
    if (
      actor.unitId !== this.s.proposerUnitId ||
      !(actor.roles.includes('UNIT_OFFICER') || actor.roles.includes('UNIT_SIGNER'))
    ) {
      throw new DomainException(DomainErrorCode.NotProposerUnit);
    }
  }
}

/** The council's ballot-count minutes (biên bản kiểm phiếu) for one nomination. */
export function councilMinutes(input: {
  authorityName: string;
  formName: string;
  nomineeName: string;
  heldOn: string;
  tally: CouncilTally;
}): string {
  const { tally } = input;
  const d = input.heldOn;
  const share = tally.eligibleCount > 0 ? (tally.approvals * 100) / tally.eligibleCount : 0;
  return [
    'BIÊN BẢN KIỂM PHIẾU',
    `Hội đồng Thi đua – Khen thưởng ${input.authorityName}`,
    '',
    `Đề nghị: ${input.formName}`,
    `Đối tượng: ${input.nomineeName}`,
    `Ngày kiểm phiếu: ${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`,
    '',
    `Tổng số thành viên Hội đồng: ${tally.eligibleCount}`,
    `Số phiếu thu về: ${tally.ballotsCast} (trong đó bằng văn bản: ${tally.writtenBallots})`,
    `Số phiếu đồng ý: ${tally.approvals}, đạt ${share.toFixed(1).replace('.', ',')}% tổng số thành viên`,
    `Tỷ lệ cần đạt: ${String(tally.thresholdPercent).replace('.', ',')}% tổng số thành viên`,
    '',
    `Kết quả: ${tally.passed ? 'ĐẠT – đề nghị cấp có thẩm quyền quyết định khen thưởng' : 'KHÔNG ĐẠT'}.`,
  ].join('\n');
}
