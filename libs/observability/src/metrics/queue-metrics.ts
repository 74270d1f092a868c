import { Gauge, type Registry } from 'prom-client';

/** What the collector needs of a BullMQ queue (bullmq's `Queue` has it). */
export interface ObservedQueue {
  readonly name: string;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
  getJobs(
    types: 'wait'[],
    start: number,
    end: number,
    asc: boolean,
  ): Promise<{ timestamp: number; delay: number }[]>;
}

const STATES = ['waiting', 'delayed', 'active', 'failed'] as const;
/** A scrape must answer even when Redis does not. */
const SCRAPE_TIMEOUT_MS = 2000;
/** Within one scrape, the gauges share one reading. */
const SCRAPE_REUSE_MS = 1000;

/**
 * BullMQ queue gauges, read from Redis when Prometheus scrapes (nothing runs between scrapes):
 * jobs per state, the age of the oldest job ready to run, and whether the queue could be read.
 * Every process that registers them reports the same numbers (they are Redis's): aggregate
 * with max by (queue, state).
 */
export function registerQueueMetrics(registry: Registry, queues: readonly ObservedQueue[]): void {
  // The three gauges are collected one after another in one scrape: Redis is read once for them.
  let scrape: { at: number; reading: Promise<QueueReading[]> } | null = null;
  const read = (): Promise<QueueReading[]> => {
    if (scrape === null || Date.now() - scrape.at > SCRAPE_REUSE_MS) {
      scrape = { at: Date.now(), reading: Promise.all(queues.map(readQueue)) };
    }
    return scrape.reading;
  };
  new Gauge({
    name: 'bullmq_queue_jobs',
    help: 'Jobs in the queue per state: waiting (ready, no worker yet), delayed (not due yet), active (being processed), failed (attempts exhausted, kept for inspection).',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await read()) {
        if (r.counts === null) continue;
        for (const state of STATES) this.set({ queue: r.name, state }, r.counts[state] ?? 0);
      }
    },
  });
  new Gauge({
    name: 'bullmq_queue_oldest_waiting_age_seconds',
    help: 'Age of the oldest job waiting for a worker (since it became ready to run); 0 when none waits.',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await read()) {
        if (r.oldestWaitingSeconds !== null) this.set({ queue: r.name }, r.oldestWaitingSeconds);
      }
    },
  });
  new Gauge({
    name: 'bullmq_queue_up',
    help: 'Whether the queue could be read from Redis at the last scrape (1) or not (0).',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      for (const r of await read()) this.set({ queue: r.name }, r.counts === null ? 0 : 1);
    },
  });
}

interface QueueReading {
  name: string;
  /** null: Redis did not answer in time. */
  counts: Record<string, number> | null;
  oldestWaitingSeconds: number | null;
}

async function readQueue(queue: ObservedQueue): Promise<QueueReading> {
  try {
    const [counts, [first]] = await withTimeout(
      Promise.all([queue.getJobCounts(...STATES), queue.getJobs(['wait'], 0, 0, true)]),
    );
    const readyAt = first ? first.timestamp + (first.delay ?? 0) : Date.now();
    return {
      name: queue.name,
      counts,
      oldestWaitingSeconds: Math.max(0, (Date.now() - readyAt) / 1000),
    };
  } catch {
    return { name: queue.name, counts: null, oldestWaitingSeconds: null };
  }
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('queue metrics timed out')), SCRAPE_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
