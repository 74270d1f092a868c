import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Connection } from '@temporalio/client';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { DatabaseHealthRepository } from '@epw/data-access';
import { TEMPORAL_CONNECTION } from '@epw/temporal';

const TIMEOUT_MS = 2000;
const logger = new Logger('Health');

/**
 * /health is public: it says up or down and nothing else (no addresses, versions or settings an
 * outsider could use); why a service is down goes to the log.
 */
function down<T>(session: { down: () => T }, what: string, err: unknown): T {
  logger.warn(`${what} is down: ${(err as Error).message}`);
  return session.down();
}

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
      return down(session, 'PostgreSQL', err);
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
      await withTimeout(this.redis.ping(), 'Redis');
      return session.up();
    } catch (err) {
      return down(session, 'Redis', err);
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
  ) {}

  async check(key: string) {
    const session = this.health.check(key);
    try {
      const res = await withTimeout(this.connection.healthService.check({}), 'Temporal');
      // grpc.health.v1 ServingStatus: 1 = SERVING
      if (Number(res.status) !== 1)
        return down(session, 'Temporal', new Error(`status ${String(res.status)}`));
      return session.up();
    } catch (err) {
      return down(session, 'Temporal', err);
    }
  }
}
