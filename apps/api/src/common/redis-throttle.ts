import type { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

/** A Redis outage must not hang the request: past this, the attempt is let through (and logged). */
const REDIS_TIMEOUT_MS = 1000;

/**
 * Runs one Redis command of a throttle, or gives null when Redis did not answer in time or failed
 * (logged as `<what> throttling skipped`): a throttle lets the request through rather than hang.
 */
export async function throttleCommand<T>(
  logger: Logger,
  what: string,
  command: Promise<T>,
): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), REDIS_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([command, timeout]);
    if (result === null) logger.error(`Redis did not answer: ${what} throttling skipped`);
    return result;
  } catch (err) {
    logger.error({ err }, `Redis failed: ${what} throttling skipped`);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** One counter after a slot was taken: the slots taken in its window and the milliseconds left. */
export interface SlotCount {
  count: number;
  msLeft: number;
}

/**
 * Takes a slot in each key's fixed window (which starts at its first slot), atomically in one
 * MULTI so that parallel requests cannot slip past a check-then-count race. Null when Redis did
 * not answer (see throttleCommand).
 */
export async function takeSlots<const Keys extends readonly string[]>(
  redis: Redis,
  keys: Keys,
  windowMs: number,
  logger: Logger,
  what: string,
): Promise<{ [I in keyof Keys]: SlotCount } | null> {
  const multi = redis.multi();
  for (const key of keys) multi.set(key, 0, 'PX', windowMs, 'NX').incr(key).pttl(key);
  const results = await throttleCommand(logger, what, multi.exec());
  if (!results) return null;
  const value = (i: number) => Number(results[i]?.[1] ?? 0);
  const counts = keys.map((_, i) => ({ count: value(3 * i + 1), msLeft: value(3 * i + 2) }));
  return counts as { [I in keyof Keys]: SlotCount };
}

/** The Retry-After of a refusal: the longest of the windows still to run, in whole seconds. */
export function retryAfterSeconds(msLeft: readonly number[]): number {
  return Math.max(1, Math.ceil(Math.max(...msLeft) / 1000));
}
