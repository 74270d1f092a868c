import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { Client } from '@temporalio/client';
import { PrismaClient } from '@epw/data-access';
import {
  DEMO_PASSWORD,
  createFixtureCluster,
  ensureCommendationSetup,
  type FixtureCluster,
} from '@epw/testing';
import { ChaosHttp } from './chaos-client';
import {
  bounded,
  retryInfra,
  type ChaosContext,
  type TrialRun,
  type Violation,
} from './chaos-context';
import {
  CHAOS_DATA_CONVERTER,
  ChaosSystem,
  DEFAULT_PORTS,
  ROOT,
  type ChaosPorts,
  type UnexpectedExit,
} from './chaos-system';
import { FaultGate } from './fault-gate';
import { checkTrial } from './invariants';
import { FORM_CODE, runNominationTrial } from './nomination-trial';
import { runSigningTrial } from './signing-trial';
import { FAULT_KINDS, POINTS, planTrials, type FaultKind } from './trial-plan';

export interface ChaosOptions {
  seed: number;
  trials: number;
  /** Trials running side by side (each meets the others' faults too). */
  lanes: number;
  /** Only these fault kinds (default: all, round-robin). */
  faults?: readonly FaultKind[];
  /** Only these trials of the seeded plan (to replay one trial of a run). */
  only?: number[];
  dataDir?: string;
  /** Added to every default port, so two harnesses (e.g. npm test and npm run chaos) can coexist. */
  portOffset?: number;
  queueLockMs?: number;
  reconcileMs?: number;
  log?: (line: string) => void;
}

export interface TrialSummary {
  index: number;
  scenario: string;
  fault: string;
  point: string;
  idle: string;
  duringIdle: boolean;
  signal: string;
  outcome: string;
  durationMs: number;
  /** Time to check the trial's invariants (including the replay). */
  checkMs: number;
  acked: number;
  refused: number;
  unanswered: number;
  /** Acknowledged only after one or more unanswered attempts (retried with the same key). */
  ackedAfterRetry: number;
  violations: number;
  notes: string[];
  /** `<label> <status> +<sent, s into the trial> <took, s>[ ×attempts]`, in the order sent. */
  actions: string[];
}

export interface ChaosReport {
  seed: number;
  /** Trials run (the plan's, or the ones picked with `only`). */
  trials: number;
  plannedTrials: number;
  lanes: number;
  formCode: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  setupMs: number;
  system: { ports: ChaosPorts; queueLockMs: number; reconcileMs: number };
  totals: {
    violations: number;
    faults: Record<string, number>;
    scenarios: Record<string, number>;
    outcomes: Record<string, number>;
    idle: Record<string, number>;
    faultWindows: number;
    faultDowntimeMs: number;
    acked: number;
    refused: number;
    unanswered: number;
    ackedAfterRetry: number;
  };
  violations: Violation[];
  /** App processes that ended on their own and were restarted (known crashes say which). */
  unexpectedExits: UnexpectedExit[];
  trialResults: TrialSummary[];
}

/**
 * Starts an isolated system, runs the seeded trials (lanes of them side by side, one fault each),
 * checks every trial's invariants and then the global ones, tears everything down.
 */
export async function runChaos(opts: ChaosOptions): Promise<ChaosReport> {
  const t0 = Date.now();
  const log = opts.log ?? ((line: string) => console.log(line));
  const offset = opts.portOffset ?? 0;
  const ports = Object.fromEntries(
    Object.entries(DEFAULT_PORTS).map(([k, v]) => [k, v + offset]),
  ) as unknown as ChaosPorts;
  const queueLockMs = opts.queueLockMs ?? 4000;
  const reconcileMs = opts.reconcileMs ?? 1000;
  log(
    `chaos: seed ${opts.seed}, ${opts.trials} trials in ${opts.lanes} lanes ` +
      `(reproduce: npm run chaos -- --seed ${opts.seed} --trials ${opts.trials} --lanes ${opts.lanes})`,
  );
  const plans = planTrials(opts.seed, opts.trials, opts.faults ?? FAULT_KINDS).filter(
    (p) => !opts.only || opts.only.includes(p.index),
  );
  const sys = await ChaosSystem.start({
    dataDir: opts.dataDir ?? path.join(ROOT, '.data', 'chaos'),
    ports,
    queueLockMs,
    reconcileMs,
    log: (line) => log(`  ${line}`),
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: sys.databaseUrl }) });
  const gate = new FaultGate();
  const violations: Violation[] = [];
  const runs: { run: TrialRun; violations: Violation[] }[] = [];
  let setupMs = 0;
  try {
    const runTag = opts.seed.toString(36).toUpperCase();
    const cluster: FixtureCluster = await createFixtureCluster(prisma, runTag, [2026]);
    const authorities = await ensureCommendationSetup(prisma);
    const users = await prisma.user.findMany({ select: { id: true, username: true } });
    const ctx: ChaosContext = {
      sys,
      http: new ChaosHttp(sys.apiUrl, DEMO_PASSWORD),
      prisma,
      temporal: new Client({
        connection: sys.temporalClient,
        namespace: 'default',
        dataConverter: CHAOS_DATA_CONVERTER,
      }),
      gate,
      cluster,
      authority: authorities['BDV-TW'],
      userIds: new Map(users.map((u) => [u.username, u.id])),
      runTag,
      queueLockMs,
      log,
    };
    setupMs = Date.now() - t0;
    log(`  system and fixtures ready in ${(setupMs / 1000).toFixed(1)} s`);

    const queue = [...plans];
    let finished = 0;
    const lanes = await Promise.allSettled(
      Array.from({ length: opts.lanes }, async () => {
        for (let plan = queue.shift(); plan; plan = queue.shift()) {
          // A trial reports what went wrong as violations; it only throws on a harness bug.
          const run =
            plan.scenario === 'signing'
              ? await runSigningTrial(ctx, plan)
              : await runNominationTrial(ctx, plan);
          const checkStart = Date.now();
          const found = await ctx.gate.shared(() =>
            checkTrial(ctx, run).catch((err: Error) => [
              ...run.problems,
              { trial: plan.index, invariant: 'checker', detail: err.message },
            ]),
          );
          run.checkMs = Date.now() - checkStart;
          runs.push({ run, violations: found });
          violations.push(...found);
          finished += 1;
          const where = plan.duringIdle ? `idle ${plan.idle}` : POINTS[plan.scenario][plan.point];
          log(
            `  [${String(finished).padStart(3)}/${plans.length}] trial ${plan.index} ${plan.scenario} ${plan.fault} @ ${where}` +
              `${plan.idle !== 'none' ? ` (idle ${plan.idle})` : ''} → ${run.outcome} in ` +
              `${((run.finishedAt - run.startedAt) / 1000).toFixed(1)} s (checked in ${(run.checkMs / 1000).toFixed(1)} s)` +
              (found.length
                ? `  ✗ ${found.map((v) => `${v.invariant}: ${v.detail}`).join('; ')}`
                : '  ✓'),
          );
        }
      }),
    );
    for (const lane of lanes) {
      if (lane.status === 'rejected') {
        const err = lane.reason as Error;
        violations.push({ trial: -1, invariant: 'harness', detail: err.stack ?? err.message });
      }
    }
    violations.push(...(await globalChecks(ctx, cluster)));
    // A crash that is not a known third-party one is a bug of ours until shown otherwise.
    for (const exit of sys.unexpectedExits.filter((x) => x.known === null)) {
      violations.push({
        trial: -1,
        invariant: 'crash',
        detail: `${exit.name} exited on its own at ${exit.at} (code ${exit.code}, signal ${exit.signal}): ${exit.logTail.slice(-1500)}`,
      });
    }
    return report();
  } finally {
    // After a PostgreSQL restart the pool may wait forever for a client that was checked out
    // when the server went away: teardown must not.
    await bounded('closing the harness PostgreSQL client', prisma.$disconnect(), 10_000, log);
    await sys.stop();
  }

  function report(): ChaosReport {
    const tally = (values: string[]) =>
      values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
    const trialResults = runs
      .sort((a, b) => a.run.plan.index - b.run.plan.index)
      .map(({ run, violations: v }): TrialSummary => {
        const a = run.actions;
        return {
          index: run.plan.index,
          scenario: run.plan.scenario,
          fault: run.plan.fault,
          point: POINTS[run.plan.scenario][run.plan.point],
          idle: run.plan.idle,
          duringIdle: run.plan.duringIdle,
          signal: run.plan.signal,
          outcome: run.outcome,
          durationMs: run.finishedAt - run.startedAt,
          checkMs: run.checkMs,
          acked: a.filter((r) => r.outcome === 'acked').length,
          refused: a.filter((r) => r.outcome === 'refused').length,
          unanswered: a.filter((r) => r.outcome === 'no-answer').length,
          ackedAfterRetry: a.filter(
            (r) =>
              r.outcome === 'acked' &&
              r.attempts.some(
                (x) =>
                  x.status === 'no-answer' || (typeof x.status === 'number' && x.status >= 500),
              ),
          ).length,
          violations: v.length,
          notes: run.notes,
          actions: a.map(
            (r) =>
              `${r.label} ${r.status ?? 'none'}${r.code && r.outcome !== 'acked' ? ` ${r.code}` : ''} ` +
              `+${((r.sentAt - run.startedAt) / 1000).toFixed(1)}s ${((r.doneAt - r.sentAt) / 1000).toFixed(1)}s` +
              (r.attempts.length > 1 ? ` ×${r.attempts.length}` : ''),
          ),
        };
      });
    const sum = (k: 'acked' | 'refused' | 'unanswered' | 'ackedAfterRetry') =>
      trialResults.reduce((n, r) => n + r[k], 0);
    const finishedAt = Date.now();
    return {
      seed: opts.seed,
      trials: trialResults.length,
      plannedTrials: opts.trials,
      lanes: opts.lanes,
      formCode: FORM_CODE,
      startedAt: new Date(t0).toISOString(),
      finishedAt: new Date(finishedAt).toISOString(),
      durationMs: finishedAt - t0,
      setupMs,
      system: { ports, queueLockMs, reconcileMs },
      totals: {
        violations: violations.length,
        faults: tally(trialResults.map((r) => r.fault)),
        scenarios: tally(trialResults.map((r) => r.scenario)),
        outcomes: tally(trialResults.map((r) => r.outcome)),
        idle: tally(trialResults.map((r) => r.idle)),
        faultWindows: gate.windows.length,
        faultDowntimeMs: gate.windows.reduce((n, w) => n + (w.end - w.start), 0),
        acked: sum('acked'),
        refused: sum('refused'),
        unanswered: sum('unanswered'),
        ackedAfterRetry: sum('ackedAfterRetry'),
      },
      violations,
      unexpectedExits: sys.unexpectedExits,
      trialResults,
    };
  }
}

/** Across the whole run: no commendation twice, no deadline left behind, the audit chain intact. */
async function globalChecks(ctx: ChaosContext, cluster: FixtureCluster): Promise<Violation[]> {
  const out: Violation[] = [];
  const fail = (invariant: string, detail: string) => out.push({ trial: -1, invariant, detail });
  const { prisma } = ctx;
  const perNomination = await retryInfra(() =>
    prisma.award.groupBy({
      by: ['nominationId'],
      _count: { _all: true },
      where: { nominationId: { not: null } },
    }),
  );
  for (const g of perNomination) {
    if (g._count._all > 1)
      fail('no-double-award', `nomination ${g.nominationId}: ${g._count._all} awards`);
  }
  const perRecipient = await retryInfra(() =>
    prisma.award.groupBy({
      by: ['recipientKey', 'formCode', 'year'],
      _count: { _all: true },
      where: { revokedAt: null },
    }),
  );
  for (const g of perRecipient) {
    if (g._count._all > 1)
      fail('no-double-award', `${g.recipientKey} ${g.formCode} ${g.year}: ${g._count._all} awards`);
  }
  const finished = await retryInfra(() =>
    prisma.nomination.findMany({
      where: { status: { in: ['AWARDED', 'REJECTED', 'WITHDRAWN'] } },
      select: { workflowId: true },
    }),
  );
  const left = await retryInfra(() =>
    prisma.deadline.findMany({
      where: { status: 'ACTIVE', kind: { in: ['NOMINATION_STEP', 'PLEDGE_SIGNING'] } },
      select: { id: true, subjectId: true },
    }),
  );
  const effective = await retryInfra(() =>
    prisma.signingRound.findMany({ where: { status: 'EFFECTIVE' }, select: { id: true } }),
  );
  const done = new Set([...finished.map((n) => n.workflowId), ...effective.map((r) => r.id)]);
  for (const d of left) {
    const wf = d.subjectId.replace(/-\d+-r\d+$/, '');
    if (done.has(wf) || done.has(d.subjectId))
      fail('deadline-fires', `${d.id} still ACTIVE after its nomination or round finished`);
  }
  const audit = await ctx.http.get<{ ok: boolean; brokenAtId: string | null; checked: number }>(
    cluster.admin,
    '/audit/verify',
  );
  if (audit.status !== 200 || !audit.body.ok) {
    fail('audit-chain', `GET /audit/verify: ${audit.status} ${JSON.stringify(audit.body)}`);
  }
  return out;
}
