import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { DomainErrorCode, DomainException } from '@epw/domain';
import { QueueConnection } from '@epw/notifications';
import { retryAfterSeconds, takeSlots, throttleCommand } from '../common/redis-throttle';

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
    const counts = await takeSlots(
      this.connection.redis,
      [userKey, ipKey],
      this.windowMs,
      this.logger,
      'login',
    );
    if (!counts) return;
    const [user, address] = counts;
    const { maxFailuresPerUser, maxFailuresPerIp } = this.config.loginThrottle;
    const waits: number[] = [];
    if (user.count > maxFailuresPerUser) waits.push(user.msLeft);
    if (address.count > maxFailuresPerIp) waits.push(address.msLeft);
    if (waits.length > 0) {
      throw new DomainException(DomainErrorCode.TooManyAttempts, {
        retryAfterSeconds: retryAfterSeconds(waits),
      });
    }
  }

  /** The password was right: the username's failures are forgiven and this attempt is not one. */
  async succeeded(
    username: string,
    ip: string,
    secret: ThrottledSecret = 'password',
  ): Promise<void> {
    await this.giveBack(SUCCEEDED_SCRIPT, username, ip, secret);
  }

  /** The attempt could not be judged (e.g. PostgreSQL did not answer): it was no failure, so its
   * slots are given back; earlier failures stay counted. */
  async abandoned(
    username: string,
    ip: string,
    secret: ThrottledSecret = 'password',
  ): Promise<void> {
    await this.giveBack(ABANDONED_SCRIPT, username, ip, secret);
  }

  private async giveBack(script: string, username: string, ip: string, secret: ThrottledSecret) {
    const { userKey, ipKey } = this.keys(username, ip, secret);
    await throttleCommand(
      this.logger,
      'login',
      this.connection.redis.eval(script, 2, userKey, ipKey),
    );
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
}
