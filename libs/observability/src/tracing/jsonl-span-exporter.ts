import { appendFile, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { toSpanRecord } from './span-record';

/**
 * Writes spans as JSON lines (see SpanRecord) to `<dir>/<service>-<UTC day>-<pid>.jsonl`: the
 * local way to look at traces without a collector (`npm run trace`). One file per process and
 * day, appended in batches; files older than the retention are deleted when a process starts.
 */
export class JsonlSpanExporter implements SpanExporter {
  private pending: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly dir: string,
    private readonly service: string,
    retentionDays: number,
  ) {
    mkdirSync(dir, { recursive: true });
    deleteOldTraceFiles(dir, retentionDays);
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    if (this.stopped) {
      resultCallback({ code: ExportResultCode.FAILED, error: new Error('exporter shut down') });
      return;
    }
    const lines = spans.map((s) => JSON.stringify(toSpanRecord(s, this.service))).join('\n');
    const file = this.currentFile();
    this.pending = this.pending.then(
      () =>
        new Promise<void>((resolve) => {
          appendFile(file, `${lines}\n`, (error) => {
            resultCallback(
              error ? { code: ExportResultCode.FAILED, error } : { code: ExportResultCode.SUCCESS },
            );
            resolve();
          });
        }),
    );
  }

  async forceFlush(): Promise<void> {
    await this.pending;
  }

  async shutdown(): Promise<void> {
    this.stopped = true;
    await this.pending;
  }

  private currentFile(): string {
    const day = new Date().toISOString().slice(0, 10);
    return path.join(this.dir, `${this.service}-${day}-${process.pid}.jsonl`);
  }
}

function deleteOldTraceFiles(dir: string, retentionDays: number): void {
  const cutoff = Date.now() - retentionDays * 86_400_000;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.jsonl')) continue;
    const file = path.join(dir, name);
    try {
      if (statSync(file).mtimeMs < cutoff) unlinkSync(file);
    } catch {
      // Another process may have deleted it first.
    }
  }
}
