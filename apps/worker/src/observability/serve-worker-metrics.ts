import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { startMetricsServer, type ObservabilityConfig } from '@epw/observability';
import { WorkerMetrics } from './worker-metrics';

/**
 * The worker's GET /metrics on its own small listener (WORKER_METRICS_HOST:WORKER_METRICS_PORT,
 * 127.0.0.1:9465 by default; port 0: none). A port already taken (a second worker on this machine
 * without its own port) costs the metrics, never the worker.
 */
export async function serveWorkerMetrics(
  app: INestApplicationContext,
  config: ObservabilityConfig,
  temporalMetricsUrl: string | null,
  logger: LoggerService,
): Promise<void> {
  const { host, port } = config.workerMetrics;
  if (port === 0) return;
  try {
    const server = await startMetricsServer({
      host,
      port,
      token: config.metricsToken,
      registry: app.get(WorkerMetrics).registry,
      temporalMetricsUrl,
    });
    // Never what keeps the process alive after the application closed.
    server.unref();
    logger.log(
      `Worker metrics on http://${host}:${port}/metrics (Temporal SDK runtime: ${temporalMetricsUrl ?? 'off'})`,
      'Metrics',
    );
  } catch (err) {
    logger.warn(
      `Worker metrics not served on ${host}:${port}: ${err instanceof Error ? err.message : String(err)}`,
      'Metrics',
    );
  }
}
