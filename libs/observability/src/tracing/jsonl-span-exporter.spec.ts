import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { context, trace } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { JsonlSpanExporter } from './jsonl-span-exporter';
import type { SpanRecord } from './span-record';

describe(JsonlSpanExporter.name, () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'epw-jsonl-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one JSON line per span, with the parent, the service and scalar attributes', async () => {
    const exporter = new JsonlSpanExporter(dir, 'epw-test', 3);
    const provider = new BasicTracerProvider({
      resource: new Resource({ 'service.name': 'epw-test' }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const tracer = provider.getTracer('test');
    const parentSpan = tracer.startSpan('parent');
    const childSpan = tracer.startSpan(
      'child',
      { attributes: { 'db.statement': 'SELECT 1', rows: 1 } },
      trace.setSpan(context.active(), parentSpan),
    );
    childSpan.end();
    parentSpan.end();
    await exporter.forceFlush();
    const [file] = readdirSync(dir);
    expect(file).toMatch(new RegExp(`^epw-test-\\d{4}-\\d{2}-\\d{2}-${process.pid}\\.jsonl$`));
    const records = readFileSync(path.join(dir, file), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as SpanRecord);
    const [child, parent] = records;
    expect(child?.name).toBe('child');
    expect(child?.parentSpanId).toBe(parent?.spanId);
    expect(child?.traceId).toBe(parent?.traceId);
    expect(child?.service).toBe('epw-test');
    expect(child?.attributes).toEqual({ 'db.statement': 'SELECT 1', rows: 1 });
    expect(parent?.parentSpanId).toBeNull();
    await provider.shutdown();
  });

  it('deletes trace files older than the retention when it starts, and refuses spans once shut down', async () => {
    const old = path.join(dir, 'epw-api-2020-01-01-1.jsonl');
    writeFileSync(old, '{}\n');
    utimesSync(old, new Date('2020-01-01'), new Date('2020-01-01'));
    const fresh = path.join(dir, 'epw-api-today-2.jsonl');
    writeFileSync(fresh, '{}\n');
    const exporter = new JsonlSpanExporter(dir, 'epw-test', 3);
    expect(readdirSync(dir)).toEqual(['epw-api-today-2.jsonl']);
    await exporter.shutdown();
    const result = await new Promise((resolve) => exporter.export([], resolve));
    expect(result).toMatchObject({ code: ExportResultCode.FAILED });
  });
});
