import { Global, Module } from '@nestjs/common';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import { temporalClientTracingInterceptors, TracingFlusher } from '@epw/observability';
import { TEMPORAL_CLIENT_INTERCEPTORS } from '@epw/temporal';
import { ApiMetrics } from './api-metrics';

/** Metrics and tracing of the API: the registry behind /metrics (mounted by mountMetrics) and the
 * Temporal client's interceptors (Update latency; spans when tracing is on). */
@Global()
@Module({
  providers: [
    ApiMetrics,
    TracingFlusher,
    {
      provide: TEMPORAL_CLIENT_INTERCEPTORS,
      inject: [ApiMetrics],
      useFactory: (metrics: ApiMetrics): WorkflowClientInterceptor[] => [
        // Outermost: the Update's time includes the tracing interceptor's own work.
        metrics.updates,
        ...temporalClientTracingInterceptors(),
      ],
    },
  ],
  exports: [ApiMetrics, TEMPORAL_CLIENT_INTERCEPTORS],
})
export class ObservabilityModule {}
