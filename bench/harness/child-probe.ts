/* Preloaded (`node -r`) into the API and worker processes that the bench starts. It counts the SQL
 * statements the process sends (at the pg driver that Prisma's adapter uses) and answers the
 * bench's questions over the IPC channel: resource figures, and the measured runs' window on the
 * clock of `node --cpu-prof` (which profiles the main thread and every worker thread, where the
 * Temporal SDK runs the workflows, from start to exit: the window picks the measured part). */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { ProbeReply, ProbeRequest } from './probe-protocol';

let sqlStatements = 0;
const byText = new Map<string, number>();
let capture: { pattern: RegExp; statements: { text: string; values: unknown[] }[] } | null = null;
const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const original = proto.query;
proto.query = function (this: unknown, ...args: unknown[]) {
  sqlStatements += 1;
  const config = args[0] as string | { text?: string; values?: unknown[] } | undefined;
  const full = typeof config === 'string' ? config : (config?.text ?? '?');
  const text = full.slice(0, 140);
  byText.set(text, (byText.get(text) ?? 0) + 1);
  if (capture?.pattern.test(full)) {
    const values = typeof config === 'string' ? args[1] : config?.values;
    capture.statements.push({ text: full, values: Array.isArray(values) ? values : [] });
  }
  return original.apply(this, args);
};

function answer(req: ProbeRequest): ProbeReply {
  switch (req.kind) {
    case 'stats': {
      const cpu = process.cpuUsage();
      const mem = process.memoryUsage();
      const elu = performance.eventLoopUtilization();
      return {
        id: req.id,
        kind: 'stats',
        sql: sqlStatements,
        cpuMicros: cpu.user + cpu.system,
        rssMb: mem.rss / 1048576,
        heapMb: mem.heapUsed / 1048576,
        eluActive: elu.active,
        eluIdle: elu.idle,
      };
    }
    case 'sql-breakdown':
      return { id: req.id, kind: 'sql-breakdown', counts: Object.fromEntries(byText) };
    case 'capture-start':
      capture = { pattern: new RegExp(req.pattern), statements: [] };
      return { id: req.id, kind: 'done', at: 0 };
    case 'capture-stop': {
      const statements = capture?.statements ?? [];
      capture = null;
      return { id: req.id, kind: 'captured', statements };
    }
    case 'profile-start':
    case 'profile-stop':
      return { id: req.id, kind: 'done', at: Number(process.hrtime.bigint() / 1000n) };
    case 'exit':
      return process.exit(0);
  }
}

process.on('message', (msg: ProbeRequest) => {
  try {
    process.send?.(answer(msg));
  } catch (err) {
    process.send?.({
      id: msg.id,
      kind: 'error',
      message: err instanceof Error ? err.message : String(err),
    } satisfies ProbeReply);
  }
});
// The channel must not keep a process alive that its own shutdown wants to end.
process.channel?.unref();
