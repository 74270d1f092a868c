import { defineSignal, defineUpdate } from '@temporalio/workflow';

/** The raw baselines' own task queue: the product worker never sees these workflows. */
export const BASELINE_TASK_QUEUE = 'bench-baseline';

/** A no-op Update handler: what an Update costs with nothing behind it. */
export const baselineNoopUpdate = defineUpdate<string, [string]>('baselineNoop');
export const baselineFinishSignal = defineSignal('baselineFinish');

export interface BaselineActivities {
  /** Does nothing but note when it ran (the bench reads the time in-process). */
  mark(key: string): Promise<void>;
}
