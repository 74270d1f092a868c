import 'reflect-metadata';
import { Runtime } from '@temporalio/worker';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@epw/config';
import { surviveLostConnectionRejections } from '@epw/data-access';
import { createWorkerApp } from './worker.factory';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = new Logger('Process');
  surviveLostConnectionRejections((message) => logger.warn(message));
  // Nest owns SIGINT/SIGTERM (enableShutdownHooks) and shuts the worker down gracefully.
  Runtime.install({ shutdownSignals: [] });
  const app = await createWorkerApp(config);
  app.enableShutdownHooks();
}

bootstrap().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
