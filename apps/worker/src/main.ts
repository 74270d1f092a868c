import 'reflect-metadata';
import { Runtime } from '@temporalio/worker';
import { loadConfig } from '@epw/config';
import { createWorkerApp } from './worker.factory';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  // Nest owns SIGINT/SIGTERM (enableShutdownHooks) and shuts the worker down gracefully.
  Runtime.install({ shutdownSignals: [] });
  const app = await createWorkerApp(config);
  app.enableShutdownHooks();
}

bootstrap().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
