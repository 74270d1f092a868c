import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { Queue } from 'bullmq';
import {
  DEAD_LETTER_QUEUE,
  DELIVERY_QUEUES,
  EVENT_QUEUE,
  REMINDER_QUEUE,
  type ChannelName,
  type DeadLetterJob,
  type DeliveryJob,
  type EventJob,
  type ReminderJob,
} from './queue-names';
import { QueueConnection } from './redis.provider';

/** Kept so a re-added job id stays a no-op for a week (the sent-log is the hard guarantee). */
const KEEP = { removeOnComplete: { age: 7 * 24 * 3600 }, removeOnFail: { age: 30 * 24 * 3600 } };

@Injectable()
export class QueuesService implements BeforeApplicationShutdown {
  readonly reminders: Queue<ReminderJob>;
  readonly events: Queue<EventJob>;
  readonly deadLetters: Queue<DeadLetterJob>;
  readonly deliveries: Record<ChannelName, Queue<DeliveryJob>>;

  readonly prefix: string;

  constructor(connection: QueueConnection, @Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = config.notifications.queuePrefix;
    const opts = { connection: connection.redis, prefix: this.prefix };
    this.reminders = new Queue<ReminderJob>(REMINDER_QUEUE, {
      ...opts,
      defaultJobOptions: { attempts: 8, backoff: { type: 'exponential', delay: 1000 }, ...KEEP },
    });
    this.events = new Queue<EventJob>(EVENT_QUEUE, {
      ...opts,
      defaultJobOptions: { attempts: 8, backoff: { type: 'exponential', delay: 1000 }, ...KEEP },
    });
    this.deadLetters = new Queue<DeadLetterJob>(DEAD_LETTER_QUEUE, {
      ...opts,
      defaultJobOptions: { removeOnComplete: false },
    });
    const delivery = (name: string) =>
      new Queue<DeliveryJob>(name, {
        ...opts,
        defaultJobOptions: {
          attempts: config.notifications.deliveryAttempts,
          backoff: { type: 'exponential', delay: config.notifications.deliveryBackoffMs },
          ...KEEP,
        },
      });
    this.deliveries = {
      IN_APP: delivery(DELIVERY_QUEUES.IN_APP),
      EMAIL: delivery(DELIVERY_QUEUES.EMAIL),
      WEBHOOK: delivery(DELIVERY_QUEUES.WEBHOOK),
    };
  }

  all(): Queue[] {
    return [
      this.reminders,
      this.events,
      ...Object.values(this.deliveries),
      this.deadLetters,
    ] as Queue[];
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.all().map((q) => q.close()));
  }
}
