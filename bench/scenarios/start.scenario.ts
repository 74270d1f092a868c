import type { BenchContext } from '../harness/context';
import { closedLoop } from '../harness/load';
import { type ScenarioResult, compare, throughputOf } from '../harness/result';
import { BASELINE_TASK_QUEUE } from '../baseline/baseline.messages';
import { awaitCount, check, errorKinds } from './scenario-helpers';

const CONCURRENCY = 16;

/**
 * Start: a user submits a nomination (POST /nominations: validation, rules, the row and its
 * dossier in one transaction, the workflow start) until its workflow has recorded its first step
 * (openNominationStep: the SLA, audited). Raw baseline: `client.workflow.start` of a workflow with
 * one no-op activity, on a worker of its own. Latency: from sending to the first activity's end.
 */
export async function startScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const n = ctx.opts.quick ? 40 : 300;
  const { sys, world, baseline } = ctx;

  const baselineRun = async (tag: string, n: number) => {
    const ids = Array.from({ length: n }, (_, i) => `bench-start-${world.suffix}-${tag}-${i}`);
    const sent = new Map<string, number>();
    return ctx.measure(async () => {
      const t0 = Date.now();
      const load = await closedLoop(n, CONCURRENCY, async (i) => {
        sent.set(ids[i], Date.now());
        await sys.temporal.workflow.start('baselineStartWorkflow', {
          workflowId: ids[i],
          taskQueue: BASELINE_TASK_QUEUE,
          args: [],
        });
      });
      check(
        load.errors.length === 0,
        `baseline starts failed: ${load.errors.slice(0, 3).join('; ')}`,
      );
      await awaitCount('baseline first activities', n, () =>
        Promise.resolve(ids.filter((id) => baseline.marks.has(id)).length),
      );
      const done = ids.map((id) => baseline.marks.get(id) as number);
      return {
        ops: n,
        latencies: ids.map((id, i) => done[i] - (sent.get(id) as number)),
        wallMs: Math.max(...done) - t0,
      };
    });
  };
  const productRun = async (n: number) => {
    const people = await world.takePeople(n);
    const sent = new Map<string, number>();
    const ids: string[] = [];
    const signers = new Map<string, string>();
    const sample = await ctx.measure(async () => {
      const t0 = Date.now();
      const load = await closedLoop(n, CONCURRENCY, async (i) => {
        const at = Date.now();
        const { id } = await world.nominate(people[i], 'LDTT', world.startCycleId);
        sent.set(id, at);
        ids.push(id);
        signers.set(id, people[i].unit.signer);
      });
      // A failed request (refused, or timed out under load) counts against the run, not in it.
      failures.push(...load.errors);
      check(ids.length > 0, `every nomination failed: ${errorKinds(load.errors)}`);
      await awaitCount('nominations at their first step', ids.length, () =>
        sys.prisma.auditLog.count({
          where: { action: 'nomination.step-opened', entityId: { in: ids } },
        }),
      );
      const opened = await sys.prisma.auditLog.findMany({
        where: { action: 'nomination.step-opened', entityId: { in: ids } },
        select: { entityId: true, occurredAt: true },
      });
      const done = opened.map((o) => o.occurredAt.getTime());
      return {
        ops: ids.length,
        latencies: opened.map((o) => o.occurredAt.getTime() - (sent.get(o.entityId) as number)),
        wallMs: Math.max(...done) - t0,
        extra: { 'failed requests': load.errors.length },
      };
    });
    // Every nomination reached its first step, with its SLA, exactly once.
    const rows = await sys.prisma.nomination.findMany({
      where: { id: { in: ids } },
      select: { id: true, status: true, currentStepKey: true, stepDueAt: true },
    });
    check(rows.length === ids.length, `${rows.length} of ${ids.length} nominations stored`);
    const bad = rows.filter(
      (r) => r.status !== 'IN_REVIEW' || r.currentStepKey !== 'unit-head' || !r.stepDueAt,
    );
    check(bad.length === 0, `${bad.length} nominations not at unit-head with an SLA`);
    ctx.shared.freshNominations.push(
      ...ids.map((id) => ({ id, signer: signers.get(id) as string })),
    );
    return sample;
  };
  const failures: string[] = [];
  // Warm-up (not measured): worker caches, workflow sandboxes, connection pools, JIT.
  await baselineRun('warmup', 10);
  await productRun(10);
  failures.length = 0;
  const runs = await ctx.alternate(
    'start',
    (iter) => baselineRun(String(iter), n),
    () => productRun(n),
  );
  const c = compare(runs.baseline, runs.product, throughputOf);
  ctx.shared.startRate = c.p;
  ctx.shared.baselineStartRate = c.b;
  return {
    key: 'start',
    title: 'start',
    productPath:
      'HTTP POST /nominations (LDTT, 2 dossier files; rules, quota lock, row + dossier in one transaction) → workflow start → first activity (openNominationStep: SLA recorded with its audit entry) done',
    baselinePath:
      '`client.workflow.start` of a workflow with one no-op activity (own bundle, worker and task queue)',
    size: `${n} starts per run, ${CONCURRENCY} in flight`,
    headline: { metric: 'throughput, starts/s', baseline: c.b, product: c.p, ratio: c.ratio },
    baseline: c.baseline,
    product: c.product,
    targets: [
      {
        target: '≥ 0.75× baseline throughput',
        measured: `${c.ratio.toFixed(2)}× (${c.p.toFixed(1)} vs ${c.b.toFixed(1)} starts/s)`,
        met: c.ratio >= 0.75,
      },
      {
        target: 'every nomination accepted (201)',
        measured:
          failures.length === 0
            ? `all ${n * ctx.opts.pairs}`
            : `${failures.length} of ${n * ctx.opts.pairs} failed: ${errorKinds(failures)}`,
        met: failures.length === 0,
      },
    ],
    notes: [
      'Latency = from sending the request (or the start call) to the end of the first activity.',
      'Measured until the last first-activity end; the workflow goes on afterwards (scheduleDeadline: the Deadline row and 2 delayed reminder jobs), and that work overlaps the measured interval.',
    ],
  };
}
