/* The system the browser tests drive, as production runs it: the compiled worker
 * (dist/apps/worker/main.js, loading the prebuilt workflow bundle) and the compiled API
 * (dist/apps/api/main.js, serving the web build) from `npm run build`, each in a process of its own
 * with NODE_ENV=production, against the test database, Redis db 1 and the Temporal dev server, on a
 * task queue and queue prefix of their own. The seeding talks to them over HTTP, with its own
 * Prisma and Temporal clients. Their logs: .data/logs/e2e-{api,worker}.log. */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@epw/config';
import { PrismaService } from '@epw/data-access';
import { temporalDataConverter } from '@epw/temporal';
import { ApiClient, DEMO_PASSWORD } from '@epw/testing';
import type { TestSystem } from '../../support/test-system';
import { DATA_DIR, ROOT } from './paths';

/** The test system without the in-process worker context: the worker is a process of its own. */
export type CompiledSystem = Omit<TestSystem, 'worker'>;

const API_MAIN = path.join(ROOT, 'dist/apps/api/main.js');
const WORKER_MAIN = path.join(ROOT, 'dist/apps/worker/main.js');
const LOG_DIR = path.join(DATA_DIR, 'logs');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

const secret = (bytes: number, encoding: 'base64' | 'base64url') =>
  randomBytes(bytes).toString(encoding);

/** Starts `node <main>` with its output in `log`; a process that exits early says why. */
function startNode(main: string, env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const out = openSync(log, 'w');
  return spawn(process.execPath, ['--enable-source-maps', main], {
    cwd: ROOT,
    env,
    stdio: ['ignore', out, out],
  });
}

function tail(log: string): string {
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-20).join('\n') : '';
}

/** Polls `probe` (bounded) until it holds; fails at once, with its log, if the process exits. */
async function until(
  what: string,
  child: ChildProcess,
  log: string,
  probe: () => Promise<boolean> | boolean,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${what}: the process exited (code ${child.exitCode}):\n${tail(log)}`);
    }
    if (
      await Promise.resolve()
        .then(probe)
        .catch(() => false)
    )
      return;
    if (Date.now() > deadline)
      throw new Error(`timed out after 120 s waiting for ${what}:\n${tail(log)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

export async function startCompiledSystem(
  overrides: Record<string, string> = {},
): Promise<CompiledSystem> {
  const running = process.env['EPW_E2E_BASE_URL'];
  if (running) return connectRunningSystem(running);
  for (const main of [API_MAIN, WORKER_MAIN]) {
    if (!existsSync(main)) throw new Error(`no build at ${main}: run \`npm run build\` first`);
  }
  const port = await freePort();
  const own = `e2e-${process.pid}-${Date.now().toString(36)}`;
  const env: Record<string, string | undefined> = {
    DATABASE_URL: 'postgresql://epw:epw@127.0.0.1:5432/epw_test',
    REDIS_URL: 'redis://127.0.0.1:6379/1',
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    JWT_SECRET: secret(48, 'base64url'),
    TEMPORAL_PAYLOAD_KEY: secret(32, 'base64'),
    TEMPORAL_PAYLOAD_KEY_ID: 'e2e-1',
    MFA_ENCRYPTION_KEY: secret(32, 'base64'),
    // Fixture accounts log in with a password only (as in the integration tests); the second
    // factor's own spec enrols one.
    MFA_ENFORCEMENT: 'off',
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    TEMPORAL_TASK_QUEUE: own,
    QUEUE_PREFIX: own,
    RECONCILE_INTERVAL_MS: '2000',
    WORKFLOW_BUNDLE_PATH: path.join(ROOT, 'dist/workflows/workflow-bundle.js'),
    ...overrides,
  };
  const config = loadConfig(env);
  const workerLog = path.join(LOG_DIR, 'e2e-worker.log');
  const apiLog = path.join(LOG_DIR, 'e2e-api.log');
  const children: ChildProcess[] = [];
  // Never outlive the system that started them, however it ends.
  const killAll = () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL'));
  process.once('exit', killAll);
  let prisma: PrismaService | undefined;
  let connection: Connection | undefined;
  try {
    // Both at once: the API needs no worker to boot, and two cores start them faster together.
    const worker = startNode(WORKER_MAIN, env, workerLog);
    const api = startNode(API_MAIN, env, apiLog);
    children.push(worker, api);
    const baseUrl = `http://127.0.0.1:${port}`;
    await Promise.all([
      until(`the compiled worker to poll ${own}`, worker, workerLog, () =>
        readFileSync(workerLog, 'utf8').includes('Temporal worker polling'),
      ),
      until(
        `the compiled API's /health`,
        api,
        apiLog,
        async () => (await fetch(`${baseUrl}/health`)).ok,
      ),
    ]);
    prisma = new PrismaService(config);
    connection = await Connection.connect({ address: config.temporal.address });
    const temporal = new Client({
      connection,
      namespace: config.temporal.namespace,
      dataConverter: temporalDataConverter(config),
    });
    const [db, temporalConnection] = [prisma, connection];
    return {
      config,
      http: new ApiClient(baseUrl, DEMO_PASSWORD),
      prisma: db,
      temporal,
      async close() {
        await stopProcess(api);
        await stopProcess(worker);
        await db.$disconnect();
        await temporalConnection.close();
        process.removeListener('exit', killAll);
      },
    };
  } catch (err) {
    await Promise.all(children.map(stopProcess));
    await prisma?.$disconnect();
    await connection?.close();
    throw err;
  }
}

/**
 * EPW_E2E_BASE_URL: a system already running at that address (e.g. the scale-out profile behind
 * HAProxy, `eval "$(scripts/scale-out.sh env)"`), reached with its own DATABASE_URL,
 * TEMPORAL_ADDRESS, TEMPORAL_TASK_QUEUE and keys from the environment; nothing is started or stopped.
 */
async function connectRunningSystem(baseUrl: string): Promise<CompiledSystem> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'production' });
  const prisma = new PrismaService(config);
  const connection = await Connection.connect({ address: config.temporal.address });
  const temporal = new Client({
    connection,
    namespace: config.temporal.namespace,
    dataConverter: temporalDataConverter(config),
  });
  return {
    config,
    http: new ApiClient(baseUrl, DEMO_PASSWORD),
    prisma,
    temporal,
    async close() {
      await prisma.$disconnect();
      await connection.close();
    },
  };
}
