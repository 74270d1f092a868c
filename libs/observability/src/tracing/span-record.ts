import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { hrTimeToMilliseconds } from '@opentelemetry/core';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** One span as the jsonl exporter writes it: one JSON object a line in `.data/traces/*.jsonl`. */
export interface SpanRecord {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';
  service: string;
  /** Epoch milliseconds (fractional). Workflow spans carry workflow time: the start of the
   * workflow task that ran them, so their durations are about zero. */
  startMs: number;
  durationMs: number;
  status: 'UNSET' | 'OK' | 'ERROR';
  statusMessage?: string;
  attributes: Record<string, string | number | boolean | (string | number | boolean)[]>;
  events?: { name: string; atMs: number }[];
}

const KINDS: Record<SpanKind, SpanRecord['kind']> = {
  [SpanKind.INTERNAL]: 'INTERNAL',
  [SpanKind.SERVER]: 'SERVER',
  [SpanKind.CLIENT]: 'CLIENT',
  [SpanKind.PRODUCER]: 'PRODUCER',
  [SpanKind.CONSUMER]: 'CONSUMER',
};
const STATUSES: Record<SpanStatusCode, SpanRecord['status']> = {
  [SpanStatusCode.UNSET]: 'UNSET',
  [SpanStatusCode.OK]: 'OK',
  [SpanStatusCode.ERROR]: 'ERROR',
};

type Scalar = string | number | boolean;
const isScalar = (v: unknown): v is Scalar =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Keeps the attributes OpenTelemetry allows (scalars and arrays of scalars): workflow spans
 * also carry the whole workflow info, whose nested objects say nothing a trace needs. */
function plainAttributes(attributes: ReadableSpan['attributes']): SpanRecord['attributes'] {
  const out: SpanRecord['attributes'] = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (isScalar(value)) out[key] = value;
    else if (Array.isArray(value) && value.every(isScalar)) out[key] = value as Scalar[];
  }
  return out;
}

export function toSpanRecord(span: ReadableSpan, fallbackService: string): SpanRecord {
  const ctx = span.spanContext();
  const service = span.resource.attributes['service.name'];
  const record: SpanRecord = {
    traceId: ctx.traceId,
    spanId: ctx.spanId,
    parentSpanId: span.parentSpanId ?? null,
    name: span.name,
    kind: KINDS[span.kind] ?? 'INTERNAL',
    service: typeof service === 'string' ? service : fallbackService,
    startMs: hrTimeToMilliseconds(span.startTime),
    durationMs: Math.round(hrTimeToMilliseconds(span.duration) * 1000) / 1000,
    status: STATUSES[span.status.code] ?? 'UNSET',
    attributes: plainAttributes(span.attributes),
  };
  if (span.status.message) record.statusMessage = span.status.message;
  if (span.events.length > 0) {
    record.events = span.events.map((e) => ({ name: e.name, atMs: hrTimeToMilliseconds(e.time) }));
  }
  return record;
}
