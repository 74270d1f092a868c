import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Connection } from '@temporalio/client';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { DatabaseHealthRepository } from '@epw/data-access';
import { TEMPORAL_CONNECTION } from '@epw/temporal';

const TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer in ${TIMEOUT_MS} ms`)),
      TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

@Injectable()
export class PostgresHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly database: DatabaseHealthRepository,
  ) {}

  /** Up when PostgreSQL answers a trivial query in time. */
  async check(key: string) {
    const session = this.health.check(key);
    try {
      await withTimeout(this.database.ping(), 'PostgreSQL');
      return session.up();
    } catch (err) {
      return session.down({ message: (err as Error).message });
    }
  }
}

@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  }

  async check(key: string) {
    const session = this.health.check(key);
    try {
      const [pong, policy] = await withTimeout(
        Promise.all([this.redis.ping(), this.redis.config('GET', 'maxmemory-policy')]),
        'Redis',
      );
      return session.up({ pong, maxmemoryPolicy: (policy as string[])[1] });
    } catch (err) {
      return session.down({ message: (err as Error).message });
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}

@Injectable()
export class TemporalHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(TEMPORAL_CONNECTION) private readonly connection: Connection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(key: string) {
    const session = this.health.check(key);
    try {
      const res = await withTimeout(this.connection.healthService.check({}), 'Temporal');
      // grpc.health.v1 ServingStatus: 1 = SERVING
      if (Number(res.status) !== 1)
        return session.down({ message: `status ${String(res.status)}` });
      return session.up({
        address: this.config.temporal.address,
        namespace: this.config.temporal.namespace,
        webUi: this.config.temporal.uiUrl,
      });
    } catch (err) {
      return session.down({ message: (err as Error).message });
    }
  }
}
