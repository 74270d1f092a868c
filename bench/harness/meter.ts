import { readFileSync } from 'node:fs';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import pg, { type Pool } from 'pg';
import type { BenchEnv } from './bench-env';
import type { ProductProcess } from './product-processes';
import type { ProbeStats } from './probe-protocol';
import { sdkProblems } from './sdk-log';

/** What one measured run cost, per process. The product's API and worker run as processes of their
 * own (as in production); the bench process holds the load generator, the raw baselines' client
 * and worker, and the worker services the reminder scenarios call directly. */
export interface ResourceUsage {
  wallMs: number;
  cpuMs: {
    bench: number;
    api: number;
    worker: number;
    temporal: number;
    redis: number;
    postgres: number;
  };
  /** Bench process, sampled every 250 ms. */
  peakRssMb: number;
  peakHeapMb: number;
  /** The product's API and worker processes (RSS), sampled every 250 ms. */
  apiPeakRssMb: number;
  workerPeakRssMb: number;
  temporalPeakRssMb: number;
  /** The Temporal dev server's persistence calls (its SQLite store): count, and seconds spent in
   * them summed over calls (above the wall time means calls queued for the one connection). */
  persistence: { ops: number; seconds: number };
  /** Share of the wall time each process's event loop was busy (1 = saturated). */
  eventLoopUtilization: number;
  apiEventLoopUtilization: number;
  workerEventLoopUtilization: number;
  /** SQL statements sent by the product (API and worker processes, counted by their probe). */
  sqlStatements: number;
  /** SQL statements sent by the bench process (its polling, setup, the reminder scenarios' calls). */
  benchSqlStatements: number;
  /** Temporal SDK warnings (mostly failed activity attempts, retried). */
  sdkProblems: number;
  /** The whole machine's CPU busy share (all cores), and the part of it that was not ours (other
   * engineers' tests share this machine). */
  machineBusy: number;
  othersBusy: number;
}

/** Busy and total jiffies of all CPUs. */
function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = v[3] + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

let sqlStatements = 0;
let counting = false;

/** Counts statements at the pg driver that Prisma's adapter, BullMQ-free code and the bench use. */
function countSqlStatements(): void {
  if (counting) return;
  counting = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    sqlStatements += 1;
    return original.apply(this, args);
  };
}

interface Snapshot {
  at: number;
  bench: NodeJS.CpuUsage;
  temporalTicks: number;
  redisTicks: number;
  pgTicks: Map<number, number>;
  /** Backends of the Temporal server's own databases (the PostgreSQL profile), counted as its. */
  temporalPgTicks: Map<number, number>;
  persistence: { ops: number; seconds: number };
  elu: EventLoopUtilization;
  sql: number;
  /** The product processes' probes: API, worker. */
  product: ProbeStats[];
  sdk: number;
  machine: { busy: number; total: number };
}

/** utime + stime of a process in clock ticks (0 when it is gone). */
function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export class Meter {
  constructor(
    private readonly env: BenchEnv,
    private readonly pool: Pool,
    /** The product's API and worker, in this order. */
    private readonly product: [ProductProcess, ProductProcess],
  ) {
    countSqlStatements();
  }

  /** CPU ms used in `ms` by the bench process, the product's processes and the Temporal server. */
  async recentCpuMs(ms: number): Promise<number> {
    const pids = [this.env.temporalPid, ...this.product.map((p) => p.pid)];
    const cpu0 = process.cpuUsage();
    const t0 = pids.reduce((sum, pid) => sum + cpuTicks(pid), 0);
    await new Promise((resolve) => setTimeout(resolve, ms));
    const cpu = process.cpuUsage(cpu0);
    const ticks = pids.reduce((sum, pid) => sum + cpuTicks(pid), 0) - t0;
    return (cpu.user + cpu.system) / 1000 + (ticks * 1000) / this.env.clockTicks;
  }

  /** Starts measuring; the returned function stops and reports. */
  async start(): Promise<() => Promise<ResourceUsage>> {
    const before = await this.snapshot();
    let peakRss = 0;
    let peakHeap = 0;
    let temporalPeak = 0;
    let apiPeak = 0;
    let workerPeak = 0;
    const [api, worker] = this.product;
    const sample = () => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss / 1048576);
      peakHeap = Math.max(peakHeap, m.heapUsed / 1048576);
      temporalPeak = Math.max(temporalPeak, rssMb(this.env.temporalPid));
      apiPeak = Math.max(apiPeak, rssMb(api.pid));
      workerPeak = Math.max(workerPeak, rssMb(worker.pid));
    };
    sample();
    const timer = setInterval(sample, 250);
    timer.unref();
    return async () => {
      clearInterval(timer);
      sample();
      const after = await this.snapshot();
      const tick = 1000 / this.env.clockTicks;
      const delta = (a: Map<number, number>, b: Map<number, number>): number => {
        let sum = 0;
        for (const [pid, ticks] of a) sum += ticks - (b.get(pid) ?? 0);
        return sum;
      };
      const pgTicks = delta(after.pgTicks, before.pgTicks);
      const temporalTicks =
        after.temporalTicks -
        before.temporalTicks +
        delta(after.temporalPgTicks, before.temporalPgTicks);
      const cpu = process.cpuUsage(before.bench);
      const machineTotal = after.machine.total - before.machine.total;
      const machineBusy = (after.machine.busy - before.machine.busy) / machineTotal;
      const [apiBefore, workerBefore] = before.product;
      const [apiAfter, workerAfter] = after.product;
      const childCpuMs = (a: ProbeStats, b: ProbeStats) => (a.cpuMicros - b.cpuMicros) / 1000;
      const childElu = (a: ProbeStats, b: ProbeStats) => {
        const active = a.eluActive - b.eluActive;
        const idle = a.eluIdle - b.eluIdle;
        return active + idle > 0 ? active / (active + idle) : 0;
      };
      const apiCpu = childCpuMs(apiAfter, apiBefore);
      const workerCpu = childCpuMs(workerAfter, workerBefore);
      const oursTicks =
        ((cpu.user + cpu.system) / 1e6 + (apiCpu + workerCpu) / 1000) * this.env.clockTicks +
        temporalTicks +
        (after.redisTicks - before.redisTicks) +
        pgTicks;
      return {
        wallMs: after.at - before.at,
        cpuMs: {
          bench: (cpu.user + cpu.system) / 1000,
          api: apiCpu,
          worker: workerCpu,
          temporal: temporalTicks * tick,
          redis: (after.redisTicks - before.redisTicks) * tick,
          postgres: pgTicks * tick,
        },
        peakRssMb: peakRss,
        peakHeapMb: peakHeap,
        apiPeakRssMb: apiPeak,
        workerPeakRssMb: workerPeak,
        temporalPeakRssMb: temporalPeak,
        persistence: {
          ops: after.persistence.ops - before.persistence.ops,
          seconds: after.persistence.seconds - before.persistence.seconds,
        },
        eventLoopUtilization: performance.eventLoopUtilization(after.elu, before.elu).utilization,
        apiEventLoopUtilization: childElu(apiAfter, apiBefore),
        workerEventLoopUtilization: childElu(workerAfter, workerBefore),
        sqlStatements: apiAfter.sql - apiBefore.sql + (workerAfter.sql - workerBefore.sql),
        benchSqlStatements: after.sql - before.sql,
        sdkProblems: after.sdk - before.sdk,
        machineBusy,
        othersBusy: Math.max(0, machineBusy - oursTicks / machineTotal),
      };
    };
  }

  private async snapshot(): Promise<Snapshot> {
    // Backends of the bench's databases only: the PostgreSQL server is shared with other work.
    const { rows } = await this.pool.query<{ pid: number; datname: string }>(
      'select pid, datname from pg_stat_activity where datname = any($1)',
      [[this.env.dbName, ...this.env.temporalDbNames]],
    );
    const ticksOf = (own: boolean) =>
      new Map(
        rows
          .filter((r) => (r.datname === this.env.dbName) === own)
          .map((r) => [r.pid, cpuTicks(r.pid)]),
      );
    const persistence = await this.persistence();
    const product = await Promise.all(this.product.map((p) => p.stats()));
    return {
      product,
      at: Date.now(),
      bench: process.cpuUsage(),
      temporalTicks: cpuTicks(this.env.temporalPid),
      redisTicks: cpuTicks(this.env.redisPid),
      pgTicks: ticksOf(true),
      temporalPgTicks: ticksOf(false),
      persistence,
      elu: performance.eventLoopUtilization(),
      sql: sqlStatements,
      sdk: sdkProblems.count,
      machine: machineTicks(),
    };
  }

  /** The Temporal server's persistence calls since it started. */
  async persistence(): Promise<{ ops: number; seconds: number }> {
    try {
      const text = await (await fetch(this.env.temporalMetricsUrl)).text();
      let ops = 0;
      let seconds = 0;
      for (const line of text.split('\n')) {
        if (line.startsWith('persistence_latency_count{')) ops += Number(line.split(' ').pop());
        else if (line.startsWith('persistence_latency_sum{'))
          seconds += Number(line.split(' ').pop());
      }
      return { ops, seconds };
    } catch {
      return { ops: Number.NaN, seconds: Number.NaN };
    }
  }
}
