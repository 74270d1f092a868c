import type { CycleOutcome } from '../api/types';

/** A ranking means something once a score exists: before any sheet, every unit is "first with 0". */
export function rankingHasScores(ranking: CycleOutcome['ranking']): boolean {
  return ranking.some((r) => r.selfScore !== null || r.peerCount > 0 || r.finalScore !== 0);
}

/** What a cycle's outcome actually holds. A vote nobody cast has no result and no minutes; an
 * election nobody voted in elected no one (unless the rotation carried over). */
export function meaningfulOutcome(o: CycleOutcome): {
  ranking: boolean;
  vote: boolean;
  election: boolean;
  any: boolean;
} {
  const ranking = rankingHasScores(o.ranking);
  const vote = !!o.vote && o.vote.ballotsCast > 0;
  const election =
    !!o.electedHeadUnitId ||
    (!!o.election?.tally && o.election.tally.ballotsCast > 0) ||
    !!o.election?.carriedOver;
  return { ranking, vote, election, any: ranking || vote || election || o.divergent.length > 0 };
}
