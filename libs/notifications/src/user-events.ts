import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import type { QueuesService } from './queues.service';
import { QueueConnection } from './redis.provider';

/**
 * Live events for signed-in users, fanned out through Redis pub/sub so that every API replica
 * reaches the browsers connected to it: `tasks` (the user's to-do list may have changed) and
 * `notification` (a new in-app notification). Events carry no content: the browser re-reads.
 */
export type UserEventType = 'tasks' | 'notification';

export interface UserEvent {
  type: UserEventType;
  userIds: string[];
  /** What changed, so the browser can refresh its view of it too. */
  entity?: { type: string; id: string };
}

/** One channel per deployment (the queue prefix keeps test systems apart). */
export const userEventsChannel = (queuePrefix: string): string => `${queuePrefix}:user-events`;

const logger = new Logger('UserEvents');

async function publishOn(
  publish: (channel: string, message: string) => Promise<unknown>,
  queuePrefix: string,
  event: UserEvent,
): Promise<void> {
  const userIds = [...new Set(event.userIds)];
  if (userIds.length === 0) return;
  try {
    await publish(userEventsChannel(queuePrefix), JSON.stringify({ ...event, userIds }));
  } catch (err) {
    // A live event is a hint to re-read: the record it announces is already written.
    logger.warn(`user event ${event.type} not published: ${(err as Error).message}`);
  }
}

/** Publishes live events (the API after accepted actions). */
@Injectable()
export class UserEventsPublisher {
  private readonly prefix: string;

  constructor(
    private readonly connection: QueueConnection,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = config.notifications.queuePrefix;
  }

  get channel(): string {
    return userEventsChannel(this.prefix);
  }

  publish(event: UserEvent): Promise<void> {
    return publishOn((c, m) => this.connection.redis.publish(c, m), this.prefix, event);
  }
}

/** Tells a user's browsers that their inbox has a new notification (and their tasks may have
 * changed): called where the in-app notification is written. Never throws. */
export async function notifyInboxChanged(queues: QueuesService, userId: string): Promise<void> {
  const client = await queues.reminders.client;
  await publishOn((c, m) => client.publish(c, m), queues.prefix, {
    type: 'notification',
    userIds: [userId],
  });
}
