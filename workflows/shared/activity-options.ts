import type { ActivityOptions, RetryPolicy } from '@temporalio/workflow';

/** Persisting an accepted action must eventually succeed: retry (idempotently) until it does. */
export const PERSIST_RETRY: RetryPolicy = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '1 minute',
};

/** The activities that persist: 30 seconds a try, retried until they succeed. */
export const PERSISTING: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: PERSIST_RETRY,
};
