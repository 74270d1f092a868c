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
  /** Who took part in the open vote, in person or in writing; never what they chose (secret
   * ballot): the choices are only in the anonymous tally. Absent from snapshots of earlier runs. */
  voters?: Record<string, { written: boolean }>;
  /** Counts of the choices that came in the clear (Updates from before ballots were sealed). */
  clearCounts?: { approvals: number; rejections: number };
  /** Runs since ballots are sealed take no choice in the clear. */
  sealedBallotsOnly?: boolean;
  /** Snapshots of runs from before the secret-ballot change only (member → choice): turned into
   * voters and counts when loaded, never written again. */
  ballots?: Record<string, { approve: boolean; written: boolean }>;
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
  /** The choice sealed by the API for this member and vote (`b1.<key id>.<ciphertext>`): the
   * workflow and its history never see it; the recording activity adds it to the anonymous tally. */
  sealedBallot?: string;
  /** The choice in the clear: only in Updates of runs from before ballots were sealed. */
  approve?: boolean;
  /** Another council member records an absent member's written vote (phiếu bằng văn bản). */
  written: boolean;
}

/** The anonymous tally of one vote as PostgreSQL keeps it: counts only. */
export interface AnonymousCount {
  approvals: number;
  rejections: number;
}

/** The shape of a sealed ballot (the validator cannot open it; the recording activity does). */
export const SEALED_BALLOT_PATTERN = /^b1\.[A-Za-z0-9._-]{1,64}\.[A-Za-z0-9_-]{39}$/;

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
      voters: {},
      clearCounts: { approvals: 0, rejections: 0 },
      closedReason: null,
      decision: null,
      ...(JSON.parse(JSON.stringify(init)) as NominationInit),
    };
    // A snapshot of an earlier run kept member → choice: only who voted and the counts survive.
    const legacy = base.ballots;
    delete base.ballots;
    for (const [member, b] of Object.entries(legacy ?? {})) {
      (base.voters as Record<string, { written: boolean }>)[member] = { written: b.written };
      const counts = base.clearCounts as AnonymousCount;
      if (b.approve) counts.approvals += 1;
      else counts.rejections += 1;
    }
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
    if (cmd.sealedBallot !== undefined) {
      if (cmd.approve !== undefined)
        throw new DomainException(DomainErrorCode.ValidationFailed, { field: 'approve' });
      if (typeof cmd.sealedBallot !== 'string' || !SEALED_BALLOT_PATTERN.test(cmd.sealedBallot))
        throw new DomainException(DomainErrorCode.ValidationFailed, { field: 'sealedBallot' });
    } else if (this.s.sealedBallotsOnly || typeof cmd.approve !== 'boolean') {
      throw new DomainException(DomainErrorCode.ValidationFailed, { field: 'sealedBallot' });
    }
    if (this.voters()[cmd.memberUserId])
      throw new DomainException(DomainErrorCode.AlreadyVoted, {
        voter: cmd.written ? 'member' : 'self',
      });
  }

  /** Records that the member voted; a choice in the clear (earlier runs) only adds to a count. */
  applyCouncilBallot(cmd: CouncilBallotCommand): void {
    this.voters()[cmd.memberUserId] = { written: cmd.written };
    if (cmd.sealedBallot === undefined && cmd.approve !== undefined) {
      const counts = this.clearCounts();
      if (cmd.approve) counts.approvals += 1;
      else counts.rejections += 1;
    }
  }

  /** From now on ballots must come sealed (runs since the secret-ballot change). */
  requireSealedBallots(): void {
    this.s.sealedBallotsOnly = true;
  }

  /** Some choices of the open vote are sealed: the tally needs the anonymous count. */
  hasSealedBallots(): boolean {
    const counts = this.clearCounts();
    return Object.keys(this.voters()).length > counts.approvals + counts.rejections;
  }

  /** The vote is over: later ballots are refused (the tally is taken after the last accepted
   * ballot finished, and must count every ballot that was acknowledged). */
  closeBallotBox(): void {
    this.s.ballotBoxClosed = true;
  }

  allCouncilVoted(): boolean {
    const members = this.currentStep()?.councilMemberUserIds ?? [];
    const voters = this.voters();
    return members.every((m) => voters[m] !== undefined);
  }

  /** Approval needs `thresholdPercent` of ALL members: absent members who sent nothing count
   * against. Integer comparison avoids rounding at the threshold. `anonymous`: the vote's count
   * from PostgreSQL's anonymous tally, needed once any choice came sealed (it holds every ballot
   * of the vote); without it the choices that came in the clear are counted. */
  tallyCouncil(anonymous?: AnonymousCount): CouncilTally {
    const step = this.currentStep() as ResolvedStep;
    const members = step.councilMemberUserIds ?? [];
    const thresholdPercent = step.thresholdPercent ?? 100;
    const voters = this.voters();
    const cast = members.map((m) => voters[m]).filter((b) => b !== undefined);
    if (!anonymous && this.hasSealedBallots()) {
      throw new RangeError('sealed ballots are counted from the anonymous tally');
    }
    const approvals = (anonymous ?? this.clearCounts()).approvals;
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
            voted: Object.keys(this.voters()),
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
    this.s.voters = {};
    this.s.clearCounts = { approvals: 0, rejections: 0 };
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

  private voters(): Record<string, { written: boolean }> {
    this.s.voters ??= {};
    return this.s.voters;
  }

  private clearCounts(): AnonymousCount {
    this.s.clearCounts ??= { approvals: 0, rejections: 0 };
    return this.s.clearCounts;
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
