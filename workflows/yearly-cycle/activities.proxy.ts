import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { ClockActivities, CycleActivities } from '@epw/contracts';

/** Persisting an accepted action must eventually succeed: retry (idempotently) until it does. */
export const cycleActivities = proxyActivities<CycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export const clock = proxyLocalActivities<ClockActivities>({ startToCloseTimeout: '5 seconds' });
