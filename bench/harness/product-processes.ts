import { type ChildProcess, fork } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { ProbeQuestion, ProbeReply, ProbeRequest, ProbeStats } from './probe-protocol';

const ROOT = path.resolve(__dirname, '../..');
const PROBE = path.join(__dirname, 'child-probe.ts');

/** A free TCP port on the loopback interface (asked of the kernel, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** One of the product's processes (apps/api or apps/worker main.ts), with the bench's probe. */
export class ProductProcess {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: ProbeReply) => void>();
  private exited: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    private readonly profiling: boolean,
  ) {
    child.on('message', (reply: ProbeReply) => {
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** With `cpuProfDir`, runs under `node --cpu-prof`: each thread's profile lands there at exit. */
  static spawn(
    name: string,
    entry: string,
    env: Record<string, string>,
    logFile: string,
    cpuProfDir: string | null,
  ): ProductProcess {
    const log = openSync(logFile, 'a');
    const profiling = cpuProfDir
      ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`, '--cpu-prof-interval=2000']
      : [];
    const child = fork(path.join(ROOT, entry), [], {
      cwd: ROOT,
      env,
      execArgv: [
        '--max-old-space-size=2048',
        ...profiling,
        '-r',
        '@swc-node/register',
        '-r',
        PROBE,
      ],
      stdio: ['ignore', log, log, 'ipc'],
      // Structured clone: captured SQL parameters keep their types (dates, buffers).
      serialization: 'advanced',
    });
    closeSync(log);
    return new ProductProcess(name, child, profiling.length > 0);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private async ask(req: ProbeQuestion): Promise<ProbeReply> {
    if (!this.running) throw new Error(`the ${this.name} process has exited`);
    const id = this.nextId++;
    const reply = new Promise<ProbeReply>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} probe: no answer`)), 30_000);
      this.pending.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
    const request: ProbeRequest = { ...req, id };
    this.child.send(request);
    const r = await reply;
    if (r.kind === 'error') throw new Error(`${this.name} probe: ${r.message}`);
    return r;
  }

  async stats(): Promise<ProbeStats> {
    const r = await this.ask({ kind: 'stats' });
    if (r.kind !== 'stats') throw new Error(`${this.name} probe answered ${r.kind}`);
    return r;
  }

  async sqlBreakdown(): Promise<Record<string, number>> {
    const r = await this.ask({ kind: 'sql-breakdown' });
    return r.kind === 'sql-breakdown' ? r.counts : {};
  }

  /** The statements (text, parameters) matching `pattern` that `request` made this process send. */
  async captureSql(
    pattern: RegExp,
    request: () => Promise<void>,
  ): Promise<{ text: string; values: unknown[] }[]> {
    await this.ask({ kind: 'capture-start', pattern: pattern.source });
    let statements: { text: string; values: unknown[] }[] = [];
    try {
      await request();
    } finally {
      const r = await this.ask({ kind: 'capture-stop' });
      if (r.kind === 'captured') statements = r.statements;
    }
    return statements;
  }

  /** Returns the instant on the profiles' clock (µs). */
  async profileStart(): Promise<number> {
    const r = await this.ask({ kind: 'profile-start' });
    return r.kind === 'done' ? r.at : Number.NaN;
  }

  async profileStop(): Promise<number> {
    const r = await this.ask({ kind: 'profile-stop' });
    return r.kind === 'done' ? r.at : Number.NaN;
  }

  /** SIGTERM (Nest's shutdown hooks end the Temporal worker and the queues), SIGKILL after 20 s;
   * under --cpu-prof, an exit the profiler sees instead. */
  async stop(): Promise<void> {
    if (!this.running) return;
    if (this.profiling) this.child.send({ id: 0, kind: 'exit' } satisfies ProbeRequest);
    else this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/**
 * The product as production runs it: the API and the worker, each its own Node process
 * (`apps/api/src/main.ts`, `apps/worker/src/main.ts`, through @swc-node/register as `npm start`
 * does), configured from the environment only.
 */
export class ProductProcesses {
  private constructor(
    readonly api: ProductProcess,
    readonly worker: ProductProcess,
    readonly apiUrl: string,
  ) {}

  get all(): ProductProcess[] {
    return [this.api, this.worker];
  }

  static async start(
    env: Record<string, string>,
    logDir: string,
    temporalClient: Client,
    log: (message: string) => void,
    /** `node --cpu-prof` into <dir>/api and <dir>/worker. */
    cpuProfDir: string | null,
  ): Promise<ProductProcesses> {
    const port = await freePort();
    const profDir = (name: string) => (cpuProfDir ? path.join(cpuProfDir, name) : null);
    const worker = ProductProcess.spawn(
      'worker',
      'apps/worker/src/main.ts',
      env,
      path.join(logDir, 'product-worker.log'),
      profDir('worker'),
    );
    const api = ProductProcess.spawn(
      'api',
      'apps/api/src/main.ts',
      { ...env, API_PORT: String(port), API_HOST: '127.0.0.1' },
      path.join(logDir, 'product-api.log'),
      profDir('api'),
    );
    const self = new ProductProcesses(api, worker, `http://127.0.0.1:${port}`);
    try {
      const until = Date.now() + 180_000;
      log(`product: API (pid ${api.pid}) and worker (pid ${worker.pid}) starting`);
      for (;;) {
        for (const p of self.all) {
          if (!p.running) throw new Error(`the ${p.name} process exited: see ${logDir}`);
        }
        const apiUp = await fetch(`${self.apiUrl}/health`).then(
          (r) => r.ok,
          () => false,
        );
        const polled = await temporalClient.workflowService
          .describeTaskQueue({
            namespace: temporalClient.options.namespace,
            taskQueue: { name: env['TEMPORAL_TASK_QUEUE'] },
            taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
          })
          .then(
            (r) => (r.pollers?.length ?? 0) > 0,
            () => false,
          );
        if (apiUp && polled) break;
        if (Date.now() > until) throw new Error(`the product did not start: see ${logDir}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      log('product: API answering, worker polling');
      return self;
    } catch (err) {
      await self.stop();
      throw err;
    }
  }

  /** SQL statements of both processes by text, since they started. */
  async sqlBreakdown(): Promise<Map<string, number>> {
    const all = new Map<string, number>();
    for (const p of this.all) {
      for (const [text, n] of Object.entries(await p.sqlBreakdown())) {
        const key = `${p.name}: ${text}`;
        all.set(key, (all.get(key) ?? 0) + n);
      }
    }
    return all;
  }

  async stop(): Promise<void> {
    await this.api.stop();
    await this.worker.stop();
  }
}
