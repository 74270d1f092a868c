/* Raw baselines: the least a workflow can do for each scenario, bundled apart from the product's
 * workflows and run by a worker of their own. Same rules as workflows/: no I/O, no clocks. */
import {
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import {
  baselineFinishSignal,
  baselineNoopUpdate,
  type BaselineActivities,
} from './baseline.messages';

const { mark } = proxyActivities<BaselineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Start: one activity, then done. */
export async function baselineStartWorkflow(): Promise<void> {
  await mark(workflowInfo().workflowId);
}

/** Action: a no-op Update handler on a workflow that waits until told to finish. */
export async function baselineUpdateWorkflow(): Promise<void> {
  let finished = false;
  setHandler(baselineNoopUpdate, (x: string) => x);
  setHandler(baselineFinishSignal, () => {
    finished = true;
  });
  await condition(() => finished);
  await condition(allHandlersFinished);
}

/** Deadline storm: sleep to an instant shared by every run, then one activity. Inside a workflow
 * Date.now() is the time of the current workflow task (deterministic): the timer is armed then, as
 * the product's timers are, so a start that waited in a backlog does not fire late. */
export async function baselineSleepWorkflow(fireAtMs: number): Promise<void> {
  await sleep(Math.max(1, fireAtMs - Date.now()));
  await mark(workflowInfo().workflowId);
}
