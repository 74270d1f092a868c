import { type CalendarDate, isCalendarDate } from '../calendar/vietnam-time';
import { assertUnique, roundTo } from '../cycle/numeric';
import type { RuleSetContent } from '../cycle/rule-set.types';
import type {
  ElectionBallot,
  ElectionTally,
  VoteBallot,
  VoteResultRow,
  VoteTally,
} from './vote.types';

/** One ballot per member: a member may change its vote until the count, so the last ballot
 * replaces earlier ones. Ballots from non-members are not counted at all. */
function lastBallotPerVoter<B extends { voterUnitId: string }>(
  eligibleUnitIds: readonly string[],
  ballots: readonly B[],
): B[] {
  const eligible = new Set(eligibleUnitIds);
  const byVoter = new Map<string, B>();
  for (const ballot of ballots) {
    if (eligible.has(ballot.voterUnitId)) byVoter.set(ballot.voterUnitId, ballot);
  }
  return [...byVoter.values()];
}

/**
 * Counts the acclaim vote (biểu quyết suy tôn). A candidate passes with approvals from
 * `thresholdPercent` of ALL eligible members: absent members count against, as the cluster's
 * regulations require a share of the membership, not of the ballots cast.
 */
export function tallyVote(
  eligibleUnitIds: string[],
  candidates: string[],
  ballots: VoteBallot[],
  rules: RuleSetContent['vote'],
): VoteTally {
  assertUnique(eligibleUnitIds, 'eligible unit');
  assertUnique(candidates, 'candidate');
  if (eligibleUnitIds.length === 0) throw new RangeError('a vote needs eligible members');
  if (!Number.isInteger(rules.acclaimCount) || rules.acclaimCount < 1) {
    throw new RangeError(`acclaimCount must be an integer >= 1, got ${rules.acclaimCount}`);
  }
  const eligibleCount = eligibleUnitIds.length;
  const isCandidate = new Set(candidates);
  const votes = new Map(candidates.map((c) => [c, 0]));

  const counted = lastBallotPerVoter(eligibleUnitIds, ballots);
  for (const ballot of counted) {
    // Invalid marks are dropped rather than voiding the whole ballot, and an over-filled ballot
    // keeps its first choices up to the number of units that may be acclaimed.
    const approved = [...new Set(ballot.approve)]
      .filter((c) => isCandidate.has(c))
      .slice(0, rules.acclaimCount);
    for (const c of approved) votes.set(c, (votes.get(c) ?? 0) + 1);
  }

  const results: VoteResultRow[] = candidates
    .map((candidateUnitId) => {
      const v = votes.get(candidateUnitId) ?? 0;
      return {
        candidateUnitId,
        votes: v,
        share: v / eligibleCount,
        // Integer comparison: 6 × 100 >= 50 × 12 holds exactly, where 6 / 12 × 100 might not.
        passed: v * 100 >= rules.thresholdPercent * eligibleCount,
      };
    })
    .sort((a, b) => b.votes - a.votes);

  return {
    eligibleCount,
    ballotsCast: counted.length,
    writtenBallots: counted.filter((b) => b.written).length,
    results,
    acclaimed: results
      .filter((r) => r.passed)
      .slice(0, rules.acclaimCount)
      .map((r) => r.candidateUnitId),
  };
}

/** The candidate with most votes; ties go to the earlier candidate (the better-ranked unit). */
function mostVoted(candidates: readonly string[], votes: Record<string, number>): string {
  let best = candidates[0];
  for (const c of candidates) if ((votes[c] ?? 0) > (votes[best] ?? 0)) best = c;
  return best;
}

/**
 * Elects the next cluster head (cụm trưởng) and deputy (cụm phó). Candidates come in ranking order,
 * which settles ties and, when nobody voted, rotation falls to the two best-ranked units.
 */
export function tallyElection(
  eligibleUnitIds: string[],
  candidates: string[],
  ballots: ElectionBallot[],
): ElectionTally {
  assertUnique(eligibleUnitIds, 'eligible unit');
  assertUnique(candidates, 'candidate');
  if (candidates.length < 2) throw new RangeError('an election needs at least 2 candidates');

  const headVotes: Record<string, number> = Object.fromEntries(candidates.map((c) => [c, 0]));
  const deputyVotes: Record<string, number> = Object.fromEntries(candidates.map((c) => [c, 0]));
  const counted = lastBallotPerVoter(eligibleUnitIds, ballots);
  for (const ballot of counted) {
    if (Object.hasOwn(headVotes, ballot.headUnitId)) {
      headVotes[ballot.headUnitId] = (headVotes[ballot.headUnitId] ?? 0) + 1;
    }
    if (Object.hasOwn(deputyVotes, ballot.deputyUnitId)) {
      deputyVotes[ballot.deputyUnitId] = (deputyVotes[ballot.deputyUnitId] ?? 0) + 1;
    }
  }

  const headUnitId = mostVoted(candidates, headVotes);
  const deputyUnitId = mostVoted(
    candidates.filter((c) => c !== headUnitId),
    deputyVotes,
  );
  return { headUnitId, deputyUnitId, headVotes, deputyVotes, ballotsCast: counted.length };
}

/** Vietnamese number style: decimal comma. */
function viNumber(value: number, fractionDigits: number): string {
  return roundTo(value, fractionDigits).toFixed(fractionDigits).replace('.', ',');
}

/** A threshold is written as people say it: "50%", "66,67%". */
function viPercentPlain(value: number): string {
  return String(roundTo(value, 2)).replace('.', ',');
}

function viDate(date: CalendarDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** The vote-counting minutes (biên bản kiểm phiếu), as plain text for the record and the PDF. */
export function ballotMinutes(input: {
  clusterName: string;
  periodLabel: string;
  heldOn: CalendarDate;
  tally: VoteTally;
  unitNames: Record<string, string>;
  thresholdPercent: number;
}): string {
  const { clusterName, periodLabel, heldOn, tally, unitNames, thresholdPercent } = input;
  if (!isCalendarDate(heldOn)) throw new RangeError(`not a calendar date: ${heldOn}`);
  const nameOf = (unitId: string): string =>
    Object.hasOwn(unitNames, unitId) ? unitNames[unitId] : unitId;

  const lines = [
    'BIÊN BẢN KIỂM PHIẾU',
    'Biểu quyết suy tôn đơn vị dẫn đầu phong trào thi đua',
    '',
    `Cụm thi đua: ${clusterName}`,
    `Kỳ thi đua: ${periodLabel}`,
    `Ngày kiểm phiếu: ${viDate(heldOn)}`,
    '',
    `Tổng số thành viên có quyền biểu quyết: ${tally.eligibleCount}`,
    `Số phiếu thu về: ${tally.ballotsCast} (trong đó biểu quyết bằng văn bản: ${tally.writtenBallots})`,
    `Tỷ lệ phiếu đồng ý cần đạt: ${viPercentPlain(thresholdPercent)}% tổng số thành viên`,
    '',
    'Kết quả:',
    ...tally.results.map(
      (row, i) =>
        `${i + 1}. ${nameOf(row.candidateUnitId)}: ${row.votes}/${tally.eligibleCount} phiếu đồng ý, ` +
        `đạt ${viNumber(row.share * 100, 1)}% tổng số thành viên (${row.passed ? 'đạt' : 'không đạt'})`,
    ),
    '',
    tally.acclaimed.length > 0
      ? `Suy tôn: ${tally.acclaimed.map(nameOf).join(', ')}.`
      : 'Không có đơn vị đạt tỷ lệ phiếu quy định.',
  ];
  return lines.join('\n');
}
