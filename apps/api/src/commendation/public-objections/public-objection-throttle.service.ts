import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { DomainErrorCode, DomainException } from '@epw/domain';
import { QueueConnection } from '@epw/notifications';
import { retryAfterSeconds, takeSlots } from '../../common/redis-throttle';

/** Objections one client address may file in a window (a person objects a few times, not more). */
export const PUBLIC_OBJECTIONS_PER_WINDOW = 5;
export const PUBLIC_OBJECTION_WINDOW_SECONDS = 3600;

/**
 * Limits filings from the public posting page per client address, in a fixed window that starts
 * at the first filing. Every filing takes a slot, answered or not (an unknown posting too): the
 * page needs no login, so this is what keeps a script from flooding the board. Counters live in
 * Redis, shared by every API replica.
 */
@Injectable()
export class PublicObjectionThrottleService {
  private readonly logger = new Logger(PublicObjectionThrottleService.name);

  constructor(
    private readonly connection: QueueConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Takes a slot for this filing, or refuses with TOO_MANY_REQUESTS and when to retry. */
  async take(ip: string): Promise<void> {
    const key = `${this.config.notifications.queuePrefix}:public-objections:ip:${ip}`;
    const counts = await takeSlots(
      this.connection.redis,
      [key],
      PUBLIC_OBJECTION_WINDOW_SECONDS * 1000,
      this.logger,
      'objection',
    );
    if (!counts) return;
    const [address] = counts;
    if (address.count > PUBLIC_OBJECTIONS_PER_WINDOW) {
      throw new DomainException(DomainErrorCode.TooManyRequests, {
        retryAfterSeconds: retryAfterSeconds([address.msLeft]),
      });
    }
  }
}
