import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@epw/data-access';
import type { AuthorityAccounts, FixtureCluster } from '@epw/testing';
import type { ActionRecord, ChaosHttp } from './chaos-client';
import type { ChaosSystem } from './chaos-system';
import type { FaultGate } from './fault-gate';
import type { TrialPlan } from './trial-plan';

/** What every trial shares: the isolated system, clients, the fixture and the fault gate. */
export interface ChaosContext {
  sys: ChaosSystem;
  http: ChaosHttp;
  prisma: PrismaClient;
  temporal: Client;
  gate: FaultGate;
  cluster: FixtureCluster;
  /** The deciding authority of the scenario's award form (KNC-DV: Ban Dân vận Trung ương). */
  authority: AuthorityAccounts;
  userIds: Map<string, string>;
  /** Distinguishes this run's business keys (decision numbers, idempotency keys). */
  runTag: string;
  queueLockMs: number;
  log: (line: string) => void;
}

export interface Violation {
  trial: number;
  invariant: string;
  detail: string;
}

/** One trial as it ran: its plan, what it created, what the client saw, how it ended. */
export interface TrialRun {
  plan: TrialPlan;
  /** The nomination id, or the signing round id. */
  subjectId: string | null;
  /** Workflows the trial ran (their histories are replayed). */
  workflowIds: string[];
  decisionId: string | null;
  decisionNumber: string;
  /** The nomination's final status in PostgreSQL (or why the trial stopped early). */
  outcome: string;
  actions: ActionRecord[];
  /** Found while running (a step never reached, an idle deadline that never fired). */
  problems: Violation[];
  notes: string[];
  startedAt: number;
  finishedAt: number;
  checkMs: number;
}

/** Retries a harness-side read or write through a PostgreSQL restart, within a bound. */
export async function retryInfra<T>(fn: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let backoff = 100; ; backoff = Math.min(backoff * 2, 2000)) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, backoff));
    }
  }
}

/** Waits for a teardown step, but not forever: says so and moves on if it does not settle. */
export async function bounded(
  what: string,
  step: Promise<unknown> | undefined,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const result = await Promise.race([step?.catch(() => undefined), timeout]);
    if (result === 'timeout') log(`${what} did not finish in ${timeoutMs} ms; going on`);
  } finally {
    clearTimeout(timer);
  }
}
