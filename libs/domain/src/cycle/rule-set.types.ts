import type { CalendarDate } from '../calendar/vietnam-time';

/** The steps of a cluster's emulation cycle, in calendar order. */
export const PHASES = [
  'PLEDGE_SIGNING',
  'REGISTRATION',
  'INTERIM_REVIEW',
  'FINAL_REVIEW',
  'VOTE',
  'NOMINATION',
  'COMMENDATION',
  'ELECTION',
] as const;
export type PhaseCode = (typeof PHASES)[number];

export interface Criterion {
  code: string;
  title: string;
  maxPoints: number;
  weight: number;
}

/** Where a phase falls in any period (year, quarter, multi-year phase): it opens at this fraction
 * of the period (snapped to the next working day) and lasts this many working days. */
export interface PhaseTemplate {
  phase: PhaseCode;
  opensAtFraction: number;
  durationWorkingDays: number;
}

export type AggregationMethod = 'MEAN' | 'TRIMMED_MEAN';
export type CrossAssessmentMode = 'ALL_TO_ALL' | 'K_REVIEWERS';

/** Rules are data: one version of a rule set, frozen into every cycle that starts with it. */
export interface RuleSetContent {
  criteria: Criterion[];
  scoring: {
    selfWeight: number;
    peerWeight: number;
    aggregation: AggregationMethod;
    /** Share of peer scores dropped at each end by TRIMMED_MEAN (0 ≤ x < 0.5). */
    trimFraction: number;
    /** A peer total further than this many points from the median of the other peers' totals for
     * the same unit is flagged for the head. */
    divergenceThreshold: number;
  };
  crossAssessment: { mode: CrossAssessmentMode; reviewersPerUnit: number };
  vote: {
    /** Approval needs this share of ALL eligible members, not of ballots cast. */
    thresholdPercent: number;
    /** How many leading units the cluster may acclaim (suy tôn). */
    acclaimCount: number;
    /** How many of the ranking's top units stand as candidates. */
    candidateCount: number;
  };
  calendar: { phases: PhaseTemplate[] };
  reminders: { offsetsWorkingDays: number[] };
}

export interface PlannedPhase {
  phase: PhaseCode;
  opensOn: CalendarDate;
  closesOn: CalendarDate;
}

export interface ReviewerConflict {
  assessorUnitId: string;
  subjectUnitId: string;
}

/** subjectUnitId → the units that assess it. */
export type ReviewerAssignment = Record<string, string[]>;

export interface PeerSheet {
  assessorUnitId: string;
  subjectUnitId: string;
  total: number;
}

export interface RankingRow {
  unitId: string;
  selfScore: number | null;
  peerScore: number | null;
  peerCount: number;
  finalScore: number;
  rank: number;
}

export interface DivergentSheet extends PeerSheet {
  othersMedian: number;
  deviation: number;
}
