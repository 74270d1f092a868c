/* Prints a trace written by the jsonl span exporter (.data/traces/*.jsonl; see
 * docs/observability.md) as a tree of spans with their durations:
 *   npm run trace -- last          the latest trace that went through Temporal (an action)
 *   npm run trace -- last-request  the latest trace of any HTTP request
 *   npm run trace -- <traceId>     that trace (a log line's trace_id)
 *   npm run trace -- list [n]      the n latest traces (default 20), one line each
 * OTEL_TRACES_DIR overrides the directory, as it does for the apps. */
import path from 'node:path';
import {
  formatTraceTree,
  groupTraces,
  isTemporalTrace,
  readSpanRecords,
  type TraceSummary,
} from '@epw/observability';

const DIR = path.resolve(process.env['OTEL_TRACES_DIR'] ?? '.data/traces');
const USAGE = 'usage: npm run trace -- last | last-request | list [n] | <traceId>';

function main(): number {
  const [what = 'last', arg] = process.argv.slice(2);
  const traces = groupTraces(readSpanRecords(DIR));
  if (traces.length === 0) {
    console.error(`no spans in ${DIR} (is tracing on? see docs/observability.md)`);
    return 1;
  }
  if (what === 'list') {
    const n = Number(arg ?? 20);
    for (const t of traces.slice(0, Number.isInteger(n) && n > 0 ? n : 20)) {
      const when = new Date(t.root.startMs).toISOString();
      const ms = `${t.root.durationMs.toFixed(1)}ms`.padStart(10);
      console.log(
        `${t.traceId}  ${when} ${ms} ${String(t.spans.length).padStart(4)} spans  ${t.root.name}`,
      );
    }
    return 0;
  }
  let trace: TraceSummary | undefined;
  if (what === 'last') trace = traces.find(isTemporalTrace);
  else if (what === 'last-request') trace = traces.find((t) => t.root.kind === 'SERVER');
  else if (/^[0-9a-f]{32}$/.test(what)) trace = traces.find((t) => t.traceId === what);
  else {
    console.error(USAGE);
    return 2;
  }
  if (!trace) {
    console.error(`no such trace in ${DIR} (${what})`);
    return 1;
  }
  console.log(formatTraceTree(trace));
  return 0;
}

process.exitCode = main();
