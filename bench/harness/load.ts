export interface LoadResult {
  /** Per operation, in ms. */
  latencies: number[];
  wallMs: number;
  errors: string[];
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** `count` operations, at most `concurrency` in flight (a closed loop: throughput under load). */
export async function closedLoop(
  count: number,
  concurrency: number,
  op: (i: number) => Promise<void>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const errors: string[] = [];
  let next = 0;
  const t0 = performance.now();
  const lane = async () => {
    for (let i = next++; i < count; i = next++) {
      const start = performance.now();
      try {
        await op(i);
        latencies.push(performance.now() - start);
      } catch (err) {
        errors.push(errorText(err));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return { latencies, wallMs: performance.now() - t0, errors };
}

/**
 * `count` operations sent at a fixed rate whatever the responses (an open loop, as users arrive).
 * Latency counts from the planned send time, so a stalled sender does not hide queueing.
 */
export async function openLoop(
  count: number,
  ratePerSecond: number,
  op: (i: number) => Promise<void>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const errors: string[] = [];
  const interval = 1000 / ratePerSecond;
  const t0 = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const planned = t0 + i * interval;
    const wait = planned - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      op(i).then(
        () => {
          latencies.push(performance.now() - planned);
        },
        (err: unknown) => {
          errors.push(errorText(err));
        },
      ),
    );
  }
  await Promise.all(inFlight);
  return { latencies, wallMs: performance.now() - t0, errors };
}

/** Runs `fn` over `items` with at most `concurrency` in flight (setup work, not measured). */
export async function pool<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i], i);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return out;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** At most `limit` tasks at once; the others wait their turn (first come, first served). */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}
