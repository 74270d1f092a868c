import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { temporalDataConverter } from '@epw/temporal';
import { WORKFLOW_TRACING_INTERCEPTOR_MODULES } from '@epw/observability';
import { testConfig } from '@epw/testing';
import { WORKFLOWS_ENTRY, webpackConfigHook } from '../../apps/worker/src/temporal/workflow-source';

const WORKFLOWS = path.join(__dirname, '../../workflows');

/** Every history recorded from a real run (RECORD_HISTORIES=1 npm run test:integration) must replay
 * against today's workflow code: a non-deterministic change fails here, not in production. */
describe('workflow replay of recorded histories', () => {
  const files = readdirSync(WORKFLOWS)
    .map((dir) => path.join(WORKFLOWS, dir, 'histories'))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => path.join(dir, f)),
    );

  it('has recorded histories of every workflow family to replay', () => {
    const families = new Set(files.map((f) => path.basename(path.dirname(path.dirname(f)))));
    expect([...families].sort()).toEqual(['commendation', 'pledge-signing', 'yearly-cycle']);
  });

  it.each(files.map((f) => [path.relative(WORKFLOWS, f), f]))('replays %s', async (_name, file) => {
    const history: unknown = JSON.parse(readFileSync(file, 'utf8'));
    await Worker.runReplayHistory(
      {
        workflowsPath: WORKFLOWS_ENTRY,
        bundlerOptions: { webpackConfigHook },
        // Histories recorded through the test system are encrypted with the test key; older ones
        // (and those of workflow tests without the codec) are plain and pass through.
        dataConverter: temporalDataConverter(testConfig()),
      },
      history,
      path.basename(file, '.json'),
    );
  });

  // The production bundle carries the OpenTelemetry workflow interceptors (bundle-workflows.ts):
  // they must replay every history too (they add spans, never commands).
  it('replays every history with the tracing workflow interceptors of the production bundle', async () => {
    const results = Worker.runReplayHistories(
      {
        workflowsPath: WORKFLOWS_ENTRY,
        bundlerOptions: { webpackConfigHook },
        interceptors: { workflowModules: [...WORKFLOW_TRACING_INTERCEPTOR_MODULES] },
        sinks: { exporter: { export: { fn: () => undefined } } },
        dataConverter: temporalDataConverter(testConfig()),
      },
      files.map((f) => ({
        workflowId: path.basename(f, '.json'),
        history: JSON.parse(readFileSync(f, 'utf8')) as unknown,
      })),
    );
    const failed: string[] = [];
    let replayed = 0;
    for await (const result of results) {
      replayed += 1;
      if (result.error) failed.push(`${result.workflowId}: ${String(result.error)}`);
    }
    expect(failed).toEqual([]);
    expect(replayed).toBe(files.length);
  });
});
