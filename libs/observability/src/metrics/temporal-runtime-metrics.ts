import { createServer } from 'node:net';
import type { TelemetryOptions } from '@temporalio/worker';

/**
 * Telemetry options for the Temporal SDK's Runtime (Runtime.install): the core SDK's own metrics
 * (workflow and activity task latencies, schedule-to-start, slots, sticky cache, polls, request
 * failures; see docs/observability.md) served by its Prometheus exporter on 127.0.0.1:<port>,
 * which the worker's /metrics appends to its own. Off when the port is 0 or already taken
 * (several workers on one machine: give each its own TEMPORAL_METRICS_PORT).
 */
export async function temporalRuntimeTelemetry(
  port: number,
): Promise<{ telemetryOptions?: TelemetryOptions; metricsUrl: string | null }> {
  if (port === 0 || !(await portIsFree(port))) return { metricsUrl: null };
  return {
    telemetryOptions: {
      metrics: {
        prometheus: {
          bindAddress: `127.0.0.1:${port}`,
          // Prometheus conventions: seconds, counters ending in _total.
          useSecondsForDurations: true,
          countersTotalSuffix: true,
        },
      },
    },
    metricsUrl: `http://127.0.0.1:${port}/metrics`,
  };
}

/** The Temporal runtime's exposition text, or a comment saying why it is missing. */
export async function fetchTemporalRuntimeMetrics(url: string | null): Promise<string> {
  if (url === null) return '# Temporal SDK runtime metrics: off (TEMPORAL_METRICS_PORT)\n';
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    if (!res.ok) return `# Temporal SDK runtime metrics: ${url} answered ${res.status}\n`;
    return await res.text();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return `# Temporal SDK runtime metrics: ${url} unreachable (${why})\n`;
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
