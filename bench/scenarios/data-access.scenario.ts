import { ReminderRepository } from '@epw/data-access';
import type { BenchContext } from '../harness/context';
import { closedLoop } from '../harness/load';
import { type Sample, type ScenarioResult, compare, throughputOf } from '../harness/result';
import { check } from './scenario-helpers';
import { captureLocalSql } from './sql-capture';

/** One at a time: Prisma batches concurrent findUnique calls into one query, which would hide
 * the per-query cost this diagnostic is after. */
const CONCURRENCY = 1;

/**
 * Diagnostic (no target): what one small query costs through the product's data access
 * (ReminderRepository.findDeadline: Prisma 6.19, `engineType = "client"`: the WASM query compiler
 * and the JS interpreter on the main thread, no query-plan cache) against pg running the SQL it
 * sends. Every delivered reminder and every activity runs several such queries.
 */
export async function dataAccessScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const n = ctx.opts.quick ? 500 : 3000;
  const { sys } = ctx;
  const repo = sys.worker.get(ReminderRepository);
  const row = await sys.prisma.deadline.findFirst({ select: { id: true } });
  check(row !== null, 'no Deadline row to read (run a reminder scenario first)');
  const [statement] = await captureLocalSql(async () => {
    await repo.findDeadline(row.id);
  }, /"Deadline"/);
  check(statement !== undefined, 'no SQL captured for findDeadline');

  const run = (read: () => Promise<unknown>) => (): Promise<Sample> =>
    ctx.measure(async () => {
      const load = await closedLoop(n, CONCURRENCY, async () => {
        check((await read()) !== null, 'the row was not found');
      });
      check(load.errors.length === 0, `reads failed: ${load.errors.slice(0, 3).join('; ')}`);
      return { ops: n, latencies: load.latencies, wallMs: load.wallMs };
    });
  const raw = run(
    async () =>
      (await ctx.pg.query<Record<string, unknown>>(statement.text, statement.values)).rows[0] ??
      null,
  );
  const prisma = run(() => repo.findDeadline(row.id));
  await raw();
  await prisma();
  const runs = await ctx.alternate('data access', raw, prisma);
  const c = compare(runs.baseline, runs.product, throughputOf);
  const cpuP = c.product.cpuMsPerOp.bench;
  const cpuB = c.baseline.cpuMsPerOp.bench;
  return {
    key: 'data-access',
    title: 'data access (diagnostic)',
    productPath:
      'ReminderRepository.findDeadline(id): Prisma 6.19 client engine (WASM query compiler + JS interpreter on the main thread, no plan cache), @prisma/adapter-pg',
    baselinePath: 'pg (pool of 10) running the SQL Prisma sends for it, captured at the driver',
    size: `${n} reads by primary key per run, ${CONCURRENCY} in flight`,
    headline: { metric: 'throughput, queries/s', baseline: c.b, product: c.p, ratio: c.ratio },
    baseline: c.baseline,
    product: c.product,
    targets: [
      {
        target: '(diagnostic) CPU per query in the bench process',
        measured: `Prisma ${cpuP.toFixed(2)} ms vs pg ${cpuB.toFixed(2)} ms (${(cpuP / cpuB).toFixed(1)}×)`,
        met: true,
      },
    ],
    notes: [`SQL: \`${statement.text.slice(0, 200)}${statement.text.length > 200 ? '…' : ''}\``],
  };
}
