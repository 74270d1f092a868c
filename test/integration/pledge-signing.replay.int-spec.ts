import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { WORKFLOWS_ENTRY, webpackConfigHook } from '../../apps/worker/src/temporal/workflow-source';

const HISTORIES = path.join(__dirname, '../../workflows/pledge-signing/histories');

/** Histories recorded from real runs (RECORD_HISTORIES=1 npm run test:integration) must replay
 * against today's workflow code: a non-deterministic change fails here, not in production. */
describe('pledgeSigningWorkflow replay', () => {
  const files = readdirSync(HISTORIES).filter((f) => f.endsWith('.json'));

  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('replays %s', async (file) => {
    const history: unknown = JSON.parse(readFileSync(path.join(HISTORIES, file), 'utf8'));
    await Worker.runReplayHistory(
      { workflowsPath: WORKFLOWS_ENTRY, bundlerOptions: { webpackConfigHook } },
      history,
      path.basename(file, '.json'),
    );
  });
});
