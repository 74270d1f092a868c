import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { ClockActivities, CycleActivities } from '@epw/contracts';
import { PERSISTING } from '../shared/activity-options';

export const cycleActivities = proxyActivities<CycleActivities>(PERSISTING);

export const clock = proxyLocalActivities<ClockActivities>({ startToCloseTimeout: '5 seconds' });
