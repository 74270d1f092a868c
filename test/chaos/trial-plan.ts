import fc from 'fast-check';

export const FAULT_KINDS = [
  'worker-kill',
  'api-kill',
  'temporal-restart',
  'redis-restart',
  'redis-flush',
  'postgres-restart',
  'worker-pause',
  'duplicates',
  'reorder',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export type Scenario = 'nomination' | 'signing';
export const COUNCIL_SIZE = 5;
export const CLUSTER_SIZE = 12;

/** Each scenario's actions, in order: where a fault can strike. */
export const POINTS: Record<Scenario, readonly string[]> = {
  nomination: [
    'create',
    'unit-head',
    'appraisal',
    ...Array.from({ length: COUNCIL_SIZE }, (_, k) => `ballot-${k + 1}`),
    'decision',
    'issue',
  ],
  signing: [
    'open',
    ...Array.from({ length: CLUSTER_SIZE }, (_, k) => `sign-${k + 1}`),
    'countersign',
  ],
};

/** Units that sign only after the deadline passed, in the signing round's idle variant. */
export const LATE_SIGNERS = 2;

export interface TrialPlan {
  index: number;
  /** A nomination from dossier to certificate, or a cluster's pledge-signing round. */
  scenario: Scenario;
  fault: FaultKind;
  /** Index in POINTS[scenario] of the action the fault strikes at. */
  point: number;
  /** Milliseconds after that action was sent (process faults). */
  delayMs: number;
  /** api-kill: kill the API once Temporal accepted the Update (else after delayMs). */
  onAccept: boolean;
  /** Temporal and Redis restarts: crash (SIGKILL) or stop (SIGTERM). */
  signal: 'SIGKILL' | 'SIGTERM';
  /** Nomination: the proposing unit of the fixture cluster (0-11). */
  unit: number;
  /** Nomination: order in which the five council members vote. */
  ballotOrder: number[];
  /** Nomination: a member who votes no (4 of 5 is the 80% threshold: still passes). */
  nay: number | null;
  /** Nomination: a member whose ballot another member records in writing (absent member). */
  written: number | null;
  /** Signing round: order in which the twelve member units sign. */
  signOrder: number[];
  /**
   * Leave a deadline to pass: the unit head's (reminders, escalation), the council's (four ballots,
   * the fifth right at the vote's deadline), or the signing round's (the last units sign late).
   */
  idle: 'none' | 'unit-head' | 'council' | 'late';
  /** With an idle deadline: strike during the wait instead of at `point`. */
  duringIdle: boolean;
}

const params = fc.noBias(
  fc.record(
    {
      signingRoll: fc.integer({ min: 0, max: 99 }),
      pointRaw: fc.integer({ min: 0, max: 1_000_000 }),
      delayMs: fc.integer({ min: 0, max: 400 }),
      onAccept: fc.boolean(),
      signal: fc.constantFrom('SIGKILL' as const, 'SIGTERM' as const),
      unit: fc.integer({ min: 0, max: CLUSTER_SIZE - 1 }),
      ballotOrder: fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }),
      nay: fc.option(fc.integer({ min: 0, max: COUNCIL_SIZE - 1 }), { freq: 2 }),
      written: fc.option(fc.integer({ min: 0, max: COUNCIL_SIZE - 1 }), { freq: 2 }),
      signOrder: fc.shuffledSubarray(
        Array.from({ length: CLUSTER_SIZE }, (_, i) => i),
        { minLength: CLUSTER_SIZE, maxLength: CLUSTER_SIZE },
      ),
      idleRoll: fc.integer({ min: 0, max: 99 }),
      duringIdle: fc.boolean(),
    },
    { noNullPrototype: true },
  ),
);

/**
 * The trials of a run, from its seed (fast-check's generator: the same seed gives the same plans).
 * Fault kinds come round-robin in a seeded order, so every kind gets its share of a short run;
 * a quarter of the trials are signing rounds, the rest nominations.
 */
export function planTrials(
  seed: number,
  trials: number,
  kinds: readonly FaultKind[] = FAULT_KINDS,
): TrialPlan[] {
  const blocks = Math.ceil(trials / kinds.length);
  const orders = fc.sample(
    fc.shuffledSubarray([...kinds], { minLength: kinds.length, maxLength: kinds.length }),
    { seed, numRuns: blocks },
  );
  const raw = fc.sample(params, { seed: seed ^ 0x5eed, numRuns: trials });
  return raw.map((p, index) => {
    const fault = orders[Math.floor(index / kinds.length)][index % kinds.length];
    const scenario: Scenario = p.signingRoll < 25 ? 'signing' : 'nomination';
    const idle: TrialPlan['idle'] =
      scenario === 'signing'
        ? p.idleRoll < 30
          ? 'late'
          : 'none'
        : p.idleRoll < 20
          ? 'unit-head'
          : p.idleRoll < 30
            ? 'council'
            : 'none';
    const last = POINTS[scenario].length - 1;
    // A reorder needs a next action in order (a decision is only drafted after the vote; with the
    // council left to its deadline, the fifth ballot comes at the deadline, not next; the first
    // late signature comes after the round went overdue, so the last on-time one is not reordered).
    const lastOnTime = CLUSTER_SIZE - LATE_SIGNERS;
    const points = POINTS[scenario]
      .map((_, i) => i)
      .filter((i) =>
        scenario === 'signing'
          ? !(fault === 'reorder' && (i === last || (idle === 'late' && i === lastOnTime)))
          : !(fault === 'reorder' && (i > 7 || (idle === 'council' && i >= 6))),
      );
    return {
      index,
      scenario,
      fault,
      point: points[p.pointRaw % points.length],
      delayMs: p.delayMs,
      onAccept: p.onAccept,
      signal: p.signal,
      unit: p.unit,
      ballotOrder: p.ballotOrder,
      nay: idle === 'council' ? null : p.nay,
      written: p.written,
      signOrder: p.signOrder,
      idle,
      duringIdle: idle !== 'none' && p.duringIdle && fault !== 'duplicates' && fault !== 'reorder',
    };
  });
}
