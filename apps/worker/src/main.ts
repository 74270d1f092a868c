// First: tracing patches `http` and `pg` as they load (see tracing.ts).
import './tracing';
import 'reflect-metadata';
import { Runtime } from '@temporalio/worker';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@epw/config';
import { surviveLostConnectionRejections } from '@epw/data-access';
import { observabilityConfig, temporalRuntimeTelemetry } from '@epw/observability';
import { serveWorkerMetrics } from './observability/serve-worker-metrics';
import { temporalPinoLogger } from './observability/temporal-pino-logger';
import { createWorkerApp } from './worker.factory';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const observability = observabilityConfig();
  const logger = new Logger('Process');
  surviveLostConnectionRejections((message) => logger.warn(message));
  // The Temporal SDK's own metrics (Prometheus on loopback), merged into the worker's /metrics.
  const temporalMetrics = await temporalRuntimeTelemetry(observability.temporalMetricsPort);
  if (observability.temporalMetricsPort !== 0 && temporalMetrics.metricsUrl === null) {
    logger.warn(
      `Temporal SDK metrics off: 127.0.0.1:${observability.temporalMetricsPort} is taken (set TEMPORAL_METRICS_PORT)`,
    );
  }
  // Nest owns SIGINT/SIGTERM (enableShutdownHooks) and shuts the worker down gracefully.
  Runtime.install({
    shutdownSignals: [],
    logger: temporalPinoLogger(config.logLevel),
    telemetryOptions: temporalMetrics.telemetryOptions,
  });
  const app = await createWorkerApp(config);
  app.enableShutdownHooks();
  await serveWorkerMetrics(app, observability, temporalMetrics.metricsUrl, new Logger('Metrics'));
}

bootstrap().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
