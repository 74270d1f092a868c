import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SpanRecord } from './span-record';

/** Every span in the jsonl trace files of a directory (lines that do not parse are skipped: a
 * process may be writing the last one). */
export function readSpanRecords(dir: string): SpanRecord[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.jsonl'));
  } catch {
    return [];
  }
  const spans: SpanRecord[] = [];
  for (const name of names) {
    for (const line of readFileSync(path.join(dir, name), 'utf8').split('\n')) {
      if (!line) continue;
      try {
        spans.push(JSON.parse(line) as SpanRecord);
      } catch {
        // a line being written
      }
    }
  }
  return spans;
}

export interface TraceSummary {
  traceId: string;
  root: SpanRecord;
  spans: SpanRecord[];
}

/** Spans grouped by trace, each with its root (the span without a parent in the trace: the
 * earliest one if a parent was never written), newest root first. */
export function groupTraces(spans: readonly SpanRecord[]): TraceSummary[] {
  const byTrace = new Map<string, SpanRecord[]>();
  for (const span of spans) {
    const list = byTrace.get(span.traceId);
    if (list) list.push(span);
    else byTrace.set(span.traceId, [span]);
  }
  const traces: TraceSummary[] = [];
  for (const [traceId, list] of byTrace) {
    const ids = new Set(list.map((s) => s.spanId));
    const roots = list
      .filter((s) => s.parentSpanId === null || !ids.has(s.parentSpanId))
      .sort((a, b) => a.startMs - b.startMs);
    const root = roots[0] ?? list[0];
    if (root) traces.push({ traceId, root, spans: list });
  }
  return traces.sort((a, b) => b.root.startMs - a.root.startMs);
}

/** Names the Temporal interceptors give their spans (SpanName of the package). */
const TEMPORAL_SPAN =
  /^(StartWorkflow|StartWorkflowUpdate|SignalWorkflow|SignalWithStartWorkflow|UpdateWithStartWorkflow|HandleUpdate|HandleSignal|RunWorkflow|StartActivity|RunActivity):/;

/** Whether a trace went through Temporal (an action), not just a read. */
export function isTemporalTrace(trace: TraceSummary): boolean {
  return trace.spans.some((s) => TEMPORAL_SPAN.test(s.name));
}

/**
 * The trace as an indented tree, children in start order, each line with its offset from the
 * root's start, its duration, its service and its most telling attribute:
 *   +0.0ms  172.4ms  epw-api     POST /nominations/:id/steps/:stepKey  [SERVER 200]
 *   +3.1ms   12.0ms  epw-api     └─ pg.query:SELECT epw  SELECT "public"."User"...
 */
export function formatTraceTree(trace: TraceSummary): string {
  const children = new Map<string, SpanRecord[]>();
  for (const span of trace.spans) {
    if (span === trace.root || span.parentSpanId === null) continue;
    const list = children.get(span.parentSpanId);
    if (list) list.push(span);
    else children.set(span.parentSpanId, [span]);
  }
  const orphans = trace.spans.filter(
    (s) =>
      s !== trace.root &&
      (s.parentSpanId === null || !trace.spans.some((p) => p.spanId === s.parentSpanId)),
  );
  const t0 = trace.root.startMs;
  const lines = [
    `trace ${trace.traceId}: ${trace.spans.length} spans, ${trace.root.durationMs.toFixed(1)} ms, started ${new Date(t0).toISOString()}`,
  ];
  const walk = (span: SpanRecord, prefix: string, last: boolean, depth: number) => {
    const branch = depth === 0 ? '' : `${prefix}${last ? '└─ ' : '├─ '}`;
    const offset = `+${(span.startMs - t0).toFixed(1)}ms`.padStart(10);
    const duration = `${span.durationMs.toFixed(1)}ms`.padStart(9);
    lines.push(
      `${offset} ${duration}  ${span.service.padEnd(11)} ${branch}${span.name}${detail(span)}`,
    );
    const kids = (children.get(span.spanId) ?? []).sort((a, b) => a.startMs - b.startMs);
    const nextPrefix = depth === 0 ? '' : `${prefix}${last ? '   ' : '│  '}`;
    kids.forEach((kid, i) => walk(kid, nextPrefix, i === kids.length - 1, depth + 1));
  };
  walk(trace.root, '', true, 0);
  for (const orphan of orphans) {
    lines.push('  (parent not in the trace files:)');
    walk(orphan, '', true, 0);
  }
  return lines.join('\n');
}

function detail(span: SpanRecord): string {
  const a = span.attributes;
  const parts: string[] = [];
  if (span.kind !== 'INTERNAL') parts.push(span.kind);
  if (a['http.status_code'] !== undefined) parts.push(String(a['http.status_code']));
  if (typeof a['db.statement'] === 'string') parts.push(truncate(a['db.statement'], 70));
  const workflowId = a['temporalWorkflowId'] ?? a['workflowId'];
  if (typeof workflowId === 'string') parts.push(workflowId);
  if (span.status === 'ERROR') parts.push(`ERROR ${span.statusMessage ?? ''}`.trim());
  return parts.length > 0 ? `  [${parts.join(' ')}]` : '';
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
