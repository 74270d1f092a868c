import { Pool } from 'pg';
import { startTestSystem, type TestSystem } from '../../test/support/test-system';
import { BaselineWorker } from '../baseline/baseline-worker';
import { type World, createWorld } from '../world';
import type { BenchEnv } from './bench-env';
import { Meter, type ResourceUsage } from './meter';
import { Profiler } from './profiler';
import type { Sample } from './result';

export interface BenchOptions {
  quick: boolean;
  /** Scenario keys to run (all when null). */
  only: string[] | null;
  /** Baseline/product pairs per scenario (B P B P …). */
  pairs: number;
  yearClusters: number;
  yearMinutes: number;
  /** Nominations whose deadlines fire at once in the deadline storm (5,000; quick: 100). */
  stormSize: number;
}

/** The measured part of a run: operations, their latencies, scenario figures, and when the
 * measured interval really ended (e.g. the last completion seen by polling, which adds slack). */
export interface Measured {
  ops: number;
  latencies: number[];
  extra?: Record<string, number>;
  /** Wall time of the operations (ms) when more precise than the meter's. */
  wallMs?: number;
}

/** Figures one scenario leaves for later ones (e.g. the pace of nomination starts). */
export interface SharedState {
  /** Product nominations and raw workflow starts per second measured by the start scenario. */
  startRate?: number;
  baselineStartRate?: number;
  /** Nominations waiting at their first step, for the action scenario. */
  freshNominations: { id: string; signer: string }[];
}

/** The system under test (API + worker in-process, like the integration tests), the raw
 * baselines' worker, the bench's own fixtures, and the meters. */
export class BenchContext {
  readonly shared: SharedState = { freshNominations: [] };
  readonly profiler: Profiler;

  private constructor(
    readonly opts: BenchOptions,
    readonly env: BenchEnv,
    readonly sys: TestSystem,
    readonly baseline: BaselineWorker,
    readonly pg: Pool,
    readonly world: World,
    private readonly meter: Meter,
  ) {
    this.profiler = new Profiler(env.profileFile);
  }

  static async start(opts: BenchOptions, env: BenchEnv): Promise<BenchContext> {
    const sys = await startTestSystem({
      DATABASE_URL: env.databaseUrl,
      REDIS_URL: env.redisUrl,
      TEMPORAL_ADDRESS: env.temporalAddress,
      TEMPORAL_TASK_QUEUE: 'bench-product',
      QUEUE_PREFIX: 'bench',
      LOG_LEVEL: env.logLevel,
      // Tokens must outlive the longest run; logins are setup, not what is measured.
      JWT_TTL_SECONDS: '86400',
      // The reconciler rebuilds every pending job from PostgreSQL; every 30 s it would land at a
      // random point of a random run. It is measured on its own (see the notes) instead.
      RECONCILE_INTERVAL_MS: String(24 * 3600_000),
    });
    try {
      const baseline = await BaselineWorker.start(sys.config);
      const pg = new Pool({ connectionString: env.databaseUrl, max: 10 });
      const world = await createWorld(sys);
      return new BenchContext(opts, env, sys, baseline, pg, world, new Meter(env, pg));
    } catch (err) {
      await sys.close();
      throw err;
    }
  }

  log(message: string): void {
    const t = new Date().toISOString().slice(11, 19);
    process.stderr.write(`[bench ${t}] ${message}\n`);
  }

  /** Measures `run` (CPU per process, memory, Temporal persistence) into a sample. */
  async measure(run: () => Promise<Measured>): Promise<Sample> {
    const stop = await this.meter.start();
    let measured: Measured;
    let resources: ResourceUsage;
    try {
      measured = await run();
    } finally {
      resources = await stop();
    }
    return {
      ops: measured.ops,
      wallMs: measured.wallMs ?? resources.wallMs,
      latencies: measured.latencies,
      resources,
      extra: measured.extra ?? {},
    };
  }

  /**
   * Waits until the bench process and the Temporal server are nearly idle (under a fifth of a
   * core together for 2 s, at most 90 s): work a previous run left behind (workflows going on to
   * their next step, reminder jobs) must not land in the next run's measurement.
   */
  async settle(): Promise<void> {
    const until = Date.now() + 90_000;
    let quiet = 0;
    while (quiet < 2 && Date.now() < until) {
      quiet = (await this.meter.recentCpuMs(1000)) < 200 ? quiet + 1 : 0;
    }
  }

  /** B P B P …: baseline and product runs alternate, so drift of the shared machine hits both. */
  async alternate(
    name: string,
    baseline: (i: number) => Promise<Sample>,
    product: (i: number) => Promise<Sample>,
  ): Promise<{ baseline: Sample[]; product: Sample[] }> {
    const b: Sample[] = [];
    const p: Sample[] = [];
    for (let i = 0; i < this.opts.pairs; i++) {
      await this.settle();
      this.log(`${name}: baseline run ${i + 1}/${this.opts.pairs}`);
      b.push(await baseline(i));
      this.log(`${name}:   → ${describe(b[i])}`);
      await this.settle();
      this.log(`${name}: product run ${i + 1}/${this.opts.pairs}`);
      await this.profiler.start();
      try {
        p.push(await product(i));
      } finally {
        await this.profiler.stop();
      }
      this.log(`${name}:   → ${describe(p[i])}`);
    }
    return { baseline: b, product: p };
  }

  async close(): Promise<void> {
    await this.baseline.close();
    await this.sys.close();
    await this.pg.end();
  }
}

function describe(s: Sample): string {
  const rate = s.ops / (s.wallMs / 1000);
  return `${s.ops} ops in ${(s.wallMs / 1000).toFixed(1)} s (${rate.toFixed(1)}/s)`;
}
