import { hostname } from 'node:os';
import path from 'node:path';
import { trace, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { Resource } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { IncomingMessage } from 'node:http';
import {
  loadObservabilityConfig,
  observabilityConfig,
  type TracesExporterKind,
} from '../observability-config';
import { JsonlSpanExporter } from './jsonl-span-exporter';

/** What the rest of the process needs from a started tracer: the worker hands the processor and
 * the resource to the Temporal workflow span sink; shutdown flushes the last spans. */
export interface TracingRuntime {
  readonly serviceName: string;
  readonly exporter: Exclude<TracesExporterKind, 'none'>;
  /** Where the jsonl exporter writes; null for otlp. */
  readonly tracesDir: string | null;
  readonly resource: Resource;
  readonly spanProcessor: SpanProcessor;
  shutdown(): Promise<void>;
}

let runtime: TracingRuntime | null = null;

/** Requests not worth a trace: probes, scrapes, documentation and the web app's static files. */
const UNTRACED = /^\/(health|metrics|docs|app\/assets|favicon)(\/|\?|$)/;

/**
 * Starts OpenTelemetry tracing for this process, or does nothing when it is off (the default in
 * tests; see ObservabilityConfig). Must run before `http` and `pg` are loaded: main.ts imports
 * the app's `tracing.ts` first. Spans: incoming HTTP requests (named by route by the API's
 * Fastify hook), SQL through `pg` (only inside a traced operation), and the Temporal client,
 * workflow and activity spans of the Temporal interceptors (temporal-tracing.ts).
 */
export function startTracing(
  defaultServiceName: string,
  env?: Record<string, string | undefined>,
): TracingRuntime | null {
  if (runtime) return runtime;
  const config = env ? loadObservabilityConfig(env) : observabilityConfig();
  if (config.tracesExporter === 'none') return null;
  const serviceName = config.serviceName ?? defaultServiceName;
  const resource = new Resource({
    [ATTR_SERVICE_NAME]: serviceName,
    'service.instance.id': `${hostname()}-${process.pid}`,
  });
  const tracesDir = config.tracesExporter === 'jsonl' ? path.resolve(config.tracesDir) : null;
  const exporter: SpanExporter =
    tracesDir === null
      ? new OTLPTraceExporter()
      : new JsonlSpanExporter(tracesDir, serviceName, config.tracesRetentionDays);
  const spanProcessor = new BatchSpanProcessor(exporter, {
    scheduledDelayMillis: config.batchDelayMs,
  });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  // The global tracer provider, AsyncLocalStorage context and W3C trace-context propagation.
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED.test(req.url ?? ''),
        // Outgoing calls (webhooks) only as part of a traced operation.
        requireParentforOutgoingSpans: true,
        // Query strings can carry single-use tickets: keep only the path.
        requestHook: (span: Span, req) => {
          if ('url' in req && typeof req.url === 'string') {
            const target = req.url.split('?')[0] ?? '';
            span.setAttribute('http.target', target);
            span.setAttribute('http.url', target);
          }
        },
      }),
      new PgInstrumentation({
        // No spans for the pollers' and reconcilers' queries outside any traced operation.
        requireParentSpan: true,
        // Statements only (Prisma sends parameters separately): no values in traces.
        enhancedDatabaseReporting: false,
      }),
    ],
  });
  runtime = {
    serviceName,
    exporter: config.tracesExporter,
    tracesDir,
    resource,
    spanProcessor,
    shutdown: () => provider.shutdown(),
  };
  return runtime;
}

/** The running tracer, or null when tracing is off. */
export function tracingRuntime(): TracingRuntime | null {
  return runtime;
}

/** Fields for every log line (pino `mixin`): the active span's trace and span ids, so a log line
 * leads to its trace and back. Empty outside a span. */
export function traceLogFields(): Record<string, string> {
  const ctx = trace.getActiveSpan()?.spanContext();
  return ctx ? { trace_id: ctx.traceId, span_id: ctx.spanId } : {};
}
