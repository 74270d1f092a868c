import { Injectable } from '@nestjs/common';
import type { DeadlineSpec, ReminderActivities } from '@epw/contracts';
import { ReminderScheduler } from '@epw/notifications';

/** Temporal decides when; these hand the decision to BullMQ (idempotent: deterministic job ids). */
@Injectable()
export class ReminderActivitiesImpl implements ReminderActivities {
  constructor(private readonly scheduler: ReminderScheduler) {}

  scheduleDeadline(spec: DeadlineSpec): Promise<void> {
    return this.scheduler.schedule(spec);
  }

  escalateDeadline(input: { deadlineId: string }): Promise<void> {
    return this.scheduler.escalate(input.deadlineId);
  }

  closeDeadline(input: { deadlineId: string }): Promise<void> {
    return this.scheduler.close(input.deadlineId);
  }
}
