import type { EventNotice, NotificationKind } from './event-notices';

/** BullMQ queues. Temporal decides when; these deliver. */
export const REMINDER_QUEUE = 'reminders';
/** Notices of events read from the audit log (one job per entry and recipient). */
export const EVENT_QUEUE = 'event-notices';
export const DEAD_LETTER_QUEUE = 'dead-letter';
export const DELIVERY_QUEUES = {
  IN_APP: 'deliver-in-app',
  EMAIL: 'deliver-email',
  WEBHOOK: 'deliver-webhook',
} as const;
export type ChannelName = keyof typeof DELIVERY_QUEUES;

export interface ReminderJob {
  deadlineId: string;
  /** Working days before the deadline; 0 = the escalation after it. */
  offset: number;
  dueAtMs: number;
  unitId: string | null;
  kind: 'reminder' | 'escalation';
  /** Rebuilt after its deadline had passed (Redis lost it just before): worded as overdue. */
  overdue?: boolean;
}

/** One event notice for one recipient, from the audit entry `eventKey`. */
export interface EventJob {
  eventKey: string;
  userId: string;
  notice: EventNotice;
  /** The web app's page for it, under /app (e.g. `/nominations/<id>`). */
  path: string;
}

export interface DeliveryJob {
  dedupKey: string;
  channel: ChannelName;
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  to: string | null;
}

export interface DeadLetterJob {
  queue: string;
  jobId: string | undefined;
  data: DeliveryJob | ReminderJob | EventJob;
  error: string;
  failedAt: string;
}

/** BullMQ custom ids must not contain ':'; business keys never do, but be sure. */
export const safeJobId = (id: string) => id.replace(/:/g, '_');

export const reminderJobId = (
  deadlineId: string,
  unitId: string,
  offset: number,
  dueAtMs: number,
) => safeJobId(`reminder-${deadlineId}-${unitId}-${offset}-${dueAtMs}`);
export const escalationJobId = (deadlineId: string, dueAtMs: number) =>
  safeJobId(`escalation-${deadlineId}-${dueAtMs}`);
export const deliveryJobId = (dedupKey: string) => safeJobId(`delivery-${dedupKey}`);
/** Audit event key + recipient: an entry read twice queues its notice once. */
export const eventJobId = (eventKey: string, userId: string) =>
  safeJobId(`event-${eventKey}-${userId}`);
