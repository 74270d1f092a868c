import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { UpdateMetricsInterceptor } from './update-metrics.interceptor';

/** Seconds; from a cached read (2 ms) to a slow export (10 s). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.08, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * One process's Prometheus registry: Node's default process metrics (CPU, memory, heap, event
 * loop lag, GC, handles), every series labelled with the service (`epw-api`, `epw-worker`).
 */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** The API's HTTP latency per route pattern (never the raw URL), method and status class. */
export function httpRequestDuration(
  registry: Registry,
): Histogram<'method' | 'route' | 'status_class'> {
  return new Histogram({
    name: 'http_server_request_duration_seconds',
    help: 'Time from the request to the response, per route pattern, method and status class.',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
}

/** Workflow Update latency as the Temporal client sees it (see UpdateMetricsInterceptor). */
export function updateMetricsInterceptor(registry: Registry): UpdateMetricsInterceptor {
  const duration = new Histogram({
    name: 'temporal_client_update_duration_seconds',
    help: 'Time of a Workflow Update call of the Temporal client, per Update name and outcome.',
    labelNames: ['update', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return new UpdateMetricsInterceptor(duration);
}
