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
    async close() {
      await apiApp.close();
      await workerApp.close();
    },
  };
}

/** Terminates this test's workflows that are still running (signing rounds nobody countersigned,
 * abandoned children), so the dev server does not keep timers for queues nobody polls. */
export async function terminateRunning(temporal: Client, idFragment: string): Promise<number> {
  let count = 0;
  for await (const wf of temporal.workflow.list({ query: "ExecutionStatus = 'Running'" })) {
    if (!wf.workflowId.includes(idFragment)) continue;
    await temporal.workflow
      .getHandle(wf.workflowId)
      .terminate('test finished')
      .catch(() => undefined);
    count += 1;
  }
  return count;
}
