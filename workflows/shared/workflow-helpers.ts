import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  workflowInfo,
} from '@temporalio/workflow';
import { DomainException } from '@epw/domain';

/** Runs a validator; a broken rule crosses to the client as an ApplicationFailure whose `type` is
 * the domain code, so the API can answer with the right 4xx. */
export function guarded(validate: () => void): void {
  try {
    validate();
  } catch (err) {
    if (err instanceof DomainException) {
      throw ApplicationFailure.create({
        type: err.code,
        message: err.message,
        details: [err.params],
        nonRetryable: true,
      });
    }
    throw err;
  }
}

/** Idempotency key of the action being handled: `<workflowId>/<updateId>` inside an Update,
 * `<workflowId>/<kind>` for the workflow's own steps. */
export function eventKey(kind: string): string {
  const update = currentUpdateInfo();
  return `${workflowInfo().workflowId}/${update ? update.id : kind}`;
}

/** Milliseconds from this run's start (deterministic) to `deadlineAt`. */
export function msUntil(deadlineAt: string): number {
  return Math.max(0, Date.parse(deadlineAt) - workflowInfo().runStartTime.getTime());
}

/**
 * Waits for the deadline (counted from `nowMs` when given: a wait that starts later in the run
 * than its start must not count from the run's start). Returns 'continue-as-new' when the history grew large enough that the
 * caller should continue as new (after every in-flight Update finished), 'deadline' otherwise.
 */
export async function waitForDeadline(
  deadlineAt: string,
  nowMs?: number,
): Promise<'deadline' | 'continue-as-new'> {
  const ms =
    nowMs === undefined ? msUntil(deadlineAt) : Math.max(0, Date.parse(deadlineAt) - nowMs);
  const suggested = await condition(() => workflowInfo().continueAsNewSuggested, ms);
  if (!suggested) return 'deadline';
  await condition(allHandlersFinished);
  return 'continue-as-new';
}
