import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  patched,
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

/** Version marker: from here on a run's records reach PostgreSQL one at a time, in its order. */
export const RECORDS_IN_ORDER_PATCH = 'records-in-order-v1';

/** Runs `record(event)` after every record queued before it in the same lane has finished. The
 * event is built by the caller at once (it holds the state as it was, and an Update's event key). */
export interface RecordQueue {
  <E, T>(record: (event: E) => Promise<T>, event: E, lane?: string): Promise<T>;
  /** False in a run recorded before the queue (replaying): records run as they come. */
  readonly ordered: boolean;
}

/**
 * A workflow's records carry the state they leave behind (a round's status, which signatures an
 * amendment invalidates, a unit's latest revision). Accepted Updates run concurrently, so without
 * a queue a record whose first attempt failed (PostgreSQL restarting) could commit after a later
 * one and overwrite it: a countersigned round read back as awaiting countersign. Records in one
 * lane (the whole round; one unit's registration) run one at a time, in the order the workflow
 * accepted them; lanes run side by side. Call once, at the top of the workflow; runs recorded
 * before the queue keep running their records concurrently (replay).
 */
export function recordsInOrder(): RecordQueue {
  const ordered = patched(RECORDS_IN_ORDER_PATCH);
  const tails = new Map<string, Promise<unknown>>();
  const queue = <E, T>(record: (event: E) => Promise<T>, event: E, lane = ''): Promise<T> => {
    if (!ordered) return record(event);
    const run = (tails.get(lane) ?? Promise.resolve()).then(() => record(event));
    const tail = run.catch(() => undefined);
    tails.set(lane, tail);
    // Forget a lane once its last record is done (a year has many units, each a lane).
    void tail.then(() => {
      if (tails.get(lane) === tail) tails.delete(lane);
    });
    return run;
  };
  return Object.assign(queue, { ordered });
}
