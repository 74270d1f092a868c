import { DomainErrorCode } from '../errors/domain-error-code';
import { DomainException } from '../errors/domain.exception';
import { assertUnique, median, round2 } from './numeric';
import type {
  AggregationMethod,
  Criterion,
  CrossAssessmentMode,
  DivergentSheet,
  PeerSheet,
  RankingRow,
  ReviewerAssignment,
  ReviewerConflict,
  RuleSetContent,
} from './rule-set.types';

/** Why a score sheet was rejected; the error messages translate these keys. */
export type ScoreProblem =
  | 'MISSING'
  | 'UNKNOWN_CRITERION'
  | 'NOT_A_NUMBER'
  | 'NEGATIVE'
  | 'ABOVE_MAX';

function scoreProblem(criterion: string, reason: ScoreProblem, maxPoints?: number): never {
  throw new DomainException(DomainErrorCode.ScoresInvalid, { criterion, reason, maxPoints });
}

/**
 * Who assesses whom in cross-assessment (chấm chéo). Deterministic, so a retried workflow
 * activity assigns the same reviewers. Assessors of each subject are listed in `unitIds` order.
 */
export function assignReviewers(
  unitIds: string[],
  mode: CrossAssessmentMode,
  reviewersPerUnit: number,
  conflicts: ReviewerConflict[],
): ReviewerAssignment {
  assertUnique(unitIds, 'unit id');
  if (!Number.isInteger(reviewersPerUnit) || reviewersPerUnit < 1) {
    throw new RangeError(`reviewersPerUnit must be an integer >= 1, got ${reviewersPerUnit}`);
  }
  const conflicted = new Set(conflicts.map((c) => pairKey(c.assessorUnitId, c.subjectUnitId)));
  const eligible = (subjectIndex: number): number[] => {
    const subject = unitIds[subjectIndex];
    const result: number[] = [];
    unitIds.forEach((assessor, index) => {
      if (index !== subjectIndex && !conflicted.has(pairKey(assessor, subject))) result.push(index);
    });
    return result;
  };

  if (mode === 'ALL_TO_ALL') {
    return Object.fromEntries(
      unitIds.map((subject, i) => [subject, eligible(i).map((j) => unitIds[j])]),
    );
  }

  const n = unitIds.length;
  const load = unitIds.map(() => 0);
  const assignment: [string, string[]][] = unitIds.map((subject, i) => {
    // Least-loaded first keeps the work even; cyclic distance breaks ties so that, without
    // conflicts, unit i is assessed by i+1, i+2, … and every unit assesses the same number.
    const chosen = eligible(i)
      .map((j) => ({ j, load: load[j], distance: (j - i + n) % n }))
      .sort((a, b) => a.load - b.load || a.distance - b.distance)
      .slice(0, reviewersPerUnit)
      .map((c) => c.j)
      .sort((a, b) => a - b);
    for (const j of chosen) load[j] = load[j] + 1;
    return [subject, chosen.map((j) => unitIds[j])];
  });
  return Object.fromEntries(assignment);
}

function pairKey(assessor: string, subject: string): string {
  return JSON.stringify([assessor, subject]);
}

/** Every criterion scored once, within 0..maxPoints, and nothing else. */
export function validateScores(criteria: Criterion[], scores: Record<string, number>): void {
  const known = new Set(criteria.map((c) => c.code));
  for (const code of Object.keys(scores)) {
    if (!known.has(code)) scoreProblem(code, 'UNKNOWN_CRITERION');
  }
  for (const criterion of criteria) {
    if (!Object.hasOwn(scores, criterion.code)) scoreProblem(criterion.code, 'MISSING');
    const value: unknown = scores[criterion.code];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      scoreProblem(criterion.code, 'NOT_A_NUMBER');
    }
    if (value < 0) scoreProblem(criterion.code, 'NEGATIVE');
    if (value > criterion.maxPoints) {
      scoreProblem(criterion.code, 'ABOVE_MAX', criterion.maxPoints);
    }
  }
}

/** Weighted total of a valid score sheet; an invalid sheet has no meaningful total, so it throws
 * the same DomainException as validateScores. */
export function scoreTotal(criteria: Criterion[], scores: Record<string, number>): number {
  validateScores(criteria, scores);
  let total = 0;
  for (const criterion of criteria) total += scores[criterion.code] * criterion.weight;
  return round2(total);
}

/**
 * Combines peer totals. TRIMMED_MEAN drops the floor(n × trimFraction) lowest and highest values
 * so one over-generous or hostile assessor cannot move the result; if trimming would leave
 * nothing, the median is the limit of that idea.
 */
export function aggregate(
  values: number[],
  method: AggregationMethod,
  trimFraction: number,
): number | null {
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('values must be finite');
  if (values.length === 0) return null;
  if (method === 'MEAN') return round2(mean(values));
  if (!(trimFraction >= 0)) throw new RangeError(`trimFraction must be >= 0, got ${trimFraction}`);
  const drop = Math.floor(values.length * trimFraction);
  if (values.length - 2 * drop <= 0) return round2(median(values));
  const kept = [...values].sort((a, b) => a - b).slice(drop, values.length - drop);
  return round2(mean(kept));
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** One sheet per assessor and subject, the last one winning (a resubmission replaces the
 * earlier sheet); a unit's sheet about itself never counts. */
function effectiveSheets(peerSheets: readonly PeerSheet[]): PeerSheet[] {
  const byPair = new Map<string, PeerSheet>();
  for (const sheet of peerSheets) {
    if (sheet.assessorUnitId === sheet.subjectUnitId) continue;
    // Map keeps the first position of a key, so results follow the order sheets first came in.
    byPair.set(pairKey(sheet.assessorUnitId, sheet.subjectUnitId), sheet);
  }
  return [...byPair.values()];
}

/**
 * Final ranking: selfWeight × self-assessment + peerWeight × aggregated peer totals. A missing
 * part counts as 0, so a unit that did not assess itself is not rewarded for it. Ties share a
 * rank (1, 2, 2, 4) and keep `unitIds` order.
 */
export function rankUnits(
  unitIds: string[],
  selfTotals: Record<string, number>,
  peerSheets: PeerSheet[],
  scoring: RuleSetContent['scoring'],
): RankingRow[] {
  assertUnique(unitIds, 'unit id');
  const sheets = effectiveSheets(peerSheets);
  const rows = unitIds.map((unitId): Omit<RankingRow, 'rank'> => {
    const selfScore = Object.hasOwn(selfTotals, unitId) ? selfTotals[unitId] : null;
    if (selfScore !== null && !Number.isFinite(selfScore)) {
      throw new RangeError(`self total of ${unitId} is not a finite number`);
    }
    const peerTotals = sheets.filter((s) => s.subjectUnitId === unitId).map((s) => s.total);
    const peerScore = aggregate(peerTotals, scoring.aggregation, scoring.trimFraction);
    const finalScore = round2(
      scoring.selfWeight * (selfScore ?? 0) + scoring.peerWeight * (peerScore ?? 0),
    );
    return { unitId, selfScore, peerScore, peerCount: peerTotals.length, finalScore };
  });

  // Array.prototype.sort is stable, so equal scores keep unitIds order.
  const ordered = [...rows].sort((a, b) => b.finalScore - a.finalScore);
  return ordered.map((row) => ({
    ...row,
    rank: 1 + ordered.filter((other) => other.finalScore > row.finalScore).length,
  }));
}

/**
 * Peer sheets far from what the other assessors of the same unit gave, for the cluster head to
 * look at. A sheet is compared with the median of the others (not with a mean that includes
 * itself), and only when at least two others exist, since one other sheet is no consensus.
 */
export function divergentSheets(peerSheets: PeerSheet[], threshold: number): DivergentSheet[] {
  const sheets = effectiveSheets(peerSheets);
  const flagged: DivergentSheet[] = [];
  for (const sheet of sheets) {
    const others = sheets
      .filter((s) => s !== sheet && s.subjectUnitId === sheet.subjectUnitId)
      .map((s) => s.total);
    if (others.length < 2) continue;
    const othersMedian = round2(median(others));
    // Rounding first keeps float noise (80.1 − 65.1 = 15.000000000000009) from tipping the test.
    const deviation = round2(sheet.total - othersMedian);
    if (Math.abs(deviation) > threshold) flagged.push({ ...sheet, othersMedian, deviation });
  }
  return flagged;
}
