import { Registry } from 'prom-client';
import type { WorkflowStartUpdateInput, WorkflowStartUpdateOutput } from '@temporalio/client';
import { updateMetricsInterceptor } from './metrics-registry';

const input = { updateName: 'nominationStepAction' } as WorkflowStartUpdateInput;
const output = (outcome: WorkflowStartUpdateOutput['outcome']): WorkflowStartUpdateOutput => ({
  updateId: 'u1',
  workflowRunId: 'r1',
  outcome,
});

describe('UpdateMetricsInterceptor', () => {
  it('counts each Update call under its name and outcome', async () => {
    const registry = new Registry();
    const interceptor = updateMetricsInterceptor(registry);
    await interceptor.startUpdate(input, () => Promise.resolve(output({ success: {} })));
    await interceptor.startUpdate(input, () =>
      Promise.resolve(output({ failure: { message: 'no' } })),
    );
    await interceptor.startUpdate(input, () => Promise.resolve(output(undefined)));
    await expect(
      interceptor.startUpdate(input, () => Promise.reject(new Error('deadline exceeded'))),
    ).rejects.toThrow('deadline exceeded');
    const text = await registry.metrics();
    for (const outcome of ['completed', 'failed', 'accepted', 'error']) {
      expect(text).toContain(
        `temporal_client_update_duration_seconds_count{update="nominationStepAction",outcome="${outcome}"} 1`,
      );
    }
  });
});
