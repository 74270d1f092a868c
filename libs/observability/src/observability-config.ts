import { z } from 'zod';

/**
 * The observability settings. Tracing has to start before the modules it instruments (http, pg)
 * are loaded, that is before the application's configuration (the configuration library) is loaded: these
 * variables are read here, once, by the tracing bootstrap and the metrics listeners.
 * Variable names follow OpenTelemetry's where one exists.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** OpenTelemetry's switch: `true` turns tracing off whatever else is set. */
  OTEL_SDK_DISABLED: z.enum(['true', 'false']).default('false'),
  /** otlp: OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT; jsonl: JSON lines in OTEL_TRACES_DIR (local
   * use, `npm run trace`); none: no tracing. Default: otlp when an endpoint is set, none in tests,
   * jsonl otherwise. */
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'jsonl', 'none']).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().optional(),
  OTEL_SERVICE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1-64 of A-Z, a-z, 0-9, ., _ and -')
    .optional(),
  /** Where the jsonl exporter writes (relative to the working directory). */
  OTEL_TRACES_DIR: z.string().min(1).default('.data/traces'),
  /** Trace files older than this are deleted when a process starts. */
  OTEL_TRACES_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(3),
  /** Delay of the batch span processor before it writes (ms): spans reach the file or the
   * collector this long after they end. */
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().min(10).max(60_000).default(1000),
  /** Set: /metrics answers only requests with `Authorization: Bearer <token>` (from anywhere).
   * Unset: /metrics answers only direct requests from this machine (loopback, not forwarded). */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** The worker's metrics listener; 0 turns it off. */
  WORKER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9465),
  /** The Temporal SDK's own Prometheus endpoint (core runtime metrics) on 127.0.0.1, merged into
   * the worker's /metrics; 0 turns it off. */
  TEMPORAL_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9466),
});

export type TracesExporterKind = 'otlp' | 'jsonl' | 'none';

export type ObservabilityConfig = Readonly<{
  tracesExporter: TracesExporterKind;
  serviceName: string | null;
  tracesDir: string;
  tracesRetentionDays: number;
  batchDelayMs: number;
  metricsToken: string | null;
  workerMetrics: { host: string; port: number };
  temporalMetricsPort: number;
}>;

/** Validates the observability variables (throws a readable error naming the variable). */
export function loadObservabilityConfig(
  env: Record<string, string | undefined>,
): ObservabilityConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid observability configuration:\n  ${issues.join('\n  ')}`);
  }
  const e = parsed.data;
  const endpoint = e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? e.OTEL_EXPORTER_OTLP_ENDPOINT;
  const tracesExporter: TracesExporterKind =
    e.OTEL_SDK_DISABLED === 'true'
      ? 'none'
      : (e.OTEL_TRACES_EXPORTER ??
        (endpoint !== undefined ? 'otlp' : e.NODE_ENV === 'test' ? 'none' : 'jsonl'));
  return Object.freeze({
    tracesExporter,
    serviceName: e.OTEL_SERVICE_NAME ?? null,
    tracesDir: e.OTEL_TRACES_DIR,
    tracesRetentionDays: e.OTEL_TRACES_RETENTION_DAYS,
    batchDelayMs: e.OTEL_BSP_SCHEDULE_DELAY,
    metricsToken: e.METRICS_TOKEN ?? null,
    workerMetrics: { host: e.WORKER_METRICS_HOST, port: e.WORKER_METRICS_PORT },
    temporalMetricsPort: e.TEMPORAL_METRICS_PORT,
  });
}

let processConfig: ObservabilityConfig | null = null;

/** This process's observability settings, read from its environment once (at boot). */
export function observabilityConfig(): ObservabilityConfig {
  processConfig ??= loadObservabilityConfig(process.env);
  return processConfig;
}
