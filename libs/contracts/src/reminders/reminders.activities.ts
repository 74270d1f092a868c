/** What a step's deadline needs for reminders: decided by the workflow, delivered by BullMQ. */
export type DeadlineKind =
  | 'PLEDGE_SIGNING'
  | 'REGISTRATION'
  | 'FINAL_REVIEW'
  | 'VOTE'
  | 'ELECTION'
  | 'NOMINATION_STEP';

/** The cycle's clock, so reminder dates in working days map onto real (possibly accelerated) time. */
export interface ClockSpec {
  periodStart: string;
  epochMs: number;
  scale: number;
}

export interface ReminderSpec {
  offsetsWorkingDays: number[];
  clock: ClockSpec;
  /** What users are reminded of, e.g. "Ký kết giao ước thi đua năm 2026 – Cụm thi đua số 1". */
  title: string;
}

export interface DeadlineSpec extends ReminderSpec {
  deadlineId: string;
  kind: DeadlineKind;
  subjectId: string;
  cycleId: string | null;
  title: string;
  dueAt: string;
  recipientUnitIds: string[];
  escalateToUnitId: string | null;
  /** Who acts, when not the kind's usual role (approval steps: REVIEWER, COUNCIL_MEMBER, …). */
  recipientRole?: string | null;
  /** Who hears of a late step, when not the escalation unit's signers. */
  escalateRole?: string | null;
}

export interface ReminderActivities {
  /** Records the deadline and schedules its reminders (deterministic job ids: idempotent). */
  scheduleDeadline(spec: DeadlineSpec): Promise<void>;
  /** The deadline passed: tell the escalation target who is late and since when. */
  escalateDeadline(input: { deadlineId: string }): Promise<void>;
  /** Everyone acted (or the step closed): pending reminders are removed. */
  closeDeadline(input: { deadlineId: string }): Promise<void>;
}

export const deadlineIdOf = (kind: DeadlineKind, subjectId: string) =>
  `${kind.toLowerCase()}-${subjectId}`;
