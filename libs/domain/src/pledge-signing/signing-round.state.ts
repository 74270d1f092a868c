import { DomainErrorCode } from '../errors/domain-error-code';
import { DomainException } from '../errors/domain.exception';
import {
  type Actor,
  type AmendCommand,
  type CountersignCommand,
  type DeclineCommand,
  type ExtendDeadlineCommand,
  type SignCommand,
  type SigningRoundInit,
  type SigningRoundSnapshot,
  type SigningRoundStatus,
  type SigningStatusView,
  UNIT_SIGNER_ROLE,
  type UnitDecision,
} from './signing-round.types';

/**
 * The rules of one pledge-signing round, as a plain class the workflow holds and unit tests drive.
 * `validate*` methods throw a DomainException and change nothing; `apply*` methods assume the
 * matching validation passed. Times are passed in (the workflow takes them from activity results),
 * so the class never reads a clock.
 */
export class SigningRoundState {
  private readonly s: SigningRoundSnapshot;

  constructor(init: SigningRoundInit | SigningRoundSnapshot) {
    if (init.members.length === 0) throw new DomainException(DomainErrorCode.NoMembers);
    this.s = {
      decisions: {},
      overdueAt: null,
      missingAtDeadline: [],
      countersignedBy: null,
      countersignedAt: null,
      ...structuredCloneSafe(init),
    };
  }

  snapshot(): SigningRoundSnapshot {
    return structuredCloneSafe(this.s);
  }

  get version(): number {
    return this.s.pledge.version;
  }

  get isEffective(): boolean {
    return this.s.countersignedAt !== null;
  }

  get isOverdue(): boolean {
    return this.s.overdueAt !== null;
  }

  get status(): SigningRoundStatus {
    if (this.isEffective) return 'EFFECTIVE';
    if (this.missing().length === 0) return 'AWAITING_COUNTERSIGN';
    if (this.isOverdue) return 'OVERDUE';
    return 'OPEN';
  }

  /** Units that have not signed the current version. */
  missing(): string[] {
    return this.s.members
      .filter((m) => {
        const d = this.s.decisions[m.unitId];
        return !d || d.decision !== 'SIGNED' || d.version !== this.version;
      })
      .map((m) => m.unitId);
  }

  validateSign(cmd: SignCommand): void {
    this.assertUnitAction(cmd.actor, cmd.unitId, cmd.version);
    const current = this.s.decisions[cmd.unitId];
    if (current?.decision === 'SIGNED' && current.version === this.version) {
      throw new DomainException(DomainErrorCode.AlreadySigned, { version: this.version });
    }
  }

  applySign(cmd: SignCommand, at: string): UnitDecision {
    const decision: UnitDecision = {
      decision: 'SIGNED',
      version: this.version,
      actorUserId: cmd.actor.userId,
      at,
      late: this.isOverdue,
    };
    this.s.decisions[cmd.unitId] = decision;
    return decision;
  }

  validateDecline(cmd: DeclineCommand): void {
    this.assertUnitAction(cmd.actor, cmd.unitId, cmd.version);
    const current = this.s.decisions[cmd.unitId];
    if (current && current.version === this.version) {
      throw new DomainException(
        current.decision === 'SIGNED'
          ? DomainErrorCode.AlreadySigned
          : DomainErrorCode.AlreadyDeclined,
        { version: this.version },
      );
    }
  }

  applyDecline(cmd: DeclineCommand, at: string): UnitDecision {
    const decision: UnitDecision = {
      decision: 'DECLINED',
      version: this.version,
      actorUserId: cmd.actor.userId,
      at,
      reason: cmd.reason,
      late: this.isOverdue,
    };
    this.s.decisions[cmd.unitId] = decision;
    return decision;
  }

  /** Decisions are applied when accepted; their time comes back from the activity that persisted
   * them. A later decision of the unit (after an amendment, or a signature after a decline) may
   * have replaced this one meanwhile; it keeps its own time. */
  stampDecision(unitId: string, decision: UnitDecision, at: string): void {
    if (this.s.decisions[unitId] === decision) decision.at = at;
  }

  validateAmend(cmd: AmendCommand): void {
    this.assertOpen();
    this.assertHead(cmd.actor);
    this.assertVersion(cmd.baseVersion);
    if (cmd.contentHash === this.s.pledge.contentHash) {
      throw new DomainException(DomainErrorCode.PledgeUnchanged);
    }
  }

  /** Bumps the version; every decision given to the old text no longer counts. */
  applyAmend(cmd: AmendCommand): { version: number; invalidatedUnitIds: string[] } {
    const invalidatedUnitIds = Object.keys(this.s.decisions);
    this.s.pledge = {
      version: this.version + 1,
      items: [...cmd.items],
      contentHash: cmd.contentHash,
    };
    this.s.decisions = {};
    return { version: this.version, invalidatedUnitIds };
  }

  validateCountersign(cmd: CountersignCommand): void {
    this.assertOpen();
    this.assertHead(cmd.actor);
    this.assertVersion(cmd.version);
    const missing = this.missing();
    if (missing.length > 0) {
      throw new DomainException(DomainErrorCode.NotAllSigned, {
        missing: missing.map((id) => this.unitCode(id)).join(', '),
      });
    }
  }

  applyCountersign(cmd: CountersignCommand, at: string): void {
    this.s.countersignedBy = cmd.actor.userId;
    this.s.countersignedAt = at;
  }

  get deadlineAt(): string {
    return this.s.deadlineAt;
  }

  validateExtendDeadline(cmd: ExtendDeadlineCommand): void {
    this.assertOpen();
    this.assertHead(cmd.actor);
    if (this.isOverdue) throw new DomainException(DomainErrorCode.DeadlinePassed);
    if (!(Date.parse(cmd.deadlineAt) > Date.parse(this.s.deadlineAt))) {
      throw new DomainException(DomainErrorCode.DeadlineNotLater, { current: this.s.deadlineAt });
    }
  }

  applyExtendDeadline(cmd: ExtendDeadlineCommand): void {
    this.s.deadlineAt = cmd.deadlineAt;
  }

  /** The deadline passed: record who had not signed. Later signatures are accepted but late. */
  markOverdue(at: string): string[] {
    if (this.s.overdueAt === null) this.s.missingAtDeadline = this.missing();
    this.s.overdueAt = at;
    return [...this.s.missingAtDeadline];
  }

  view(): SigningStatusView {
    const missing = this.missing();
    return {
      roundId: this.s.roundId,
      cycleId: this.s.cycleId,
      status: this.status,
      pledge: { ...this.s.pledge, items: [...this.s.pledge.items] },
      deadlineAt: this.s.deadlineAt,
      overdueAt: this.s.overdueAt,
      missingAtDeadline: [...this.s.missingAtDeadline],
      countersignedBy: this.s.countersignedBy,
      countersignedAt: this.s.countersignedAt,
      signedCount: this.s.members.length - missing.length,
      memberCount: this.s.members.length,
      missing,
      units: this.s.members.map((m) => {
        const d = this.s.decisions[m.unitId];
        return {
          ...m,
          decision: d ? d.decision : 'PENDING',
          version: d ? d.version : null,
          at: d ? d.at : null,
          reason: d?.reason ?? null,
          late: d ? d.late : false,
        };
      }),
    };
  }

  private assertUnitAction(actor: Actor, unitId: string, version: number): void {
    this.assertOpen();
    if (!this.s.members.some((m) => m.unitId === unitId)) {
      throw new DomainException(DomainErrorCode.UnitNotMember, { unitId });
    }
    if (actor.unitId !== unitId) throw new DomainException(DomainErrorCode.WrongUnit);
    if (!actor.roles.includes(UNIT_SIGNER_ROLE)) {
      throw new DomainException(DomainErrorCode.NotASigner);
    }
    this.assertVersion(version);
  }

  private assertOpen(): void {
    if (this.isEffective) throw new DomainException(DomainErrorCode.RoundClosed);
  }

  private assertHead(actor: Actor): void {
    if (actor.unitId !== this.s.headUnitId || !actor.roles.includes(UNIT_SIGNER_ROLE)) {
      throw new DomainException(DomainErrorCode.NotClusterHead);
    }
  }

  private assertVersion(given: number): void {
    if (given !== this.version) {
      throw new DomainException(DomainErrorCode.StalePledgeVersion, {
        current: this.version,
        given,
      });
    }
  }

  private unitCode(unitId: string): string {
    return this.s.members.find((m) => m.unitId === unitId)?.unitCode ?? unitId;
  }
}

/** JSON round-trip: workflow state must stay plain data (it crosses continue-as-new and queries). */
function structuredCloneSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
