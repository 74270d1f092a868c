import { Pool } from 'pg';
import { ApiClient, DEMO_PASSWORD } from '@epw/testing';
import { startTestSystem, type TestSystem } from '../../test/support/test-system';
import { BaselineWorker } from '../baseline/baseline-worker';
import { type World, createWorld } from '../world';
import type { BenchEnv } from './bench-env';
import { Meter, type ResourceUsage } from './meter';
import { ProductProcesses } from './product-processes';
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

/**
 * The system under test as production runs it: the API and the worker, each a process of its own
 * (`product`), on the task queue `bench-product` and the queue prefix `bench`. The bench process
 * holds the raw baselines' worker, the load generator, its fixtures and meters, and an in-process
 * copy of the apps (`sys`, on a task queue and queue prefix of its own that no product request
 * reaches) for its database and Temporal clients and for the worker services that the reminder
 * scenarios call directly (ReminderScheduler.enqueue is a library call, measured where it runs).
 * `sys.http` speaks to the product's API process.
 */
export class BenchContext {
  readonly shared: SharedState = { freshNominations: [] };
  readonly profiler: Profiler;

  private constructor(
    readonly opts: BenchOptions,
    readonly env: BenchEnv,
    readonly sys: TestSystem,
    readonly product: ProductProcesses,
    readonly baseline: BaselineWorker,
    readonly pg: Pool,
    readonly world: World,
    private readonly meter: Meter,
  ) {
    this.profiler = new Profiler(env.profileFile, product);
  }

  static async start(opts: BenchOptions, env: BenchEnv): Promise<BenchContext> {
    const common = {
      DATABASE_URL: env.databaseUrl,
      REDIS_URL: env.redisUrl,
      TEMPORAL_ADDRESS: env.temporalAddress,
      LOG_LEVEL: env.logLevel,
      // Tokens must outlive the longest run; logins are setup, not what is measured.
      JWT_TTL_SECONDS: '86400',
      // The reconciler rebuilds every pending job from PostgreSQL; every 30 s it would land at a
      // random point of a random run. It is measured on its own (see the notes) instead.
      RECONCILE_INTERVAL_MS: String(24 * 3600_000),
    };
    const local = await startTestSystem({
      ...common,
      TEMPORAL_TASK_QUEUE: 'bench-support',
      QUEUE_PREFIX: 'bench-support',
    });
    let product: ProductProcesses | undefined;
    try {
      // The same configuration as the in-process copy (keys, secrets: tokens and sealed payloads
      // pass between them), on the product's task queue and queue prefix.
      product = await ProductProcesses.start(
        productEnvironment({
          ...common,
          TEMPORAL_TASK_QUEUE: 'bench-product',
          QUEUE_PREFIX: 'bench',
        }),
        env.logDir,
        local.temporal,
        (m) => process.stderr.write(`[bench] ${m}\n`),
        Profiler.cpuProfDir(env.profileFile),
      );
      const sys: TestSystem = { ...local, http: new ApiClient(product.apiUrl, DEMO_PASSWORD) };
      const baseline = await BaselineWorker.start(sys.config);
      const pg = new Pool({ connectionString: env.databaseUrl, max: 10 });
      const world = await createWorld(sys);
      const meter = new Meter(env, pg, [product.api, product.worker]);
      return new BenchContext(opts, env, sys, product, baseline, pg, world, meter);
    } catch (err) {
      await product?.stop();
      await local.close();
      throw err;
    }
  }

  log(message: string): void {
    const t = new Date().toISOString().slice(11, 19);
    process.stderr.write(`[bench ${t}] ${message}\n`);
  }

  /**
   * What the product did for `run` and everything it set going, until the system settled: SQL
   * statements of the API and worker (in all, and by statement text) and Temporal persistence
   * calls. The measured interval of `measure` ends with the last answer; this goes on until the
   * work that followed (e.g. the next step's opening after an approval) is done too.
   */
  async untilSettled(run: () => Promise<void>): Promise<{
    sql: number;
    temporalCalls: number;
    byText: Map<string, number>;
  }> {
    const sql0 = await this.product.sqlBreakdown();
    const t0 = await this.meter.persistence();
    await run();
    await this.settle();
    const sql1 = await this.product.sqlBreakdown();
    const t1 = await this.meter.persistence();
    const byText = new Map<string, number>();
    let sql = 0;
    for (const [text, n] of sql1) {
      const d = n - (sql0.get(text) ?? 0);
      if (d > 0) byText.set(text, d);
      sql += Math.max(0, d);
    }
    return { sql, temporalCalls: t1.ops - t0.ops, byText };
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
      await this.profiler.start(name);
      try {
        p.push(await product(i));
      } finally {
        await this.profiler.stop(p[i]?.ops ?? 0);
      }
      this.log(`${name}:   → ${describe(p[i])}`);
    }
    return { baseline: b, product: p };
  }

  async close(): Promise<void> {
    await this.baseline.close();
    await this.product.stop();
    await this.sys.close();
    await this.pg.end();
  }
}

function describe(s: Sample): string {
  const rate = s.ops / (s.wallMs / 1000);
  return `${s.ops} ops in ${(s.wallMs / 1000).toFixed(1)} s (${rate.toFixed(1)}/s)`;
}

/** The environment of the product's processes: what `testConfig` gives the in-process copy (the
 * same secrets and keys), as variables, since a process reads its configuration from them. */
function productEnvironment(overrides: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  return {
    ...env,
    // NODE_ENV=production would load the prebuilt workflow bundle of `npm run build`; the bench
    // measures the working tree, so its worker bundles the workflows at start, as tests do.
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0000',
    TEMPORAL_PAYLOAD_KEY: 'dGVzdC1wYXlsb2FkLWtleS10ZXN0LXBheWxvYWQta2U=',
    TEMPORAL_PAYLOAD_KEY_ID: 'test-1',
    MFA_ENFORCEMENT: 'off',
    MFA_ENCRYPTION_KEY: 'dGVzdC1tZmEta2V5LXRlc3QtbWZhLWtleS10ZXN0LW0=',
    ...overrides,
  };
}
