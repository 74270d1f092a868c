import type { SpanRecord } from './span-record';
import { formatTraceTree, groupTraces, isTemporalTrace } from './trace-files';

const span = (
  spanId: string,
  parentSpanId: string | null,
  name: string,
  startMs: number,
  extra: Partial<SpanRecord> = {},
): SpanRecord => ({
  traceId: 'a'.repeat(32),
  spanId,
  parentSpanId,
  name,
  kind: 'INTERNAL',
  service: 'epw-api',
  startMs,
  durationMs: 1,
  status: 'UNSET',
  attributes: {},
  ...extra,
});

describe(groupTraces.name, () => {
  it('groups spans by trace, newest root first, and prints the tree in start order', () => {
    const older = {
      ...span('9', null, 'GET /awards', 1000, { kind: 'SERVER' }),
      traceId: 'b'.repeat(32),
    };
    const spans = [
      span('4', '3', 'RunActivity:recordNominationAction', 2040, { service: 'epw-worker' }),
      span('1', null, 'POST /nominations/:id/steps/:stepKey', 2000, {
        kind: 'SERVER',
        durationMs: 170,
        attributes: { 'http.status_code': 200 },
      }),
      span('3', '2', 'HandleUpdate:nominationStepAction', 2030, { service: 'epw-worker' }),
      span('2', '1', 'StartWorkflowUpdate:nominationStepAction', 2010, { kind: 'CLIENT' }),
      span('5', '4', 'pg.query:INSERT epw', 2050, {
        kind: 'CLIENT',
        service: 'epw-worker',
        attributes: { 'db.statement': 'INSERT INTO "public"."NominationAction" (...)' },
      }),
      older,
    ];
    const [latest, previous] = groupTraces(spans);
    expect(latest?.root.spanId).toBe('1');
    expect(previous?.root.spanId).toBe('9');
    expect(latest && isTemporalTrace(latest)).toBe(true);
    expect(previous && isTemporalTrace(previous)).toBe(false);

    const lines = formatTraceTree(latest).split('\n');
    expect(lines[0]).toContain(`trace ${'a'.repeat(32)}: 5 spans, 170.0 ms`);
    expect(lines.slice(1).map((l) => l.slice(34))).toEqual([
      'POST /nominations/:id/steps/:stepKey  [SERVER 200]',
      '└─ StartWorkflowUpdate:nominationStepAction  [CLIENT]',
      '   └─ HandleUpdate:nominationStepAction',
      '      └─ RunActivity:recordNominationAction',
      '         └─ pg.query:INSERT epw  [CLIENT INSERT INTO "public"."NominationAction" (...)]',
    ]);
    expect(lines[5]).toMatch(/^\s+\+50\.0ms\s+1\.0ms\s+epw-worker/);
  });

  it('shows spans whose parent was never written under the root', () => {
    const [trace] = groupTraces([
      span('1', null, 'RunWorkflow:nominationWorkflow', 1000),
      span('7', 'missing', 'RunActivity:openNominationStep', 1005),
    ]);
    const text = formatTraceTree(trace);
    expect(text).toContain('(parent not in the trace files:)');
    expect(text).toContain('RunActivity:openNominationStep');
  });
});
