import type { AssessmentStatus, BallotBox, Compliance, Phase, SigningStatus } from '../api/types';

/** A phase as every page shows it: the calendar's plan, overridden by the step's live state. */
export interface LivePhase extends Phase {
  /** The status and deadline come from the running step, not from the planned calendar. */
  live: boolean;
}

/** Each step's live view: a value once loaded (null: the step has not started), undefined while
 * unknown (loading, failed, or not asked). */
export interface LiveSteps {
  signing?: SigningStatus | null;
  compliance?: Compliance | null;
  interim?: AssessmentStatus | null;
  final?: AssessmentStatus | null;
  vote?: BallotBox | null;
  election?: BallotBox | null;
}

type Closable = { closed: boolean; deadlineAt: string };

function fromStep(p: Phase, step: Closable | null | undefined): LivePhase {
  if (step === undefined) return { ...p, live: false };
  // Not started: "chưa mở" everywhere, whatever the planned dates say.
  if (step === null) return { ...p, status: 'PENDING', live: true };
  return {
    ...p,
    status: step.closed ? 'CLOSED' : 'OPEN',
    closesOn: step.deadlineAt,
    closesAt: step.deadlineAt,
    live: true,
  };
}

/**
 * One source for phases and deadlines: where a step runs its own workflow (the signing round, the
 * registration, the reviews, the vote and the election), its live state and deadline win over the
 * cycle's planned calendar, so the phase table says what the step's own page says (a signing
 * round extended to 15/12 is open until 15/12, a registration that has not started is "chưa mở").
 */
export function reconcilePhases(phases: readonly Phase[], live: LiveSteps): LivePhase[] {
  return phases.map((p) => {
    switch (p.phase) {
      case 'PLEDGE_SIGNING': {
        const s = live.signing;
        if (s === undefined || s === null) return fromStep(p, s);
        const open = s.status === 'OPEN' || s.status === 'OVERDUE';
        return fromStep(p, { closed: !open, deadlineAt: s.deadlineAt });
      }
      case 'REGISTRATION':
        return fromStep(p, live.compliance);
      case 'INTERIM_REVIEW':
        return fromStep(p, live.interim);
      case 'FINAL_REVIEW':
        return fromStep(p, live.final);
      case 'VOTE':
        return fromStep(p, live.vote);
      case 'ELECTION':
        return fromStep(p, live.election);
      default:
        return { ...p, live: false };
    }
  });
}
