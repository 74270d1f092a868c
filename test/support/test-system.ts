import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from '@temporalio/client';
import type { AppConfig } from '@epw/config';
import { PrismaService } from '@epw/data-access';
import { ApiClient, DEMO_PASSWORD, testConfig } from '@epw/testing';
import { createApiApp } from '../../apps/api/src/app.factory';
import { createWorkerApp } from '../../apps/worker/src/worker.factory';

export interface TestSystem {
  config: AppConfig;
  http: ApiClient;
  prisma: PrismaService;
  temporal: Client;
  /** The worker's application context, for tests that drive its services directly. */
  worker: INestApplicationContext;
  close(): Promise<void>;
}

/** The real API (listening on a free port) and the real worker, against the real PostgreSQL,
 * Redis and Temporal dev server started by `npm test`, on a task queue of this test's own. */
export async function startTestSystem(overrides: Record<string, string> = {}): Promise<TestSystem> {
  const config = testConfig(overrides);
  let worker: INestApplicationContext | undefined;
  let api: NestFastifyApplication | undefined;
  try {
    worker = await createWorkerApp(config);
    api = await createApiApp(config);
    await api.listen(0, '127.0.0.1');
  } catch (err) {
    await api?.close();
    await worker?.close();
    throw err;
  }
  const apiApp = api;
  const workerApp = worker;
  return {
    config,
    http: new ApiClient(await apiApp.getUrl(), DEMO_PASSWORD),
    prisma: apiApp.get(PrismaService),
    temporal: apiApp.get(Client),
    worker: workerApp,
    async close() {
      await apiApp.close();
      await workerApp.close();
    },
  };
}

/** Workflow families of a cycle, by business-key prefix. */
const FAMILIES = [
  'emulation-cycle',
  'pledge-signing',
  'registration',
  'assessment-interim',
  'assessment-final',
  'vote',
  'election',
];

/** Terminates the workflows of these cycle keys (`<cluster>-<movement>-<period>`) that may still run
 * (signing rounds nobody countersigned, abandoned children), so the dev server keeps no timers for
 * task queues nobody polls. Targeted by id: listing a shared dev server can be slow. */
export async function terminateCycles(temporal: Client, cycleKeys: string[]): Promise<void> {
  const ids = cycleKeys.flatMap((key) => FAMILIES.map((f) => `${f}-${key}`));
  await Promise.all(
    ids.map((id) =>
      temporal.workflow
        .getHandle(id)
        .terminate('test finished')
        .catch(() => undefined),
    ),
  );
}
