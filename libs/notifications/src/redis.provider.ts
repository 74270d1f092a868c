import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@epw/config';

/** The BullMQ connection: `maxRetriesPerRequest: null` so blocking commands survive reconnects. */
@Injectable()
export class QueueConnection implements OnApplicationShutdown {
  readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
  }

  /** A separate connection for a BullMQ Worker (workers block on their connection). */
  duplicate(): Redis {
    return this.redis.duplicate();
  }

  /** Last shutdown phase: queues and workers have closed by now. */
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
