import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@epw/config';

/** The BullMQ connection: `maxRetriesPerRequest: null` so blocking commands survive reconnects. */
@Injectable()
export class QueueConnection implements OnModuleDestroy {
  readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
  }

  /** A separate connection for a BullMQ Worker (workers block on their connection). */
  duplicate(): Redis {
    return this.redis.duplicate();
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
