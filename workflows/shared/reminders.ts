import { patched, proxyActivities } from '@temporalio/workflow';
import {
  deadlineIdOf,
  type DeadlineKind,
  type DeadlineSpec,
  type ReminderActivities,
  type ReminderSpec,
} from '@epw/contracts';
import { PERSISTING } from './activity-options';

/** Version marker of the reminder calls: histories recorded before them replay unchanged. */
export const REMINDERS_PATCH = 'reminders-v1';

const acts = proxyActivities<ReminderActivities>(PERSISTING);

/** Closes a deadline known only by its id (one a run left open for a later activity to close). */
export async function closeDeadlineById(deadlineId: string): Promise<void> {
  await acts.closeDeadline({ deadlineId });
}

/** A step's deadline as the workflow sees it: it decides when reminders and escalation are due;
 * activities hand them to BullMQ. Inert for runs without a reminder spec (or from before the patch). */
export class StepDeadline {
  private readonly active: boolean;
  private readonly deadlineId: string;

  constructor(
    private readonly kind: DeadlineKind,
    private readonly subjectId: string,
    spec: ReminderSpec | undefined,
    private readonly details: {
      cycleId: string | null;
      dueAt: string;
      recipientUnitIds: string[];
      escalateToUnitId: string | null;
      recipientRole?: string | null;
      escalateRole?: string | null;
    },
    private readonly reminders = spec,
  ) {
    this.active = spec !== undefined && patched(REMINDERS_PATCH);
    this.deadlineId = deadlineIdOf(kind, subjectId);
  }

  async schedule(): Promise<void> {
    if (!this.active || !this.reminders) return;
    await acts.scheduleDeadline({
      deadlineId: this.deadlineId,
      kind: this.kind,
      subjectId: this.subjectId,
      ...this.details,
      ...this.reminders,
    });
  }

  /** What `schedule` hands over, without the due instant (for an activity that computes it and
   * schedules in the same call); null when the deadline is inert. */
  spec(): Omit<DeadlineSpec, 'dueAt'> | null {
    if (!this.active || !this.reminders) return null;
    const d = this.details;
    return {
      deadlineId: this.deadlineId,
      kind: this.kind,
      subjectId: this.subjectId,
      cycleId: d.cycleId,
      recipientUnitIds: d.recipientUnitIds,
      escalateToUnitId: d.escalateToUnitId,
      recipientRole: d.recipientRole,
      escalateRole: d.escalateRole,
      ...this.reminders,
    };
  }

  /** The id an activity closes it by; null when the deadline is inert. */
  get closeId(): string | null {
    return this.active ? this.deadlineId : null;
  }

  /** The deadline moved: its reminders move with it (the scheduler replaces the old jobs). */
  async move(dueAt: string): Promise<void> {
    this.details.dueAt = dueAt;
    await this.schedule();
  }

  async escalate(): Promise<void> {
    if (this.active) await acts.escalateDeadline({ deadlineId: this.deadlineId });
  }

  async close(): Promise<void> {
    if (this.active) await acts.closeDeadline({ deadlineId: this.deadlineId });
  }
}
