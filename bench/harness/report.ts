import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import type { TemporalProfile } from './bench-env';
import type { BenchOptions } from './context';
import type { ScenarioResult, SideSummary } from './result';
import { fmt } from './stats';

export interface MachineInfo {
  date: string;
  cpuModel: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
  loadAverageAtStart: number[];
  postgres: string;
  redis: string;
  temporal: string;
  /** Which Temporal server the run used: the dev server (SQLite) or the server on PostgreSQL. */
  temporalProfile: TemporalProfile;
  /** The command line of the run, as typed. */
  command: string;
}

export async function machineInfo(
  pg: Pool,
  redisVersion: string,
  temporalProfile: TemporalProfile,
  args: string[],
): Promise<MachineInfo> {
  const { rows } = await pg.query<{ v: string }>("select current_setting('server_version') as v");
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    // Virtual machines often report a generic model; lscpu has the family name too.
    const lscpu = execFileSync('lscpu', { encoding: 'utf8' });
    const name = /Model name:\s*(.+)/.exec(lscpu)?.[1]?.trim();
    if (name) cpuModel = name;
  } catch {
    // no lscpu: keep os.cpus()
  }
  return {
    date: new Date().toISOString(),
    cpuModel,
    cores: os.cpus().length,
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    postgres: rows[0]?.v ?? 'unknown',
    redis: redisVersion,
    temporal:
      temporalProfile === 'postgres'
        ? 'Temporal Server 1.29.1 (go.temporal.io/server, all services in one process), PostgreSQL persistence, 4 history shards'
        : 'temporal CLI v1.5.1 dev server (Server 1.29.1), SQLite file, WAL',
    temporalProfile,
    command: ['npm run bench', ...(args.length > 0 ? ['--', ...args] : [])].join(' '),
  };
}

const side = (name: string, s: SideSummary | null, r: ScenarioResult): string => {
  if (!s || s.runs === 0) return '';
  const c = s.cpuMsPerOp;
  const rates = s.throughputs.map((t) => fmt(t)).join(' / ');
  return `| ${r.title} | ${name} | ${s.runs} × ${fmt(s.opsPerRun, 0)} | ${rates} | ${fmt(s.latency.p50)} | ${fmt(s.latency.p95)} | ${fmt(s.latency.p99)} | ${fmt(s.latency.max)} | ${fmt(c.api, 2)} / ${fmt(c.worker, 2)} / ${fmt(c.bench, 2)} / ${fmt(c.temporal, 2)} / ${fmt(c.redis, 2)} / ${fmt(c.postgres, 2)} | ${fmt(s.apiPeakRssMb, 0)} / ${fmt(s.workerPeakRssMb, 0)} / ${fmt(s.peakRssMb, 0)} | ${fmt(s.temporalPeakRssMb, 0)} | ${fmt(s.apiEventLoopUtilization, 2)} / ${fmt(s.workerEventLoopUtilization, 2)} / ${fmt(s.eventLoopUtilization, 2)} | ${fmt(100 * s.machineBusy, 0)}% / ${fmt(100 * s.othersBusy, 0)}% | ${s.sdkProblems} | ${fmt(s.sqlPerOp)} | ${fmt(s.persistenceOpsPerOp)} @ ${fmt(s.persistenceMeanMs, 2)} ms |\n`;
};

const PROCESSES = [
  ['api', 'the API'],
  ['worker', 'the worker'],
  ['temporal', 'the Temporal server'],
  ['postgres', 'PostgreSQL'],
  ['redis', 'Redis'],
  ['bench', 'the bench process'],
] as const;

const cpuTotal = (s: SideSummary): number =>
  PROCESSES.reduce((n, [k]) => n + (s.cpuMsPerOp[k] || 0), 0);

/** A machine this busy is CPU-bound: throughput follows the CPU spent per operation. */
const CPU_BOUND = 0.85;
/** An event loop this busy is the bottleneck of its process. */
const SATURATED_LOOP = 0.95;

/**
 * Why a scenario's missed targets are missed, from what the run measured: the CPU each side spent
 * per operation and where (by process, then by package from the profile when there is one), the
 * machine's load, and the SQL statements and Temporal persistence calls per operation.
 */
export function whyMissed(r: ScenarioResult, profile?: string): string | null {
  const missed = r.targets.filter((t) => !t.met);
  if (missed.length === 0) return null;
  const p = r.product;
  const b = r.baseline;
  const total = cpuTotal(p);
  const misses = `**${r.title}** misses ${missed.map((t) => `"${t.target}" (${t.measured})`).join('; ')}.`;
  // A scenario whose checks failed measured nothing to explain.
  if (!(total > 0)) return misses;
  const parts: string[] = [];
  const shares = PROCESSES.map(([k, name]) => [name, p.cpuMsPerOp[k] || 0] as const)
    .filter(([, ms]) => ms > 0)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 4)
    .map(([name, ms]) => `${name} ${fmt(ms, 1)} (${fmt((100 * ms) / total, 0)} %)`);
  parts.push(
    `The product spends ${fmt(total, 1)} ms of CPU per operation over all processes${
      b
        ? ` against the raw baseline's ${fmt(cpuTotal(b), 1)} ms (${fmt(total / cpuTotal(b), 1)}×)`
        : ''
    }: ${shares.join(', ')}.`,
  );
  const throughputMissed = missed.some((t) => /throughput|rate/.test(t.target));
  const baselineSql = b ? b.sqlPerOp + b.benchSqlPerOp : 0;
  const loops = [
    ['API', p.apiEventLoopUtilization, p.cpuMsPerOp.api],
    ['worker', p.workerEventLoopUtilization, p.cpuMsPerOp.worker],
  ] as const;
  const saturated = loops.find(([, elu]) => elu >= SATURATED_LOOP);
  if (throughputMissed && b) {
    const bound = cpuTotal(b) / total;
    if (p.machineBusy >= CPU_BOUND) {
      parts.push(
        `The machine was ${fmt(100 * p.machineBusy, 0)} % busy during the product runs, so throughput follows the CPU spent per operation, whatever the concurrency: that alone puts the product near ${fmt(bound, 2)}× the baseline on this machine.`,
      );
    } else if (saturated) {
      const [name, elu, ms] = saturated;
      parts.push(
        `The ${name}'s one JavaScript thread was ${fmt(100 * elu, 0)} % busy (the machine ${fmt(100 * p.machineBusy, 0)} %): at ${fmt(ms, 1)} ms of its CPU per operation one process serves at most about ${fmt(1000 / ms, 0)} operations/s; replicas (the scale-out profile runs two) add to that, one process cannot.`,
      );
    } else {
      parts.push(
        `The machine was only ${fmt(100 * p.machineBusy, 0)} % busy and no event loop was saturated, so the product waits rather than computes: on round trips (${fmt(p.sqlPerOp)} SQL statements and ${fmt(p.persistenceOpsPerOp)} Temporal persistence calls per operation, against ${fmt(baselineSql)} and ${fmt(b.persistenceOpsPerOp)}).`,
      );
    }
  }
  if (missed.some((t) => /p95|latency/.test(t.target))) {
    parts.push(
      `Latency adds up along the action's chain: ${fmt(p.sqlPerOp)} SQL statements and ${fmt(p.persistenceOpsPerOp)} Temporal persistence calls per operation${
        b ? ` (raw: ${fmt(baselineSql)} and ${fmt(b.persistenceOpsPerOp)})` : ''
      }, each a round trip, and the p95 waits behind other operations' CPU on a machine ${fmt(100 * p.machineBusy, 0)} % busy (event loops: API ${fmt(100 * p.apiEventLoopUtilization, 0)} %, worker ${fmt(100 * p.workerEventLoopUtilization, 0)} %).`,
    );
  }
  if (profile) parts.push(`Where that CPU goes (V8 profiles, self time): ${profile}`);
  return `${misses} ${parts.join(' ')}`;
}

export function toMarkdown(
  results: ScenarioResult[],
  machine: MachineInfo,
  opts: BenchOptions,
  extraNotes: string[],
  profiles: ReadonlyMap<string, string> = new Map(),
): string {
  let md = `# Benchmarks (${opts.quick ? 'quick smoke run' : 'full run'}, ${machine.date.slice(0, 10)})\n\n`;
  md += `Command: \`${machine.command}\` (${machine.temporal}). Each scenario ran baseline and product alternately (${Array.from({ length: opts.pairs }, () => 'B P').join(' ')}); medians over runs; the ratio is the median of the per-pair ratios product/baseline.\n\n`;
  md += '## Summary\n\n';
  md +=
    'API and worker run as separate processes (as in production); SQL statements and Temporal persistence calls are per operation of the product side (per approval for action).\n\n';
  md +=
    '| scenario | size | metric | raw baseline | product | product / baseline | target | met | SQL statements/op | Temporal persistence calls/op (baseline → product) |\n';
  md += `|${' --- |'.repeat(10)}\n`;
  for (const r of results) {
    const h = r.headline;
    const t = r.targets[0];
    const calls = `${r.baseline ? `${fmt(r.baseline.persistenceOpsPerOp)} → ` : ''}${fmt(r.product.persistenceOpsPerOp)}`;
    md += `| ${r.title} | ${r.size} | ${h.metric} | ${h.baseline === null ? '—' : fmt(h.baseline)} | ${fmt(h.product)} | ${h.ratio === null ? '—' : `${fmt(h.ratio, 2)}×`} | ${t ? t.target : '—'} | ${t ? (t.met ? 'yes' : '**no**') : '—'} | ${fmt(r.product.sqlPerOp)} | ${calls} |\n`;
  }
  md += '\n## Targets\n\n| scenario | target | measured | met |\n| --- | --- | --- | --- |\n';
  for (const r of results) {
    for (const t of r.targets) {
      md += `| ${r.title} | ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |\n`;
    }
  }
  const why = results.flatMap((r) => whyMissed(r, profiles.get(r.title)) ?? []);
  if (why.length > 0) {
    md += '\n## Why the missed targets are missed\n\n';
    for (const w of why) md += `- ${w}\n`;
  }
  md += '\n## Details\n\n';
  md += [
    'Latencies in ms over every operation of every run.',
    `CPU in ms per operation: the product's API process / its worker process / the bench process (load generator, the raw baselines' client and worker, the reminder scenarios' direct calls) / ${machine.temporalProfile === 'postgres' ? "Temporal server with its databases' PostgreSQL backends" : 'Temporal dev server'} / Redis / PostgreSQL backends of the bench database.`,
    'Memory: peak RSS of the API / worker / bench processes, and of the Temporal server.',
    "Event loop busy: share of the wall time each process's one JavaScript thread was busy, API / worker / bench (workflow code runs in the worker's worker threads).",
    "Machine CPU: all cores, and the share used by processes that were not the bench's (other engineers' tests share this machine).",
    'Activity retries: warnings of the Temporal SDK (failed activity attempts, retried), over all runs.',
    "SQL statements per operation sent by the product's API and worker processes, counted at the pg driver by a probe preloaded into them (the bench's own polling is not counted).",
    machine.temporalProfile === 'postgres'
      ? "Temporal persistence: the Temporal server's PostgreSQL calls per operation and their mean latency.\n\n"
      : "Temporal persistence: the dev server's SQLite calls per operation and their mean latency (waiting for its one connection included).\n\n",
  ].join(' ');
  md +=
    "| scenario | side | runs × ops | ops/s per run | p50 | p95 | p99 | max | CPU ms/op API / worker / bench / Temporal / Redis / PG | MB RSS API / worker / bench | Temporal MB RSS | event loop busy API / worker / bench | machine CPU busy / others' | activity retries (bench process) | SQL statements/op | Temporal persistence calls/op @ mean |\n";
  md += `|${' --- |'.repeat(16)}\n`;
  for (const r of results) {
    md += side('baseline', r.baseline, r);
    md += side('product', r.product, r);
  }
  md += '\n## Scenarios\n\n';
  for (const r of results) {
    md += `### ${r.title}\n\n- Product path: ${r.productPath}\n- Raw baseline: ${r.baselinePath ?? '—'}\n`;
    const extras = (name: string, s: SideSummary | null) =>
      s && Object.keys(s.extra).length > 0
        ? `- ${name} figures (median over runs): ${Object.entries(s.extra)
            .map(([k, v]) => `${k} ${fmt(v, 2)}`)
            .join(', ')}\n`
        : '';
    md += extras('Baseline', r.baseline);
    md += extras('Product', r.product);
    for (const n of r.notes) md += `- ${n}\n`;
    md += '\n';
  }
  if (extraNotes.length > 0) {
    md += '## Other measurements\n\n';
    for (const n of extraNotes) md += `- ${n}\n`;
    md += '\n';
  }
  md += '## Machine\n\n';
  md += `- CPU: ${machine.cpuModel}, ${machine.cores} cores; RAM ${machine.ramGb} GB; ${machine.os}\n`;
  md += `- Node.js ${machine.node}; PostgreSQL ${machine.postgres} (shared server, database of its own); Redis ${machine.redis} (own instance); ${machine.temporal} (own instance)\n`;
  md += `- Load average when the run started: ${machine.loadAverageAtStart.join(', ')} (the machine is shared: other engineers' tests ran meanwhile)\n`;
  md += `- Date: ${machine.date}\n`;
  return md;
}

export function writeResults(
  dir: string,
  results: ScenarioResult[],
  machine: MachineInfo,
  opts: BenchOptions,
  extraNotes: string[],
  profiles: ReadonlyMap<string, string> = new Map(),
): { json: string; md: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = machine.date.slice(0, 16).replace(/:/g, '');
  const profile = machine.temporalProfile === 'postgres' ? '-temporal-pg' : '';
  const json = path.join(dir, `${stamp}${profile}${opts.quick ? '-quick' : ''}.json`);
  writeFileSync(
    json,
    `${JSON.stringify({ machine, options: opts, results, notes: extraNotes }, null, 2)}\n`,
  );
  const md = toMarkdown(results, machine, opts, extraNotes, profiles);
  // The run's own summary stays next to its JSON; latest.md is a copy of the newest one.
  writeFileSync(json.replace(/\.json$/, '.md'), md);
  writeFileSync(path.join(dir, 'latest.md'), md);
  return { json, md };
}
