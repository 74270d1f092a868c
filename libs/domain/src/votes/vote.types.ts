/** Ballots and tallies of the cluster vote (bình xét) and of the head/deputy election. */
export interface VoteBallot {
  voterUnitId: string;
  /** Candidates this member approves (at most `acclaimCount`). */
  approve: string[];
  written: boolean;
}

export interface VoteResultRow {
  candidateUnitId: string;
  votes: number;
  /** votes / number of eligible members, 0..1 */
  share: number;
  passed: boolean;
}

export interface VoteTally {
  eligibleCount: number;
  ballotsCast: number;
  writtenBallots: number;
  results: VoteResultRow[];
  acclaimed: string[];
}

export interface ElectionBallot {
  voterUnitId: string;
  headUnitId: string;
  deputyUnitId: string;
}

export interface ElectionTally {
  headUnitId: string;
  deputyUnitId: string;
  headVotes: Record<string, number>;
  deputyVotes: Record<string, number>;
  ballotsCast: number;
}
