import { DomainErrorCode } from '../errors/domain-error-code';
import { DomainException } from '../errors/domain.exception';
import type { Actor, SigningMember } from '../pledge-signing/signing-round.types';
import { UNIT_SIGNER_ROLE } from '../pledge-signing/signing-round.types';
import { UNIT_OFFICER_ROLE, assertActsForUnit, assertHead } from './actor-rules';

export interface InitiativeInput {
  kind: 'MODEL' | 'SOLUTION' | 'WORK';
  field: string;
  isNew: boolean;
  ownerType: 'COLLECTIVE' | 'INDIVIDUAL';
  ownerName: string;
  title: string;
  description: string;
  attachments: { name: string; url: string }[];
}

export interface RegistrationContent {
  titles: string[];
  initiatives: InitiativeInput[];
}

export type RegistrationStatus = 'SUBMITTED' | 'LATE_PENDING' | 'LATE_APPROVED' | 'LATE_REJECTED';

export interface RegistrationEntry {
  status: RegistrationStatus;
  late: boolean;
  revision: number;
  at: string;
  initiativeCount: number;
  lateReason?: string;
}

export interface RegistrationInit {
  cycleId: string;
  members: SigningMember[];
  headUnitId: string;
  /** Decides the head's own late registration (a unit never approves itself); absent in cycles
   * started before it was recorded, whose head's late registration then stays undecided. */
  deputyUnitId?: string | null;
  deadlineAt: string;
  lateUntil: string;
  targetPercent: number;
}

export interface RegistrationSnapshot extends RegistrationInit {
  entries: Record<string, RegistrationEntry>;
  closed: boolean;
  missingAtDeadline: string[];
}

export interface SubmitRegistrationCommand {
  actor: Actor;
  unitId: string;
  content: RegistrationContent;
}

export interface LateRegistrationCommand extends SubmitRegistrationCommand {
  reason: string;
}

export interface LateDecisionCommand {
  actor: Actor;
  unitId: string;
  approve: boolean;
  note: string;
}

export interface ComplianceUnitView extends SigningMember {
  status: RegistrationStatus | 'NOT_REGISTERED';
  late: boolean;
  revision: number;
  at: string | null;
  initiativeCount: number;
}

export interface ComplianceView {
  cycleId: string;
  deadlineAt: string;
  closed: boolean;
  memberCount: number;
  registeredCount: number;
  registeredPercent: number;
  targetPercent: number;
  targetMet: boolean;
  pendingLate: string[];
  missingAtDeadline: string[];
  units: ComplianceUnitView[];
}

const REGISTER_ROLES = [UNIT_OFFICER_ROLE, UNIT_SIGNER_ROLE];

/** Registration (đăng ký thi đua): units register before the deadline; afterwards edits are
 * refused and a unit that missed it may ask the head to accept a late registration. */
export class RegistrationState {
  private readonly s: RegistrationSnapshot;

  constructor(init: RegistrationInit | RegistrationSnapshot) {
    this.s = { entries: {}, closed: false, missingAtDeadline: [], ...clone(init) };
  }

  snapshot(): RegistrationSnapshot {
    return clone(this.s);
  }

  get closed(): boolean {
    return this.s.closed;
  }

  validateSubmit(cmd: SubmitRegistrationCommand): void {
    assertActsForUnit(cmd.actor, cmd.unitId, this.s.members, REGISTER_ROLES);
    if (this.s.closed) {
      throw new DomainException(DomainErrorCode.RegistrationClosed, {
        deadline: this.s.deadlineAt,
      });
    }
  }

  applySubmit(cmd: SubmitRegistrationCommand, at: string): RegistrationEntry {
    const previous = this.s.entries[cmd.unitId];
    const entry: RegistrationEntry = {
      status: 'SUBMITTED',
      late: false,
      revision: (previous?.revision ?? 0) + 1,
      at,
      initiativeCount: cmd.content.initiatives.length,
    };
    this.s.entries[cmd.unitId] = entry;
    return entry;
  }

  validateLateRequest(cmd: LateRegistrationCommand): void {
    assertActsForUnit(cmd.actor, cmd.unitId, this.s.members, REGISTER_ROLES);
    if (!this.s.closed) throw new DomainException(DomainErrorCode.RegistrationOpen);
    const entry = this.s.entries[cmd.unitId];
    if (entry?.status === 'SUBMITTED' || entry?.status === 'LATE_APPROVED') {
      throw new DomainException(DomainErrorCode.RegistrationClosed, {
        deadline: this.s.deadlineAt,
      });
    }
    if (entry?.status === 'LATE_PENDING')
      throw new DomainException(DomainErrorCode.AlreadyRegistered);
  }

  applyLateRequest(cmd: LateRegistrationCommand, at: string): RegistrationEntry {
    const entry: RegistrationEntry = {
      status: 'LATE_PENDING',
      late: true,
      revision: (this.s.entries[cmd.unitId]?.revision ?? 0) + 1,
      at,
      initiativeCount: cmd.content.initiatives.length,
      lateReason: cmd.reason,
    };
    this.s.entries[cmd.unitId] = entry;
    return entry;
  }

  validateLateDecision(cmd: LateDecisionCommand): void {
    if (cmd.unitId === this.s.headUnitId) {
      // The head's own late registration goes to the deputy: a unit never approves itself.
      if (cmd.actor.unitId === this.s.headUnitId || !this.s.deputyUnitId)
        throw new DomainException(DomainErrorCode.SelfApprovalForbidden);
      assertHead(cmd.actor, this.s.deputyUnitId);
    } else {
      assertHead(cmd.actor, this.s.headUnitId);
    }
    if (this.s.entries[cmd.unitId]?.status !== 'LATE_PENDING') {
      throw new DomainException(DomainErrorCode.NoLateRequest);
    }
  }

  applyLateDecision(cmd: LateDecisionCommand): RegistrationEntry {
    const entry = this.s.entries[cmd.unitId];
    entry.status = cmd.approve ? 'LATE_APPROVED' : 'LATE_REJECTED';
    return entry;
  }

  /** The deadline passed: record who had not registered. */
  close(): string[] {
    if (!this.s.closed) {
      this.s.closed = true;
      this.s.missingAtDeadline = this.s.members
        .filter((m) => this.s.entries[m.unitId]?.status !== 'SUBMITTED')
        .map((m) => m.unitId);
    }
    return [...this.s.missingAtDeadline];
  }

  /** The head's compliance board: who registered, against the pledge's "100% register" target. */
  compliance(): ComplianceView {
    const units = this.s.members.map((m): ComplianceUnitView => {
      const e = this.s.entries[m.unitId];
      return {
        ...m,
        status: e?.status ?? 'NOT_REGISTERED',
        late: e?.late ?? false,
        revision: e?.revision ?? 0,
        at: e?.at ?? null,
        initiativeCount: e?.initiativeCount ?? 0,
      };
    });
    const registered = units.filter(
      (u) => u.status === 'SUBMITTED' || u.status === 'LATE_APPROVED',
    );
    const percent = Math.round((registered.length / units.length) * 1000) / 10;
    return {
      cycleId: this.s.cycleId,
      deadlineAt: this.s.deadlineAt,
      closed: this.s.closed,
      memberCount: units.length,
      registeredCount: registered.length,
      registeredPercent: percent,
      targetPercent: this.s.targetPercent,
      targetMet: percent >= this.s.targetPercent,
      pendingLate: units.filter((u) => u.status === 'LATE_PENDING').map((u) => u.unitId),
      missingAtDeadline: [...this.s.missingAtDeadline],
      units,
    };
  }
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
