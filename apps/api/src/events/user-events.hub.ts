import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { QueueConnection, UserEventsPublisher, type UserEvent } from '@epw/notifications';

type Listener = (event: UserEvent) => void;

/**
 * This replica's end of the live events: one Redis subscription for the whole process, handed on
 * to the streams of the users it names. Streams register a listener and a closer; closing the
 * application ends every stream (an open stream would hold the server open).
 */
@Injectable()
export class UserEventsHub implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(UserEventsHub.name);
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly closers = new Set<() => void>();
  private subscriber: Redis | null = null;

  constructor(
    private readonly connection: QueueConnection,
    private readonly publisher: UserEventsPublisher,
  ) {}

  async onModuleInit(): Promise<void> {
    const subscriber = this.connection.duplicate();
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, message: string) => this.dispatch(message));
    await subscriber.subscribe(this.publisher.channel);
  }

  async onModuleDestroy(): Promise<void> {
    for (const close of [...this.closers]) close();
    this.closers.clear();
    this.listeners.clear();
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /** Streams open on this replica (for tests and metrics). */
  get openStreams(): number {
    return this.closers.size;
  }

  /** Registers a user's stream; returns what unregisters it. */
  listen(userId: string, listener: Listener, close: () => void): () => void {
    const set = this.listeners.get(userId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(userId, set);
    this.closers.add(close);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
      this.closers.delete(close);
    };
  }

  private dispatch(message: string): void {
    let event: UserEvent;
    try {
      event = JSON.parse(message) as UserEvent;
    } catch {
      this.logger.warn('ignored a malformed user event');
      return;
    }
    if (!Array.isArray(event.userIds)) return;
    for (const userId of event.userIds) {
      for (const listener of this.listeners.get(userId) ?? []) listener(event);
    }
  }
}
