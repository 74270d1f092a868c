import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { DomainErrorCode, DomainException } from '@epw/domain';
import { QueueConnection } from '@epw/notifications';

/** A Redis outage must not hang every login: past this, the attempt is let through (and logged). */
const REDIS_TIMEOUT_MS = 1000;

/** Forgives the username's failures and gives back the address's slot, unless its window ended
 * meanwhile (a DECR would then leave a key without expiry). */
const SUCCEEDED_SCRIPT = `
redis.call('DEL', KEYS[1])
if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('DECR', KEYS[2]) end
return 1`;

/** Gives back both slots of an attempt that was not judged (same care about expired windows). */
const ABANDONED_SCRIPT = `
for _, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then redis.call('DECR', key) end
end
return 1`;

/** What is being guessed: a password (counted per username and client address), or a
 * second-factor code (counted per account, from any address: a 6-digit code has only a million
 * values, so many addresses must not each get their own allowance). */
export type ThrottledSecret = 'password' | 'second-factor';

/**
 * Limits failed logins per username and client address, and per client address, in a fixed window
 * that starts at the first failure; failed second-factor codes likewise, per account and per
 * address. Counters live in Redis (shared by every API replica).
 *
 * Why not @nestjs/throttler: its guard counts every request before the handler runs and keys on a
 * tracker (the client address); it cannot count only failures, nor clear a username's count when
 * the right password arrives. So each attempt takes a slot atomically up front (one MULTI: parallel
 * guesses cannot slip past a check-then-count race), and a successful login gives its slots back.
 */
@Injectable()
export class LoginThrottleService {
  private readonly logger = new Logger(LoginThrottleService.name);
  private readonly windowMs: number;

  constructor(
    private readonly connection: QueueConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.windowMs = config.loginThrottle.windowSeconds * 1000;
  }

  /** Takes a slot for this attempt, or refuses with TOO_MANY_ATTEMPTS and when to retry. */
  async begin(username: string, ip: string, secret: ThrottledSecret = 'password'): Promise<void> {
    const { userKey, ipKey } = this.keys(username, ip, secret);
    const results = await this.run(
      this.connection.redis
        .multi()
        .set(userKey, 0, 'PX', this.windowMs, 'NX')
        .incr(userKey)
        .pttl(userKey)
        .set(ipKey, 0, 'PX', this.windowMs, 'NX')
        .incr(ipKey)
        .pttl(ipKey)
        .exec(),
    );
    if (!results) return;
    const value = (i: number) => Number(results[i]?.[1] ?? 0);
    const { maxFailuresPerUser, maxFailuresPerIp } = this.config.loginThrottle;
    const waits: number[] = [];
    if (value(1) > maxFailuresPerUser) waits.push(value(2));
    if (value(4) > maxFailuresPerIp) waits.push(value(5));
    if (waits.length > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
      throw new DomainException(DomainErrorCode.TooManyAttempts, { retryAfterSeconds });
    }
  }

  /** The password was right: the username's failures are forgiven and this attempt is not one. */
  async succeeded(
    username: string,
    ip: string,
    secret: ThrottledSecret = 'password',
  ): Promise<void> {
    const { userKey, ipKey } = this.keys(username, ip, secret);
    await this.run(this.connection.redis.eval(SUCCEEDED_SCRIPT, 2, userKey, ipKey));
  }

  /** The attempt could not be judged (e.g. PostgreSQL did not answer): it was no failure, so its
   * slots are given back; earlier failures stay counted. */
  async abandoned(
    username: string,
    ip: string,
    secret: ThrottledSecret = 'password',
  ): Promise<void> {
    const { userKey, ipKey } = this.keys(username, ip, secret);
    await this.run(this.connection.redis.eval(ABANDONED_SCRIPT, 2, userKey, ipKey));
  }

  private keys(username: string, ip: string, secret: ThrottledSecret) {
    const kind = secret === 'password' ? 'login-failures' : 'second-factor-failures';
    const prefix = `${this.config.notifications.queuePrefix}:${kind}`;
    // Hashed: bounded, and no user-chosen text (or separator) inside a key.
    const user = createHash('sha256')
      .update(username.normalize('NFC').toLowerCase())
      .digest('hex')
      .slice(0, 32);
    return {
      userKey: secret === 'password' ? `${prefix}:user:${user}:${ip}` : `${prefix}:user:${user}`,
      ipKey: `${prefix}:ip:${ip}`,
    };
  }

  private async run<T>(command: Promise<T>): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), REDIS_TIMEOUT_MS);
    });
    try {
      const result = await Promise.race([command, timeout]);
      if (result === null) this.logger.error('Redis did not answer: login throttling skipped');
      return result;
    } catch (err) {
      this.logger.error({ err }, 'Redis failed: login throttling skipped');
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}
