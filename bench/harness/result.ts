import type { ResourceUsage } from './meter';
import { type Latencies, latencies, median, medianRatio } from './stats';

/** One measured run of one side (baseline or product) of a scenario. */
export interface Sample {
  /** Operations measured. */
  ops: number;
  /** Wall time of the measured region (ms), the denominator of throughput. */
  wallMs: number;
  /** Per operation (ms); what "latency" means is the scenario's (see its notes). */
  latencies: number[];
  resources: ResourceUsage;
  /** Scenario-specific figures (lateness, duplicates, …), per run. */
  extra: Record<string, number>;
}

export interface SideSummary {
  runs: number;
  opsPerRun: number;
  /** Median over runs, ops/s. */
  throughput: number;
  /** Over every operation of every run. */
  latency: Latencies;
  /** Median over runs of CPU ms per operation. */
  cpuMsPerOp: {
    bench: number;
    api: number;
    worker: number;
    temporal: number;
    redis: number;
    postgres: number;
  };
  peakRssMb: number;
  peakHeapMb: number;
  apiPeakRssMb: number;
  workerPeakRssMb: number;
  temporalPeakRssMb: number;
  /** Temporal persistence calls per operation and their mean latency (ms). */
  persistenceOpsPerOp: number;
  persistenceMeanMs: number;
  /** Median over runs: event-loop utilization of the bench, API and worker processes. */
  eventLoopUtilization: number;
  apiEventLoopUtilization: number;
  workerEventLoopUtilization: number;
  /** Median over runs: SQL statements per op sent by the product (API + worker), and by the bench. */
  sqlPerOp: number;
  benchSqlPerOp: number;
  /** Temporal SDK warnings (failed activity attempts) over all runs. */
  sdkProblems: number;
  /** Median over runs: the machine's CPU busy share, and the part that was other people's. */
  machineBusy: number;
  othersBusy: number;
  /** Median over runs of each extra figure. */
  extra: Record<string, number>;
  /** Per run: ops/s, to show the spread. */
  throughputs: number[];
}

export function summarize(samples: Sample[]): SideSummary {
  const perOp = (f: (s: Sample) => number) => median(samples.map((s) => f(s) / s.ops));
  const extraKeys = [...new Set(samples.flatMap((s) => Object.keys(s.extra)))];
  const throughputs = samples.map((s) => s.ops / (s.wallMs / 1000));
  return {
    runs: samples.length,
    opsPerRun: median(samples.map((s) => s.ops)),
    throughput: median(throughputs),
    latency: latencies(samples.flatMap((s) => s.latencies)),
    cpuMsPerOp: {
      bench: perOp((s) => s.resources.cpuMs.bench),
      api: perOp((s) => s.resources.cpuMs.api),
      worker: perOp((s) => s.resources.cpuMs.worker),
      temporal: perOp((s) => s.resources.cpuMs.temporal),
      redis: perOp((s) => s.resources.cpuMs.redis),
      postgres: perOp((s) => s.resources.cpuMs.postgres),
    },
    peakRssMb: Math.max(...samples.map((s) => s.resources.peakRssMb)),
    peakHeapMb: Math.max(...samples.map((s) => s.resources.peakHeapMb)),
    apiPeakRssMb: Math.max(...samples.map((s) => s.resources.apiPeakRssMb)),
    workerPeakRssMb: Math.max(...samples.map((s) => s.resources.workerPeakRssMb)),
    temporalPeakRssMb: Math.max(...samples.map((s) => s.resources.temporalPeakRssMb)),
    persistenceOpsPerOp: perOp((s) => s.resources.persistence.ops),
    persistenceMeanMs: median(
      samples.map((s) => (1000 * s.resources.persistence.seconds) / s.resources.persistence.ops),
    ),
    eventLoopUtilization: median(samples.map((s) => s.resources.eventLoopUtilization)),
    apiEventLoopUtilization: median(samples.map((s) => s.resources.apiEventLoopUtilization)),
    workerEventLoopUtilization: median(samples.map((s) => s.resources.workerEventLoopUtilization)),
    sqlPerOp: perOp((s) => s.resources.sqlStatements),
    benchSqlPerOp: perOp((s) => s.resources.benchSqlStatements),
    sdkProblems: samples.reduce((n, s) => n + s.resources.sdkProblems, 0),
    machineBusy: median(samples.map((s) => s.resources.machineBusy)),
    othersBusy: median(samples.map((s) => s.resources.othersBusy)),
    extra: Object.fromEntries(
      extraKeys.map((k) => [k, median(samples.map((s) => s.extra[k] ?? Number.NaN))]),
    ),
    throughputs,
  };
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

export interface ScenarioResult {
  key: string;
  title: string;
  productPath: string;
  baselinePath: string | null;
  size: string;
  /** The headline comparison: what was compared, baseline and product medians, median ratio. */
  headline: { metric: string; baseline: number | null; product: number; ratio: number | null };
  baseline: SideSummary | null;
  product: SideSummary;
  targets: TargetCheck[];
  notes: string[];
}

/** Baseline and product runs, alternating, summarized with the median ratio of a metric. */
export function compare(
  baseline: Sample[],
  product: Sample[],
  metric: (s: Sample) => number,
): { baseline: SideSummary; product: SideSummary; b: number; p: number; ratio: number } {
  const b = baseline.map(metric);
  const p = product.map(metric);
  return {
    baseline: summarize(baseline),
    product: summarize(product),
    b: median(b),
    p: median(p),
    ratio: medianRatio(p, b),
  };
}

export const throughputOf = (s: Sample) => s.ops / (s.wallMs / 1000);
