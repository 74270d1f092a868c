import { Injectable } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { createMetricsRegistry, registerQueueMetrics } from '@epw/observability';
import { QueuesService } from '@epw/notifications';

/** The worker process's Prometheus registry: process metrics and the BullMQ queue gauges. Served
 * by main.ts's metrics listener together with the Temporal SDK runtime's metrics. */
@Injectable()
export class WorkerMetrics {
  readonly registry: Registry = createMetricsRegistry('epw-worker');

  constructor(queues: QueuesService) {
    registerQueueMetrics(this.registry, queues.all());
  }
}
