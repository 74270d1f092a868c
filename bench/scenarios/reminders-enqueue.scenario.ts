import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { deadlineIdOf, type DeadlineSpec } from '@epw/contracts';
import { startOfVietnamDay } from '@epw/domain';
import { QueuesService, ReminderScheduler, reminderJobId } from '@epw/notifications';
import type { BenchContext } from '../harness/context';
import { closedLoop } from '../harness/load';
import { type Sample, type ScenarioResult, compare, throughputOf } from '../harness/result';
import { check } from './scenario-helpers';

const UNITS = 10;
const OFFSETS = [10, 7, 3, 1];
const PER_DEADLINE = UNITS * OFFSETS.length;
const CONCURRENCY = 8;
/** Due 28/01/2027 on the real calendar: every reminder (10, 7, 3, 1 working days before, 08:00)
 * lies in the future, so every one becomes a delayed job. */
const DUE_ON = '2027-01-28';

/**
 * Reminders enqueue: the product's ReminderScheduler.schedule() per deadline (what the
 * scheduleDeadline activity runs: holidays, the Deadline row upserted in PostgreSQL, the plan on
 * the working-day calendar, one addBulk of delayed jobs whose ids are business keys). Each
 * deadline has 10 units and 4 offsets = 40 reminders. Raw baseline: bare BullMQ addBulk of the
 * same jobs (same ids, delays, batch size and concurrency) on a queue of its own.
 */
export async function remindersEnqueueScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const total = ctx.opts.quick ? 2000 : 10_000;
  const deadlines = total / PER_DEADLINE;
  const { sys, world } = ctx;
  const scheduler = sys.worker.get(ReminderScheduler);
  const queues = sys.worker.get(QueuesService);
  const units = world.cluster.units.slice(0, UNITS).map((u) => u.id);
  const dueAtMs = startOfVietnamDay(DUE_ON) + 24 * 3600_000 - 1;
  const clock = { periodStart: '2026-01-01', epochMs: startOfVietnamDay('2026-01-01'), scale: 1 };
  const redis = new Redis(ctx.env.redisUrl, { maxRetriesPerRequest: null });
  const raw = new Queue('bench-raw-reminders', { connection: redis, prefix: 'bench-raw' });

  const specsFor = (tag: string): DeadlineSpec[] =>
    Array.from({ length: deadlines }, (_, d) => {
      const subjectId = `bench-enqueue-${world.suffix}-${tag}-${d}`;
      return {
        deadlineId: deadlineIdOf('NOMINATION_STEP', subjectId),
        kind: 'NOMINATION_STEP',
        subjectId,
        cycleId: null,
        title: `Nhắc việc thử tải ${d}`,
        dueAt: new Date(dueAtMs).toISOString(),
        recipientUnitIds: units,
        escalateToUnitId: null,
        recipientRole: 'UNIT_SIGNER',
        offsetsWorkingDays: OFFSETS,
        clock,
      };
    });

  /** How many of these deadlines' reminder jobs exist in the product queue. */
  const existing = async (specs: DeadlineSpec[]): Promise<number> => {
    const pipe = redis.pipeline();
    for (const s of specs) {
      for (const unitId of s.recipientUnitIds) {
        for (const offset of OFFSETS) {
          pipe.exists(
            `${queues.prefix}:reminders:${reminderJobId(s.deadlineId, unitId, offset, dueAtMs)}`,
          );
        }
      }
    }
    const out = (await pipe.exec()) ?? [];
    return out.reduce((n, [, v]) => n + Number(v), 0);
  };

  const productRun = async (tag: string): Promise<Sample> => {
    const specs = specsFor(tag);
    const sample = await ctx.measure(async () => {
      const load = await closedLoop(deadlines, CONCURRENCY, (d) => scheduler.schedule(specs[d]));
      check(load.errors.length === 0, `schedule failed: ${load.errors.slice(0, 3).join('; ')}`);
      return {
        ops: total,
        latencies: load.latencies.map((l) => l / PER_DEADLINE),
        wallMs: load.wallMs,
      };
    });
    const found = await existing(specs);
    check(found === total, `${found} of ${total} reminder jobs in Redis`);
    // Dedup: scheduling the same deadlines again adds nothing.
    const before = await queues.reminders.getDelayedCount();
    await Promise.all(specs.slice(0, 10).map((s) => scheduler.schedule(s)));
    const after = await queues.reminders.getDelayedCount();
    check(after === before, `rescheduling added ${after - before} jobs`);
    await queues.reminders.drain(true);
    await sys.prisma.deadline.updateMany({
      where: { subjectId: { startsWith: `bench-enqueue-${world.suffix}-${tag}-` } },
      data: { status: 'CANCELLED' },
    });
    return sample;
  };

  const baselineRun = async (tag: string): Promise<Sample> => {
    const batches = specsFor(tag).map((s) =>
      s.recipientUnitIds.flatMap((unitId) =>
        OFFSETS.map((offset) => ({
          name: 'reminder',
          data: { deadlineId: s.deadlineId, offset, dueAtMs, unitId, kind: 'reminder' as const },
          opts: {
            jobId: reminderJobId(s.deadlineId, unitId, offset, dueAtMs),
            delay: dueAtMs - offset * 86_400_000 - Date.now(),
          },
        })),
      ),
    );
    const sample = await ctx.measure(async () => {
      const load = await closedLoop(batches.length, CONCURRENCY, async (d) => {
        await raw.addBulk(batches[d]);
      });
      check(load.errors.length === 0, `addBulk failed: ${load.errors.slice(0, 3).join('; ')}`);
      return {
        ops: total,
        latencies: load.latencies.map((l) => l / PER_DEADLINE),
        wallMs: load.wallMs,
      };
    });
    const count = await raw.getDelayedCount();
    check(count === total, `${count} of ${total} raw jobs in Redis`);
    await raw.obliterate({ force: true });
    return sample;
  };

  try {
    await baselineRun('warmup');
    await productRun('warmup');
    const runs = await ctx.alternate(
      'reminders enqueue',
      (i) => baselineRun(`b${i}`),
      (i) => productRun(`p${i}`),
    );
    const c = compare(runs.baseline, runs.product, throughputOf);
    const worst = Math.max(...runs.product.map((s) => s.wallMs)) / 1000;
    const scaled = (10_000 / total) * worst;
    return {
      key: 'reminders-enqueue',
      title: 'reminders enqueue',
      productPath:
        'ReminderScheduler.schedule() per deadline (the scheduleDeadline activity): holidays, Deadline row upserted, working-day plan, one addBulk of delayed jobs with business-key ids',
      baselinePath:
        'bare BullMQ `addBulk` of the same jobs (ids, delays, batches of 40, 8 in flight)',
      size: `${total.toLocaleString('en-US')} reminders per run (${deadlines} deadlines × ${UNITS} units × ${OFFSETS.length} offsets), ${CONCURRENCY} deadlines in flight`,
      headline: { metric: 'throughput, reminders/s', baseline: c.b, product: c.p, ratio: c.ratio },
      baseline: c.baseline,
      product: c.product,
      targets: [
        {
          target: '≥ 0.5× baseline throughput',
          measured: `${c.ratio.toFixed(2)}× (${c.p.toFixed(0)} vs ${c.b.toFixed(0)} reminders/s)`,
          met: c.ratio >= 0.5,
        },
        {
          target: '10k reminders in ≤ 5 s',
          measured:
            total === 10_000
              ? `slowest run ${worst.toFixed(2)} s`
              : `slowest run ${worst.toFixed(2)} s for ${total} (≈ ${scaled.toFixed(1)} s for 10k at that rate)`,
          met: scaled <= 5,
        },
      ],
      notes: [
        'Latency = time of one schedule() call (one deadline, 40 reminders) divided by 40, and the same for one raw addBulk of 40.',
        'Verified: every expected job id exists in Redis; scheduling 10 deadlines again adds no job (ids from business keys).',
      ],
    };
  } finally {
    await raw.close();
    await redis.quit();
  }
}
