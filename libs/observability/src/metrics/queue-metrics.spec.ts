import { Registry } from 'prom-client';
import { registerQueueMetrics, type ObservedQueue } from './queue-metrics';

const queue = (
  name: string,
  counts: Record<string, number>,
  oldest: { timestamp: number; delay: number } | null,
): ObservedQueue & { reads: number } => {
  const q = {
    name,
    reads: 0,
    getJobCounts: () => {
      q.reads += 1;
      return Promise.resolve(counts);
    },
    getJobs: () => Promise.resolve(oldest ? [oldest] : []),
  };
  return q;
};

describe(registerQueueMetrics.name, () => {
  it('reports jobs per state and the age of the oldest ready job, reading Redis once a scrape', async () => {
    const registry = new Registry();
    const now = Date.now();
    const reminders = queue(
      'reminders',
      { waiting: 3, delayed: 7, active: 1, failed: 2 },
      // Created 90 s ago with a 30 s delay: ready, and waiting, for 60 s.
      { timestamp: now - 90_000, delay: 30_000 },
    );
    const email = queue('deliver-email', { waiting: 0, delayed: 0, active: 0, failed: 0 }, null);
    registerQueueMetrics(registry, [reminders, email]);

    const jobs = await registry.getSingleMetric('bullmq_queue_jobs')?.get();
    const value = (q: string, state: string) =>
      jobs?.values.find((v) => v.labels['queue'] === q && v.labels['state'] === state)?.value;
    expect(value('reminders', 'waiting')).toBe(3);
    expect(value('reminders', 'delayed')).toBe(7);
    expect(value('reminders', 'failed')).toBe(2);
    expect(value('deliver-email', 'active')).toBe(0);
    const ages = await registry.getSingleMetric('bullmq_queue_oldest_waiting_age_seconds')?.get();
    const age = ages?.values.find((v) => v.labels['queue'] === 'reminders')?.value ?? -1;
    expect(age).toBeGreaterThanOrEqual(60);
    expect(age).toBeLessThan(65);
    expect(ages?.values.find((v) => v.labels['queue'] === 'deliver-email')?.value).toBe(0);
    expect(reminders.reads).toBe(1);
  });

  it('marks a queue down instead of failing the scrape when Redis does not answer', async () => {
    const registry = new Registry();
    const broken: ObservedQueue = {
      name: 'reminders',
      getJobCounts: () => Promise.reject(new Error('Connection is closed.')),
      getJobs: () => Promise.reject(new Error('Connection is closed.')),
    };
    registerQueueMetrics(registry, [broken]);
    const text = await registry.metrics();
    expect(text).toContain('bullmq_queue_up{queue="reminders"} 0');
    expect(text).not.toContain('bullmq_queue_jobs{');
  });
});
