import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { emulationCycleWorkflowId, type CycleSchedulerInput } from '@epw/contracts';
import { toVietnamDate } from '@epw/domain';
import { clock, cycleActivities as acts } from './activities.proxy';
import { emulationCycleWorkflow } from './emulation-cycle.workflow';

/** Started by a Temporal Schedule every year: creates the year's cycle for a cluster and movement
 * (idempotently) and starts its cycle workflow. */
export async function cycleSchedulerWorkflow(input: CycleSchedulerInput): Promise<string> {
  const year = Number(toVietnamDate(Date.parse(await clock.currentTime())).slice(0, 4));
  const cycleInput = await acts.prepareScheduledCycle({ ...input, year });
  const workflowId = emulationCycleWorkflowId(
    cycleInput.clusterCode,
    cycleInput.movementCode,
    cycleInput.periodLabel,
  );
  try {
    await startChild(emulationCycleWorkflow, {
      workflowId,
      args: [cycleInput],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  return workflowId;
}
