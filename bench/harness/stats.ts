/** Linear-interpolated percentile (p in [0, 100]) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export interface Latencies {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latencies(samples: readonly number[]): Latencies {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.length ? Math.max(...samples) : Number.NaN,
  };
}

/** Median of the per-pair ratios product/baseline: each pair ran back to back, so slow drift of a
 * shared machine cancels out better than in a ratio of medians. */
export function medianRatio(product: readonly number[], baseline: readonly number[]): number {
  const n = Math.min(product.length, baseline.length);
  const ratios: number[] = [];
  for (let i = 0; i < n; i++) ratios.push(product[i] / baseline[i]);
  return median(ratios);
}

export function fmt(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return '–';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  return n.toFixed(digits);
}
