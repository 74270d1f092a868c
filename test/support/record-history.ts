import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { waitFor } from '@epw/testing';

/** With RECORD_HISTORIES=1, keeps a finished workflow's history for the replay test. */
export async function recordHistory(
  temporal: Client,
  workflowId: string,
  family: string,
  name: string,
): Promise<void> {
  if (process.env['RECORD_HISTORIES'] !== '1') return;
  const handle = temporal.workflow.getHandle(workflowId);
  await waitFor(async () => (await handle.describe()).status.name === 'COMPLETED', {
    description: `${workflowId} to complete`,
  });
  const dir = path.join(__dirname, '../../workflows', family, 'histories');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), historyToJSON(await handle.fetchHistory()));
}
