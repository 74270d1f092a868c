import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import {
  AuditOutbox,
  DELIVERY_QUEUES,
  EVENT_QUEUE,
  NotificationDispatcher,
  QueueConnection,
  QueuesService,
  REMINDER_QUEUE,
  ReminderScheduler,
  type ChannelName,
  type DeliveryJob,
  type EventJob,
  type ReminderJob,
} from '@epw/notifications';

/** How often the audit log is read for new events (a cheap indexed read when nothing is new). */
const OUTBOX_POLL_MS = 500;

/**
 * BullMQ workers: reminders fan out to channels; each channel delivers with retries and backoff
 * under its own rate limit; a job that exhausts its attempts is parked in the dead-letter queue.
 * Errors are never swallowed: a failed send throws, so BullMQ retries it. A reconciler rebuilds
 * pending jobs from PostgreSQL on a timer that does not live in Redis (it survives a flush).
 * The audit outbox turns new audit entries into event notices (returned, approved, declined, …).
 */
@Injectable()
export class NotificationProcessors implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationProcessors.name);
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];
  private timer?: NodeJS.Timeout;
  private outboxTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly connection: QueueConnection,
    private readonly queues: QueuesService,
    private readonly dispatcher: NotificationDispatcher,
    private readonly scheduler: ReminderScheduler,
    private readonly outbox: AuditOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const n = this.config.notifications;
    this.workers.push(
      this.worker<ReminderJob>(REMINDER_QUEUE, (job) => this.dispatcher.handleReminder(job.data), {
        concurrency: n.concurrency,
      }),
      this.worker<EventJob>(EVENT_QUEUE, (job) => this.dispatcher.handleEvent(job.data), {
        concurrency: n.concurrency,
      }),
    );
    const limits: Record<ChannelName, number> = {
      IN_APP: 1000,
      EMAIL: n.emailRatePerSecond,
      WEBHOOK: n.webhookRatePerSecond,
    };
    for (const channel of Object.keys(DELIVERY_QUEUES) as ChannelName[]) {
      this.workers.push(
        this.worker<DeliveryJob>(
          DELIVERY_QUEUES[channel],
          (job) => this.dispatcher.deliver(job.data),
          {
            // In-app delivery is one INSERT: as many at once as reminders; senders stay at 10.
            concurrency: channel === 'IN_APP' ? n.concurrency : 10,
            limiter: { max: limits[channel], duration: 1000 },
          },
        ),
      );
    }
    this.timer = setInterval(() => void this.reconcile(), n.reconcileIntervalMs);
    void this.reconcile();
    // Placed before the first action this worker can see: later entries are all read.
    await this.outbox.start();
    void this.pollOutbox();
    this.logger.log(`notification workers started; reconciling every ${n.reconcileIntervalMs} ms`);
  }

  async reconcile(): Promise<void> {
    try {
      // A reminder Redis lost just before its deadline is still sent if Redis is back within ten
      // intervals (5 min by default); the bound keeps a flush from re-queuing older deadlines.
      const jobs = await this.scheduler.reconcile(
        10 * this.config.notifications.reconcileIntervalMs,
      );
      this.logger.debug(`reconciled ${jobs} reminder jobs from PostgreSQL`);
    } catch (err) {
      this.logger.warn({ err }, 'reconcile failed; will try again');
    }
  }

  /** Reads new audit entries, then waits; a failure is retried at the next tick (the cursor has
   * not moved past what failed). */
  private async pollOutbox(): Promise<void> {
    try {
      await this.outbox.drain();
    } catch (err) {
      this.logger.warn({ err }, 'audit outbox failed; will try again');
    }
    if (!this.stopped) this.outboxTimer = setTimeout(() => void this.pollOutbox(), OUTBOX_POLL_MS);
  }

  /** First shutdown phase: stop taking jobs and finish the running ones while Redis and PostgreSQL
   * are still connected (they close in later phases). */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.outboxTimer) clearTimeout(this.outboxTimer);
    await this.outbox.idle();
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
  }

  private worker<T>(
    queue: string,
    handler: (job: Job<T>) => Promise<string>,
    opts: { concurrency: number; limiter?: { max: number; duration: number } },
  ): Worker<T> {
    const connection = this.connection.duplicate();
    this.connections.push(connection);
    const worker = new Worker<T>(queue, handler, {
      connection,
      prefix: this.queues.prefix,
      concurrency: opts.concurrency,
      limiter: opts.limiter,
      // A job whose worker stalls (killed, blocked) past its lock is handed to another worker.
      lockDuration: this.config.notifications.queueLockDurationMs,
      stalledInterval: this.config.notifications.queueLockDurationMs,
      maxStalledCount: 3,
    });
    worker.on('completed', (job, result) =>
      this.logger.debug(`${queue} ${job.id}: ${String(result)}`),
    );
    worker.on('failed', (job, err) => {
      if (!job) return;
      // An UnrecoverableError (a webhook to a refused address, one without a signing key) is
      // never retried: it goes to the dead letters at once, with its reason.
      const exhausted =
        err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      this.logger.warn(
        { err: err.message, job: job.id, attempts: job.attemptsMade },
        `${queue} job failed${exhausted ? ' (dead-lettered)' : ''}`,
      );
      if (exhausted) {
        void this.queues.deadLetters.add('dead', {
          queue,
          jobId: job.id,
          data: job.data as unknown as DeliveryJob | ReminderJob | EventJob,
          error: err.message,
          failedAt: new Date().toISOString(),
        });
      }
    });
    worker.on('error', (err) => this.logger.error({ err }, `${queue} worker error`));
    return worker;
  }
}
