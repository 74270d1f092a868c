import { DomainErrorCode } from '../errors/domain-error-code';
import { DomainException } from '../errors/domain.exception';
import type { Actor, SigningMember } from '../pledge-signing/signing-round.types';
import { UNIT_SIGNER_ROLE } from '../pledge-signing/signing-round.types';
import { UNIT_OFFICER_ROLE, assertActsForUnit } from './actor-rules';
import type {
  Criterion,
  DivergentSheet,
  PeerSheet,
  RankingRow,
  ReviewerAssignment,
  ReviewerConflict,
  RuleSetContent,
} from './rule-set.types';
import { assignReviewers, divergentSheets, rankUnits, scoreTotal, validateScores } from './scoring';

export type AssessmentStage = 'INTERIM' | 'FINAL';

export interface AssessmentInit {
  cycleId: string;
  stage: AssessmentStage;
  members: SigningMember[];
  headUnitId: string;
  criteria: Criterion[];
  crossAssessment: RuleSetContent['crossAssessment'];
  scoring: RuleSetContent['scoring'];
  pledgeItemCount: number;
  deadlineAt: string;
}

interface Sheet {
  scores: Record<string, number>;
  total: number;
  at: string;
}

export interface ProgressItem {
  itemIndex: number;
  percent: number;
  note: string;
}

export interface AssessmentSnapshot extends AssessmentInit {
  conflicts: (ReviewerConflict & { reason: string })[];
  assignment: ReviewerAssignment;
  self: Record<string, Sheet>;
  peer: Record<string, Sheet>;
  progress: Record<string, { items: ProgressItem[]; at: string }>;
  closed: boolean;
}

export interface SelfAssessmentCommand {
  actor: Actor;
  unitId: string;
  scores: Record<string, number>;
  evidence?: string;
}

export interface PeerAssessmentCommand {
  actor: Actor;
  assessorUnitId: string;
  subjectUnitId: string;
  scores: Record<string, number>;
}

export interface ConflictCommand {
  actor: Actor;
  assessorUnitId: string;
  subjectUnitId: string;
  reason: string;
}

export interface ProgressCommand {
  actor: Actor;
  unitId: string;
  items: ProgressItem[];
}

export interface AssessmentResult {
  stage: AssessmentStage;
  ranking: RankingRow[];
  divergent: DivergentSheet[];
  selfCount: number;
  peerCount: number;
  expectedPeerCount: number;
  progress: Record<string, ProgressItem[]>;
}

export interface AssessmentStatusView {
  cycleId: string;
  stage: AssessmentStage;
  deadlineAt: string;
  closed: boolean;
  assignment: ReviewerAssignment;
  conflicts: (ReviewerConflict & { reason: string })[];
  selfSubmitted: string[];
  peerSubmitted: PeerSheet[];
  progressSubmitted: string[];
  expectedPeerCount: number;
}

const ACT_ROLES = [UNIT_OFFICER_ROLE, UNIT_SIGNER_ROLE];
const key = (assessor: string, subject: string) => `${assessor}>${subject}`;

/** Review (sơ kết / tổng kết): self-assessment, progress against the pledge, and, at the final
 * review, cross-assessment by assigned peers, never by the unit itself. */
export class AssessmentState {
  private readonly s: AssessmentSnapshot;

  constructor(init: AssessmentInit | AssessmentSnapshot) {
    const base = clone(init);
    this.s = {
      conflicts: [],
      assignment: {},
      self: {},
      peer: {},
      progress: {},
      closed: false,
      ...base,
    };
    if (!('assignment' in init)) this.reassign();
  }

  snapshot(): AssessmentSnapshot {
    return clone(this.s);
  }

  get closed(): boolean {
    return this.s.closed;
  }

  validateConflict(cmd: ConflictCommand): void {
    this.assertOpen();
    this.assertCross();
    assertActsForUnit(cmd.actor, cmd.assessorUnitId, this.s.members, ACT_ROLES);
    if (cmd.assessorUnitId === cmd.subjectUnitId) {
      throw new DomainException(DomainErrorCode.SelfScoringForbidden);
    }
    if (!this.s.members.some((m) => m.unitId === cmd.subjectUnitId)) {
      throw new DomainException(DomainErrorCode.UnitNotMember, { unitId: cmd.subjectUnitId });
    }
    if (Object.keys(this.s.peer).length > 0)
      throw new DomainException(DomainErrorCode.ConflictsLocked);
  }

  applyConflict(cmd: ConflictCommand): void {
    if (
      !this.s.conflicts.some(
        (c) => c.assessorUnitId === cmd.assessorUnitId && c.subjectUnitId === cmd.subjectUnitId,
      )
    ) {
      this.s.conflicts.push({
        assessorUnitId: cmd.assessorUnitId,
        subjectUnitId: cmd.subjectUnitId,
        reason: cmd.reason,
      });
    }
    this.reassign();
  }

  validateSelf(cmd: SelfAssessmentCommand): void {
    this.assertOpen();
    assertActsForUnit(cmd.actor, cmd.unitId, this.s.members, ACT_ROLES);
    validateScores(this.s.criteria, cmd.scores);
  }

  applySelf(cmd: SelfAssessmentCommand, at: string): number {
    const total = scoreTotal(this.s.criteria, cmd.scores);
    this.s.self[cmd.unitId] = { scores: { ...cmd.scores }, total, at };
    return total;
  }

  validatePeer(cmd: PeerAssessmentCommand): void {
    this.assertOpen();
    this.assertCross();
    assertActsForUnit(cmd.actor, cmd.assessorUnitId, this.s.members, ACT_ROLES);
    if (cmd.assessorUnitId === cmd.subjectUnitId) {
      throw new DomainException(DomainErrorCode.SelfScoringForbidden);
    }
    if (!(this.s.assignment[cmd.subjectUnitId] ?? []).includes(cmd.assessorUnitId)) {
      throw new DomainException(DomainErrorCode.NotAssigned);
    }
    validateScores(this.s.criteria, cmd.scores);
  }

  applyPeer(cmd: PeerAssessmentCommand, at: string): number {
    const total = scoreTotal(this.s.criteria, cmd.scores);
    this.s.peer[key(cmd.assessorUnitId, cmd.subjectUnitId)] = {
      scores: { ...cmd.scores },
      total,
      at,
    };
    return total;
  }

  validateProgress(cmd: ProgressCommand): void {
    this.assertOpen();
    assertActsForUnit(cmd.actor, cmd.unitId, this.s.members, ACT_ROLES);
    for (const item of cmd.items) {
      if (
        !Number.isInteger(item.itemIndex) ||
        item.itemIndex < 0 ||
        item.itemIndex >= this.s.pledgeItemCount
      ) {
        throw new DomainException(DomainErrorCode.ValidationFailed, { field: 'items.itemIndex' });
      }
      if (!(item.percent >= 0 && item.percent <= 100)) {
        throw new DomainException(DomainErrorCode.ValidationFailed, { field: 'items.percent' });
      }
    }
  }

  applyProgress(cmd: ProgressCommand, at: string): void {
    this.s.progress[cmd.unitId] = { items: cmd.items.map((i) => ({ ...i })), at };
  }

  /** Stamps a sheet's recorded time once the activity has stored it. */
  stamp(kind: 'self' | 'peer' | 'progress', id: string, at: string): void {
    const target =
      kind === 'self' ? this.s.self[id] : kind === 'peer' ? this.s.peer[id] : this.s.progress[id];
    if (target) target.at = at;
  }

  close(): AssessmentResult {
    this.s.closed = true;
    return this.result();
  }

  result(): AssessmentResult {
    const unitIds = this.s.members.map((m) => m.unitId);
    const selfTotals = Object.fromEntries(
      Object.entries(this.s.self).map(([u, sh]) => [u, sh.total]),
    );
    const sheets = this.peerSheets();
    return {
      stage: this.s.stage,
      ranking: rankUnits(unitIds, selfTotals, sheets, this.s.scoring),
      divergent:
        this.s.stage === 'FINAL' ? divergentSheets(sheets, this.s.scoring.divergenceThreshold) : [],
      selfCount: Object.keys(this.s.self).length,
      peerCount: sheets.length,
      expectedPeerCount: this.expectedPeerCount(),
      progress: Object.fromEntries(Object.entries(this.s.progress).map(([u, p]) => [u, p.items])),
    };
  }

  view(): AssessmentStatusView {
    return {
      cycleId: this.s.cycleId,
      stage: this.s.stage,
      deadlineAt: this.s.deadlineAt,
      closed: this.s.closed,
      assignment: clone(this.s.assignment),
      conflicts: clone(this.s.conflicts),
      selfSubmitted: Object.keys(this.s.self),
      peerSubmitted: this.peerSheets(),
      progressSubmitted: Object.keys(this.s.progress),
      expectedPeerCount: this.expectedPeerCount(),
    };
  }

  private peerSheets(): PeerSheet[] {
    return Object.entries(this.s.peer).map(([k, sh]) => {
      const [assessorUnitId = '', subjectUnitId = ''] = k.split('>');
      return { assessorUnitId, subjectUnitId, total: sh.total };
    });
  }

  private expectedPeerCount(): number {
    if (this.s.stage !== 'FINAL') return 0;
    return Object.values(this.s.assignment).reduce((n, a) => n + a.length, 0);
  }

  private reassign(): void {
    this.s.assignment =
      this.s.stage === 'FINAL'
        ? assignReviewers(
            this.s.members.map((m) => m.unitId),
            this.s.crossAssessment.mode,
            this.s.crossAssessment.reviewersPerUnit,
            this.s.conflicts,
          )
        : {};
  }

  private assertOpen(): void {
    if (this.s.closed)
      throw new DomainException(DomainErrorCode.PhaseNotOpen, {
        phase: this.s.stage === 'FINAL' ? 'FINAL_REVIEW' : 'INTERIM_REVIEW',
      });
  }

  private assertCross(): void {
    if (this.s.stage !== 'FINAL')
      throw new DomainException(DomainErrorCode.PhaseNotOpen, { phase: 'FINAL_REVIEW' });
  }
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
