/* npm run bench [-- --quick] [--only start,action] [--pairs 3] [--year-clusters 100] [--year-minutes 30]
 *   [--storm-size 5000] [--temporal postgres (read by bench/bench.sh)]
 * Runs the benchmark scenarios against services of their own (see bench/bench.sh), prints the
 * results and saves bench/results/<date>.json and bench/results/latest.md. */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Runtime } from '@temporalio/worker';
import { ReminderScheduler } from '@epw/notifications';
import { Redis } from 'ioredis';
import { benchEnv } from './harness/bench-env';
import { BenchContext, type BenchOptions } from './harness/context';
import { cpuByScenario } from './harness/profile-summary';
import { Profiler } from './harness/profiler';
import { machineInfo, writeResults } from './harness/report';
import { type ScenarioResult, summarize } from './harness/result';
import { countingSdkLogger, sdkProblems } from './harness/sdk-log';
import { actionScenario } from './scenarios/action.scenario';
import { readScenario } from './scenarios/read.scenario';
import { remindersEnqueueScenario } from './scenarios/reminders-enqueue.scenario';
import { remindersFireScenario } from './scenarios/reminders-fire.scenario';
import { dataAccessScenario } from './scenarios/data-access.scenario';
import { deadlineStormScenario } from './scenarios/deadline-storm.scenario';
import { startScenario } from './scenarios/start.scenario';
import { yearAtScaleScenario } from './scenarios/year-at-scale.scenario';

/** In this order: the reminder runs on an empty Redis first; action uses start's nominations. */
const SCENARIOS: Record<string, (ctx: BenchContext) => Promise<ScenarioResult | ScenarioResult[]>> =
  {
    'reminders-enqueue': remindersEnqueueScenario,
    'reminders-fire': remindersFireScenario,
    start: startScenario,
    action: actionScenario,
    read: readScenario,
    'data-access': dataAccessScenario,
    'deadline-storm': deadlineStormScenario,
    year: yearAtScaleScenario,
  };

function parseArgs(argv: string[]): BenchOptions {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const only = value('--only')?.split(',') ?? null;
  for (const key of only ?? []) {
    if (!SCENARIOS[key])
      throw new Error(`unknown scenario ${key}: one of ${Object.keys(SCENARIOS).join(', ')}`);
  }
  return {
    quick,
    only,
    // The smoke run checks the harness end to end: one pair, small sizes.
    pairs: Number(value('--pairs') ?? (quick ? 1 : 3)),
    // 100 clusters do not fit this 2-core machine (see docs/performance.md): the full
    // run does 20, and --year-clusters 100 --year-minutes 150 tries the whole figure.
    yearClusters: Number(value('--year-clusters') ?? (quick ? 1 : 20)),
    yearMinutes: Number(value('--year-minutes') ?? (quick ? 1.5 : 30)),
    stormSize: Number(value('--storm-size') ?? (quick ? 100 : 5000)),
  };
}

function failedScenario(key: string, err: unknown): ScenarioResult {
  const message = (err instanceof Error ? err.message : String(err)).slice(0, 400);
  const empty = summarize([]);
  return {
    key,
    title: key,
    productPath: '—',
    baselinePath: null,
    size: '—',
    headline: { metric: 'FAILED', baseline: null, product: Number.NaN, ratio: null },
    baseline: null,
    product: empty,
    targets: [{ target: 'the scenario ran and its checks held', measured: message, met: false }],
    notes: [],
  };
}

/** The reminder reconciler rebuilds every pending job from PostgreSQL every 30 s in production;
 * the runs above set its interval out of the way, so one pass is measured here. */
async function reconcilePass(ctx: BenchContext): Promise<string> {
  const active = await ctx.sys.prisma.deadline.count({ where: { status: 'ACTIVE' } });
  const scheduler = ctx.sys.worker.get(ReminderScheduler);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const jobs = await scheduler.reconcile();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return `One reconciler pass (ReminderScheduler.reconcile, run every 30 s by default) over ${active.toLocaleString('en-US')} active deadlines re-added ${jobs.toLocaleString('en-US')} reminder jobs (no-ops when present) in ${(ms / 1000).toFixed(2)} s, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU of the bench process.`;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const env = benchEnv();
  Runtime.install({ logger: countingSdkLogger() });
  const redis = new Redis(env.redisUrl);
  const redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
  await redis.quit();

  // Profiles of an earlier run must not add to this one's.
  const profDir = Profiler.cpuProfDir(env.profileFile);
  if (profDir) rmSync(profDir, { recursive: true, force: true });
  if (env.profileFile) mkdirSync(path.dirname(env.profileFile), { recursive: true });
  const ctx = await BenchContext.start(opts, env);
  const args = process.argv.slice(2);
  if (env.temporalProfile === 'postgres') args.push('--temporal', 'postgres');
  const machine = await machineInfo(ctx.pg, redisVersion, env.temporalProfile, args);
  const results: ScenarioResult[] = [];
  const notes: string[] = [];
  let failed: unknown = null;
  try {
    for (const [key, run] of Object.entries(SCENARIOS)) {
      if (opts.only && !opts.only.includes(key)) continue;
      ctx.log(`scenario ${key}`);
      try {
        results.push(...[await run(ctx)].flat());
      } catch (err) {
        // A scenario whose checks failed measured nothing: say so in the results, exit non-zero,
        // and still measure the others.
        ctx.log(`scenario ${key} FAILED: ${err instanceof Error ? err.message : String(err)}`);
        failed ??= err;
        results.push(failedScenario(key, err));
        await ctx.settle();
      }
    }
    if (!opts.only) notes.push(await reconcilePass(ctx));
  } catch (err) {
    failed = err;
  } finally {
    await ctx.close();
  }
  // The API and the worker wrote their profiles when they exited (ctx.close()).
  const profiles = profDir
    ? cpuByScenario(profDir, ctx.profiler.productWindows)
    : new Map<string, string>();
  if (profDir && profiles.size > 0) {
    const lines = [...profiles].map(([label, text]) => `${label}: ${text}`);
    notes.push(
      `Where the CPU goes, from V8 CPU profiles of the product runs (\`node --cpu-prof\`, sampled every 2 ms, every thread of the API and the worker; self time by package and by function; BENCH_PROFILE=off runs without): ${lines.join(' ')} Profiles: ${profDir}.`,
    );
  }
  if (sdkProblems.count > 0) {
    notes.push(
      `Temporal SDK warnings over the whole run (failed activity attempts, retried): ${[
        ...sdkProblems.kinds,
      ]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([k, v]) => `${v} × ${k}`)
        .join('; ')}.`,
    );
  }
  if (results.length > 0) {
    const { json, md } = writeResults(
      path.join(__dirname, 'results'),
      results,
      machine,
      opts,
      notes,
      profiles,
    );
    process.stdout.write(`\n${md}\nsaved ${json} and bench/results/latest.md\n`);
  }
  if (failed) throw failed instanceof Error ? failed : new Error(JSON.stringify(failed));
}

// Exit explicitly: the Temporal runtime's native threads may outlive a closed worker.
main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
