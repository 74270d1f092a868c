import { Injectable } from '@nestjs/common';
import type { Histogram, Registry } from 'prom-client';
import {
  createMetricsRegistry,
  httpRequestDuration,
  updateMetricsInterceptor,
  type UpdateMetricsInterceptor,
} from '@epw/observability';

/** The API process's Prometheus registry and the instruments its hooks feed. */
@Injectable()
export class ApiMetrics {
  readonly registry: Registry = createMetricsRegistry('epw-api');
  readonly httpDuration: Histogram<'method' | 'route' | 'status_class'> = httpRequestDuration(
    this.registry,
  );
  readonly updates: UpdateMetricsInterceptor = updateMetricsInterceptor(this.registry);
}
