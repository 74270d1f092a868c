import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { EventNotificationRepository, type AuditRecord } from '@epw/data-access';
import { EventPlanner, NOTIFYING_ACTIONS } from './event-planner.service';
import { eventJobId } from './queue-names';
import { QueuesService } from './queues.service';
import { notifyInboxChanged } from './user-events';

/** Audit ids read per batch. */
const BATCH = 200;
/** An entry that fails this often (its data cannot be planned) is logged and passed over, so one
 * bad entry never stops every later notice. */
const MAX_ATTEMPTS = 5;

/**
 * The audit log as an outbox: every accepted change already writes its audit entry in the same
 * transaction, so notices derived from the entries after a stored cursor miss nothing that was
 * committed, and no workflow code changes. Each entry becomes queued jobs (id: event key +
 * recipient) and closed reminders; the cursor moves only after that, so a crash in between
 * re-reads the entry and the job ids and the inbox's dedup keys make the repeat a no-op.
 */
@Injectable()
export class AuditOutbox {
  private readonly logger = new Logger(AuditOutbox.name);
  private readonly attempts = new Map<bigint, number>();
  private running: Promise<number> | null = null;
  /** One cursor per deployment (the queue prefix keeps test systems apart). */
  readonly cursorName: string;

  constructor(
    private readonly repo: EventNotificationRepository,
    private readonly planner: EventPlanner,
    private readonly queues: QueuesService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cursorName = `event-notices:${config.notifications.queuePrefix}`;
  }

  /** The cursor, created at the newest entry the first time (history is not news). */
  start(): Promise<bigint> {
    return this.repo.cursor(this.cursorName);
  }

  /** Handles every entry after the cursor; returns how many notifying entries it handled. One
   * drain at a time per process (a second call joins the running one). */
  drain(): Promise<number> {
    this.running ??= this.drainOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Resolves when no drain is running (shutdown waits for the one in progress). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** Plans and queues one entry's notices and closes the reminders its task completes. */
  async handle(e: AuditRecord): Promise<number> {
    const plan = await this.planner.plan(e);
    if (plan.notices.length > 0) {
      await this.queues.events.addBulk(
        plan.notices.map((n) => ({
          name: n.notice.kind,
          data: { eventKey: e.eventKey, userId: n.userId, notice: n.notice, path: n.path },
          opts: { jobId: eventJobId(e.eventKey, n.userId) },
        })),
      );
    }
    const changed = new Set<string>();
    for (const d of plan.done) {
      for (const userId of await this.repo.markRemindersDone(d.deadlineIds, d.unitId, new Date()))
        changed.add(userId);
    }
    for (const userId of changed) await notifyInboxChanged(this.queues, userId);
    return plan.notices.length;
  }

  private async drainOnce(): Promise<number> {
    let cursor = await this.repo.cursor(this.cursorName);
    let handled = 0;
    for (;;) {
      const { entries, lastId } = await this.repo.entriesAfter(cursor, BATCH, NOTIFYING_ACTIONS);
      if (lastId === cursor) return handled;
      for (const e of entries) {
        try {
          await this.handle(e);
          this.attempts.delete(e.id);
          handled += 1;
        } catch (err) {
          const n = (this.attempts.get(e.id) ?? 0) + 1;
          this.attempts.set(e.id, n);
          if (n < MAX_ATTEMPTS) {
            // Everything before this entry is done: keep it, and try this one again next time.
            await this.repo.advanceCursor(this.cursorName, e.id - 1n);
            throw err;
          }
          this.attempts.delete(e.id);
          this.logger.error(
            { err, eventKey: e.eventKey, auditId: e.id.toString() },
            `audit entry ${e.action} passed over after ${n} attempts: its notices are not sent`,
          );
        }
      }
      await this.repo.advanceCursor(this.cursorName, lastId);
      cursor = lastId;
    }
  }
}
