import { DomainErrorCode } from '../errors/domain-error-code';
import { DomainException } from '../errors/domain.exception';
import type { Actor, SigningMember } from '../pledge-signing/signing-round.types';
import { UNIT_SIGNER_ROLE } from '../pledge-signing/signing-round.types';
import { assertActsForUnit, assertHead } from '../cycle/actor-rules';

export interface BallotBoxInit {
  cycleId: string;
  kind: 'VOTE' | 'ELECTION';
  members: SigningMember[];
  headUnitId: string;
  candidates: string[];
  maxChoices: number;
  deadlineAt: string;
}

export interface BallotEntry<T> {
  content: T;
  written: boolean;
  recordedBy: string;
  at: string;
}

export interface BallotBoxSnapshot<T> extends BallotBoxInit {
  ballots: Record<string, BallotEntry<T>>;
  closed: boolean;
}

export interface CastCommand<T> {
  actor: Actor;
  voterUnitId: string;
  content: T;
  /** The head records an absent member's written vote (phiếu bầu bằng văn bản). */
  written: boolean;
}

export interface BallotBoxView {
  cycleId: string;
  kind: 'VOTE' | 'ELECTION';
  deadlineAt: string;
  closed: boolean;
  candidates: string[];
  eligibleCount: number;
  voted: string[];
  writtenCount: number;
}

/** One secret ballot per member: who voted is visible, what they chose is not. */
export class BallotBoxState<T> {
  private readonly s: BallotBoxSnapshot<T>;

  constructor(
    init: BallotBoxInit | BallotBoxSnapshot<T>,
    private readonly validateContent: (content: T, box: BallotBoxInit) => void,
  ) {
    this.s = { ballots: {}, closed: false, ...(JSON.parse(JSON.stringify(init)) as BallotBoxInit) };
  }

  snapshot(): BallotBoxSnapshot<T> {
    return JSON.parse(JSON.stringify(this.s)) as BallotBoxSnapshot<T>;
  }

  get closed(): boolean {
    return this.s.closed;
  }

  validateCast(cmd: CastCommand<T>): void {
    if (this.s.closed)
      throw new DomainException(DomainErrorCode.PhaseNotOpen, { phase: this.s.kind });
    if (cmd.written) {
      assertHead(cmd.actor, this.s.headUnitId);
      if (!this.s.members.some((m) => m.unitId === cmd.voterUnitId)) {
        throw new DomainException(DomainErrorCode.UnitNotMember, { unitId: cmd.voterUnitId });
      }
    } else {
      assertActsForUnit(cmd.actor, cmd.voterUnitId, this.s.members, [UNIT_SIGNER_ROLE]);
    }
    if (this.s.ballots[cmd.voterUnitId]) throw new DomainException(DomainErrorCode.AlreadyVoted);
    this.validateContent(cmd.content, this.s);
  }

  applyCast(cmd: CastCommand<T>, at: string): BallotEntry<T> {
    const entry = { content: cmd.content, written: cmd.written, recordedBy: cmd.actor.userId, at };
    this.s.ballots[cmd.voterUnitId] = entry;
    return entry;
  }

  close(): void {
    this.s.closed = true;
  }

  ballots(): { voterUnitId: string; content: T; written: boolean }[] {
    return Object.entries(this.s.ballots).map(([voterUnitId, b]) => ({
      voterUnitId,
      content: b.content,
      written: b.written,
    }));
  }

  view(): BallotBoxView {
    const entries = Object.values(this.s.ballots);
    return {
      cycleId: this.s.cycleId,
      kind: this.s.kind,
      deadlineAt: this.s.deadlineAt,
      closed: this.s.closed,
      candidates: [...this.s.candidates],
      eligibleCount: this.s.members.length,
      voted: Object.keys(this.s.ballots),
      writtenCount: entries.filter((b) => b.written).length,
    };
  }
}

/** A vote (bình xét) ballot approves up to `maxChoices` candidates. */
export function validateApprovalBallot(content: { approve: string[] }, box: BallotBoxInit): void {
  if (content.approve.length > box.maxChoices) {
    throw new DomainException(DomainErrorCode.TooManyChoices, { max: box.maxChoices });
  }
  for (const unitId of content.approve) {
    if (!box.candidates.includes(unitId))
      throw new DomainException(DomainErrorCode.NotACandidate, { unitId });
  }
}

/** An election ballot names next period's head and a different deputy, both candidates. */
export function validateElectionBallot(
  content: { headUnitId: string; deputyUnitId: string },
  box: BallotBoxInit,
): void {
  for (const unitId of [content.headUnitId, content.deputyUnitId]) {
    if (!box.candidates.includes(unitId))
      throw new DomainException(DomainErrorCode.NotACandidate, { unitId });
  }
  if (content.headUnitId === content.deputyUnitId) {
    throw new DomainException(DomainErrorCode.ValidationFailed, { field: 'deputyUnitId' });
  }
}
