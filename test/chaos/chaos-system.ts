import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { BallotSeal, temporalDataConverter } from '@epw/temporal';
import { waitFor } from '@epw/testing';
import { bounded } from './chaos-context';

const run = promisify(execFile);

export const ROOT = path.resolve(__dirname, '../..');
const TEMPORAL_VERSION = 'v1.5.1';

/** Ports of the isolated system: none of them is a shared service's (7233, 6379, 5432, 3000). */
export interface ChaosPorts {
  temporal: number;
  temporalUi: number;
  redis: number;
  postgres: number;
  api: number;
}

export const DEFAULT_PORTS: ChaosPorts = {
  temporal: 7263,
  temporalUi: 8263,
  redis: 6391,
  postgres: 5441,
  api: 3091,
};

export interface ChaosSystemOptions {
  dataDir: string;
  ports: ChaosPorts;
  /** Milliseconds of BullMQ lock: the pause fault blocks the worker for longer than this. */
  queueLockMs: number;
  reconcileMs: number;
  log: (line: string) => void;
}

/** A process we started, with its log file. */
interface Proc {
  name: string;
  child: ChildProcess;
  exited: Promise<void>;
  logFile: string;
  /** Size of the log when this process started: its own lines come after. */
  logOffset: number;
  /** Set before the harness stops it on purpose (a fault, a restart, the teardown). */
  stopping?: boolean;
}

/** An app process that ended without the harness asking: a supervisor restarted it. */
export interface UnexpectedExit {
  name: 'api' | 'worker';
  at: string;
  code: number | null;
  signal: string | null;
  /** The known crash it matched (see KNOWN_CRASHES), or null: then it is a violation. */
  known: string | null;
  logTail: string;
}

/**
 * Crashes of third-party code a supervisor restarts and the trials then recover from. Each has a
 * reason; any other unexpected exit is reported as a violation (a bug of ours until shown not).
 */
export const KNOWN_CRASHES: { signature: RegExp; reason: string }[] = [
  {
    signature: /async hook stack has become corrupted/,
    reason:
      'Node aborts a Temporal workflow worker thread under heavy load (temporalio/sdk-typescript ' +
      '#939, #1832): no state is lost, the restarted worker replays the histories',
  },
];

/** Like systemd's Restart=always with RestartSec=1: how long before a crashed app is restarted. */
const RESTART_DELAY_MS = 1000;

const JWT_SECRET = 'chaos-secret-chaos-secret-chaos-secret-00';
/** Temporal payloads are encrypted as in production: the apps get the key, and the harness's own
 * clients (queries, history fetches, replays) the same codec. */
const PAYLOAD_KEY_ID = 'chaos';
const PAYLOAD_KEY = randomBytes(32).toString('base64');
const PAYLOAD_KEYS = { currentId: PAYLOAD_KEY_ID, keys: { [PAYLOAD_KEY_ID]: PAYLOAD_KEY } };
export const CHAOS_DATA_CONVERTER: DataConverter = temporalDataConverter({
  temporalPayloadKeys: PAYLOAD_KEYS,
});
/** The API's ballot keys: ballot update ids carry `voterTag(userId)`, not the user id. */
export const CHAOS_BALLOT_SEAL = BallotSeal.fromConfig({
  temporalPayloadKeys: PAYLOAD_KEYS,
  jwt: { secret: JWT_SECRET, previousSecret: null, ttlSeconds: 0, refreshTtlSeconds: 0 },
});

/**
 * An isolated copy of the whole system for fault injection: its own Temporal dev server (SQLite
 * file), Redis (AOF) and PostgreSQL cluster, all under `dataDir` and on ports of their own, plus the
 * API and the worker as separate Node processes (so they can be killed with SIGKILL). Nothing here
 * ever signals a process it did not start.
 */
export class ChaosSystem {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly temporalAddress: string;
  readonly apiUrl: string;
  readonly bundlePath: string;
  temporalClient!: Connection;

  /** Set by stop(): a fault still under way in some trial must not start anything again. */
  private stopped = false;
  private temporal?: Proc;
  private redis?: Proc;
  private api?: Proc;
  private worker?: Proc;
  private readonly logDir: string;
  private readonly pgDir: string;
  private readonly pgBin: string;
  private readonly temporalBin: string;

  private constructor(readonly opts: ChaosSystemOptions) {
    const { ports, dataDir } = opts;
    this.databaseUrl = `postgresql://epw:epw@127.0.0.1:${ports.postgres}/epw`;
    this.redisUrl = `redis://127.0.0.1:${ports.redis}/0`;
    this.temporalAddress = `127.0.0.1:${ports.temporal}`;
    this.apiUrl = `http://127.0.0.1:${ports.api}`;
    this.logDir = path.join(dataDir, 'logs');
    // Outside the checkout: the `postgres` user must reach its cluster, and a clone may sit under
    // a directory only root can enter (e.g. `mktemp -d`). One directory per data directory.
    const id = createHash('sha1').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
    this.pgDir = path.join(os.tmpdir(), `epw-chaos-${id}`, 'pg');
    this.bundlePath = path.join(dataDir, 'workflow-bundle.js');
    this.pgBin = postgresBin();
    this.temporalBin = temporalBin();
  }

  /** Starts everything from scratch (the data directory is wiped first). */
  static async start(opts: ChaosSystemOptions): Promise<ChaosSystem> {
    const sys = new ChaosSystem(opts);
    try {
      await sys.boot();
    } catch (err) {
      await sys.stop();
      throw err;
    }
    return sys;
  }

  private async boot(): Promise<void> {
    const { ports, dataDir, log } = this.opts;
    await this.stopLeftovers();
    for (const [name, port] of Object.entries(ports) as [string, number][]) {
      // A leftover just killed may take a moment to let go of its port.
      await waitFor(async () => !(await portOpen(port)), { timeoutMs: 15_000 }).catch(
        () => undefined,
      );
      if (await portOpen(port)) {
        throw new Error(
          `port ${port} (${name}) is in use by a process this harness did not start; set CHAOS_PORT_OFFSET`,
        );
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(this.logDir, { recursive: true });

    log(`bundling the workflows → ${path.relative(ROOT, this.bundlePath)}`);
    const bundling = run(
      'node',
      ['-r', '@swc-node/register', 'apps/worker/src/temporal/bundle-workflows.ts', this.bundlePath],
      { cwd: ROOT, env: baseEnv() },
    );
    // Awaited below; if a step before fails, teardown kills it, and that must not surface as an
    // unhandled rejection (it would end the whole Jest process).
    bundling.catch(() => undefined);
    log(`PostgreSQL cluster in ${this.pgDir} on :${ports.postgres}`);
    await this.initPostgres();
    log(`Redis on :${ports.redis} (AOF), Temporal dev server on :${ports.temporal}`);
    await this.startRedis();
    this.startTemporal();
    this.temporalClient = await Connection.connect({ address: this.temporalAddress });
    await this.waitTemporal();
    log('prisma migrate deploy');
    await run('npx', ['--no-install', 'prisma', 'migrate', 'deploy'], {
      cwd: ROOT,
      env: { ...baseEnv(), DATABASE_URL: this.databaseUrl },
    });
    await bundling;
    log('starting the worker and the API');
    await Promise.all([this.startWorker(), this.startApi()]);
  }

  // ── the apps ─────────────────────────────────────────────────────────────────────────────────

  private appEnv(): Record<string, string> {
    const { ports } = this.opts;
    return {
      ...baseEnv(),
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      OTEL_TRACES_EXPORTER: 'none',
      WORKER_METRICS_PORT: '0',
      TEMPORAL_METRICS_PORT: '0',
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redisUrl,
      TEMPORAL_ADDRESS: this.temporalAddress,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'chaos',
      TEMPORAL_UI_URL: `http://127.0.0.1:${ports.temporalUi}`,
      API_HOST: '127.0.0.1',
      API_PORT: String(ports.api),
      PUBLIC_URL: this.apiUrl,
      JWT_SECRET,
      JWT_TTL_SECONDS: '86400',
      TEMPORAL_PAYLOAD_KEY: PAYLOAD_KEY,
      TEMPORAL_PAYLOAD_KEY_ID: PAYLOAD_KEY_ID,
      // Fixture accounts log in with a password only (second factor: docs/durability-and-security.md).
      MFA_ENCRYPTION_KEY: 'Y2hhb3MtbWZhLWtleS1jaGFvcy1tZmEta2V5LWNoYW8=',
      MFA_ENFORCEMENT: 'off',
      WORKFLOW_BUNDLE_PATH: this.bundlePath,
      RECONCILE_INTERVAL_MS: String(this.opts.reconcileMs),
      QUEUE_LOCK_DURATION_MS: String(this.opts.queueLockMs),
      QUEUE_PREFIX: 'chaos',
      DELIVERY_BACKOFF_MS: '250',
      // Fixture users have no e-mail address: nothing is sent over SMTP (and never to a shared sink).
      SMTP_URL: 'smtp://127.0.0.1:9',
    };
  }

  async startWorker(): Promise<void> {
    const proc = this.spawnNode('worker', 'apps/worker/src/main.ts');
    this.worker = proc;
    this.supervise(proc, 'worker');
    await this.waitLog(proc, /Temporal worker polling/, 120_000);
  }

  async startApi(): Promise<void> {
    const proc = this.spawnNode('api', 'apps/api/src/main.ts');
    this.api = proc;
    this.supervise(proc, 'api');
    await this.waitApi();
  }

  /** Exits of the apps nobody asked for, each restarted like a supervisor would. */
  readonly unexpectedExits: UnexpectedExit[] = [];

  /** Restarts `proc` if it ends on its own, and records how it ended. */
  private supervise(proc: Proc, name: 'api' | 'worker'): void {
    proc.child.once('exit', (code, signal) => {
      if (proc.stopping || this.stopped) return;
      const log = readFileSync(proc.logFile).subarray(proc.logOffset).toString('utf8');
      const known = KNOWN_CRASHES.find((k) => k.signature.test(log));
      this.unexpectedExits.push({
        name,
        at: new Date().toISOString(),
        code,
        signal,
        known: known?.reason ?? null,
        logTail: log.slice(-4000),
      });
      this.opts.log(
        `${name} exited unexpectedly (code ${code}, signal ${signal})${
          known ? `: known crash, ${known.reason}` : ''
        }; restarting it in ${RESTART_DELAY_MS} ms`,
      );
      setTimeout(() => {
        if (this.stopped || (name === 'worker' ? this.worker : this.api) !== proc) return;
        const restart = name === 'worker' ? this.startWorker() : this.startApi();
        restart.catch((err: Error) => this.opts.log(`restarting ${name} failed: ${err.message}`));
      }, RESTART_DELAY_MS);
    });
  }

  async waitApi(timeoutMs = 120_000): Promise<void> {
    await waitFor(
      async () => {
        const proc = this.api;
        if (!proc || proc.child.exitCode !== null) throw new Error('the API is not running');
        const res = await fetch(`${this.apiUrl}/health`, { signal: AbortSignal.timeout(3000) });
        await res.arrayBuffer();
        return res.status === 200;
      },
      { timeoutMs, intervalMs: 200, description: 'the chaos API /health' },
    );
  }

  /** SIGKILL, no shutdown hooks: whatever was in flight is cut. */
  async killWorker(): Promise<void> {
    await killProc(this.worker, 'SIGKILL');
    this.worker = undefined;
  }

  async killApi(): Promise<void> {
    await killProc(this.api, 'SIGKILL');
    this.api = undefined;
  }

  /** Blocks the worker (Temporal worker and BullMQ processors) for `ms`, then lets it go on. */
  async pauseWorker(ms: number): Promise<void> {
    const child = this.worker?.child;
    if (!child?.pid) throw new Error('the worker is not running');
    process.kill(child.pid, 'SIGSTOP');
    try {
      await new Promise((resolve) => setTimeout(resolve, ms));
    } finally {
      process.kill(child.pid, 'SIGCONT');
    }
  }

  get apiPid(): number | undefined {
    return this.api?.child.pid;
  }

  private spawnNode(name: string, entry: string): Proc {
    return this.spawnProc(name, 'node', ['-r', '@swc-node/register', entry], this.appEnv());
  }

  private spawnProc(name: string, cmd: string, args: string[], env: Record<string, string>): Proc {
    if (this.stopped) throw new Error(`the chaos system was stopped: not starting ${name}`);
    const logFile = path.join(this.logDir, `${name}.log`);
    const logOffset = existsSync(logFile) ? statSync(logFile).size : 0;
    const fd = openSync(logFile, 'a');
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    return { name, child, exited, logFile, logOffset };
  }

  /** Waits for a line matching `re` written to the process's log after it started. */
  private async waitLog(proc: Proc, re: RegExp, timeoutMs: number): Promise<void> {
    await waitFor(
      () => {
        if (proc.child.exitCode !== null) {
          throw new Error(`${proc.name} exited with ${proc.child.exitCode} (see ${proc.logFile})`);
        }
        return re.test(readFileSync(proc.logFile).subarray(proc.logOffset).toString('utf8'));
      },
      { timeoutMs, intervalMs: 200, description: `${proc.name}: ${re.source}` },
    );
  }

  // ── Temporal ─────────────────────────────────────────────────────────────────────────────────

  private startTemporal(): void {
    const { ports, dataDir } = this.opts;
    mkdirSync(path.join(dataDir, 'temporal'), { recursive: true });
    this.temporal = this.spawnProc(
      'temporal',
      this.temporalBin,
      [
        'server',
        'start-dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(ports.temporal),
        '--ui-port',
        String(ports.temporalUi),
        '--db-filename',
        path.join(dataDir, 'temporal', 'temporal.db'),
        '--sqlite-pragma',
        'journal_mode=WAL',
        '--sqlite-pragma',
        'synchronous=NORMAL',
        '--sqlite-pragma',
        'busy_timeout=5000',
        '--namespace',
        'default',
        '--log-level',
        'warn',
      ],
      baseEnv(),
    );
  }

  async waitTemporal(timeoutMs = 90_000): Promise<void> {
    await waitFor(
      async () => {
        if (this.temporal?.child.exitCode !== null) throw new Error('Temporal exited');
        await this.temporalClient.workflowService.describeNamespace({ namespace: 'default' });
        return true;
      },
      { timeoutMs, intervalMs: 250, description: 'the chaos Temporal dev server' },
    );
  }

  /** Restarts the dev server on the same SQLite file: what was persisted must survive. */
  async restartTemporal(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    await killProc(this.temporal, signal);
    this.startTemporal();
    await this.waitTemporal();
  }

  // ── Redis ────────────────────────────────────────────────────────────────────────────────────

  private async startRedis(): Promise<void> {
    const dir = path.join(this.opts.dataDir, 'redis');
    mkdirSync(dir, { recursive: true });
    this.redis = this.spawnProc(
      'redis',
      'redis-server',
      [
        '--port',
        String(this.opts.ports.redis),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'everysec',
        '--maxmemory-policy',
        'noeviction',
        '--save',
        '',
        '--daemonize',
        'no',
      ],
      baseEnv(),
    );
    await waitFor(async () => (await this.redisCli('PING')).trim() === 'PONG', {
      timeoutMs: 30_000,
      description: 'the chaos Redis',
    });
  }

  redisCli(...args: string[]): Promise<string> {
    return run('redis-cli', ['-p', String(this.opts.ports.redis), ...args]).then((r) => r.stdout);
  }

  /** Restart with the append-only file: SIGKILL may lose the last second (appendfsync everysec). */
  async restartRedis(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    await killProc(this.redis, signal);
    await this.startRedis();
  }

  async flushRedis(): Promise<void> {
    if (this.stopped) throw new Error('the chaos system was stopped');
    await this.redisCli('FLUSHALL');
  }

  // ── PostgreSQL ───────────────────────────────────────────────────────────────────────────────

  private asPostgres(cmd: string, args: string[]) {
    const isRoot = process.getuid?.() === 0;
    return isRoot
      ? run('runuser', ['-u', 'postgres', '--', cmd, ...args], { env: baseEnv(), cwd: '/' })
      : run(cmd, args, { env: baseEnv() });
  }

  private async initPostgres(): Promise<void> {
    rmSync(path.dirname(this.pgDir), { recursive: true, force: true });
    mkdirSync(this.pgDir, { recursive: true, mode: 0o700 });
    chmodSync(path.dirname(this.pgDir), 0o755);
    if (process.getuid?.() === 0) await run('chown', ['-R', 'postgres:postgres', this.pgDir]);
    const pwFile = path.join(this.pgDir, '..', 'pgpass.tmp');
    writeFileSync(pwFile, 'epw\n', { mode: 0o644 });
    await this.asPostgres(path.join(this.pgBin, 'initdb'), [
      '-D',
      this.pgDir,
      '-U',
      'epw',
      '--pwfile',
      pwFile,
      '--auth-host=scram-sha-256',
      '--auth-local=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    rmSync(pwFile);
    writeFileSync(
      path.join(this.pgDir, 'postgresql.auto.conf'),
      [
        `port = ${this.opts.ports.postgres}`,
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${this.pgDir}'`,
        'max_connections = 200',
        'fsync = on',
        '',
      ].join('\n'),
    );
    if (process.getuid?.() === 0)
      await run('chown', ['postgres:postgres', `${this.pgDir}/postgresql.auto.conf`]);
    await this.pgCtl('start');
    await this.asPostgres(path.join(this.pgBin, 'createdb'), [
      '-h',
      this.pgDir,
      '-p',
      String(this.opts.ports.postgres),
      '-U',
      'epw',
      'epw',
    ]);
  }

  private pgCtl(action: 'start' | 'stop' | 'restart', mode = 'fast') {
    return this.asPostgres(path.join(this.pgBin, 'pg_ctl'), [
      '-D',
      this.pgDir,
      '-l',
      path.join(this.pgDir, 'postgres.log'),
      '-m',
      mode,
      '-w',
      '-t',
      '60',
      action,
    ]);
  }

  /** `pg_ctl -m immediate restart`: every connection is cut, recovery replays the WAL. */
  async restartPostgres(): Promise<void> {
    if (this.stopped) throw new Error('the chaos system was stopped: not restarting PostgreSQL');
    await this.pgCtl('restart', 'immediate');
  }

  // ── teardown ─────────────────────────────────────────────────────────────────────────────────

  async stop(): Promise<void> {
    this.stopped = true;
    await bounded(
      'closing the Temporal client',
      this.temporalClient?.close(),
      10_000,
      this.opts.log,
    );
    const log = this.opts.log;
    await killProc(this.api, 'SIGTERM', 15_000, log);
    await killProc(this.worker, 'SIGTERM', 20_000, log);
    await killProc(this.temporal, 'SIGTERM', 15_000, log);
    await killProc(this.redis, 'SIGTERM', 10_000, log);
    if (existsSync(path.join(this.pgDir, 'postmaster.pid'))) {
      await this.pgCtl('stop', 'fast').catch(() => this.pgCtl('stop', 'immediate'));
    }
    // Nothing of ours may outlive the run (e.g. a process whose start failed half-way).
    for (const pid of leftoverPids(this.opts.dataDir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  /** A previous run that died without tearing down: stop its processes (ours: they run in, or
   * name, our data directory) and its PostgreSQL cluster. */
  private async stopLeftovers(): Promise<void> {
    if (existsSync(path.join(this.pgDir, 'postmaster.pid'))) {
      await this.pgCtl('stop', 'immediate').catch(() => undefined);
    }
    for (const pid of leftoverPids(this.opts.dataDir)) {
      this.opts.log(`stopping a leftover process of an earlier run (pid ${pid})`);
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}

/** Only the environment a child needs: never the caller's DATABASE_URL or REDIS_URL. */
function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR', 'NODE_OPTIONS'];
  const env: Record<string, string> = {};
  for (const k of keep) {
    const v = process.env[k];
    if (v !== undefined) env[k] = v;
  }
  return env;
}

/** Processes of an earlier run from `dataDir`: Temporal and PostgreSQL name it on their command
 * line, Redis runs in it, the API and the worker carry it in their environment. */
function leftoverPids(dataDir: string): number[] {
  const mine = `${path.resolve(dataDir)}/`;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      const app = /apps\/(api|worker)\/src\/main\.ts/.test(cmdline);
      if (
        cmdline.includes(mine) ||
        `${cwd}/`.startsWith(mine) ||
        (app && readFileSync(`/proc/${pid}/environ`, 'utf8').includes(mine))
      ) {
        pids.push(pid);
      }
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

async function killProc(
  proc: Proc | undefined,
  signal: NodeJS.Signals,
  graceMs = 0,
  log?: (line: string) => void,
) {
  if (proc) proc.stopping = true;
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill(signal);
  if (graceMs > 0) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), graceMs);
    });
    if ((await Promise.race([proc.exited, timeout])) === 'timeout') {
      log?.(`${proc.name} did not stop within ${graceMs} ms of ${signal}: SIGKILL`);
      proc.child.kill('SIGKILL');
    }
    clearTimeout(timer);
  }
  await proc.exited;
}

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function postgresBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
        .sort((a, b) => Number(a) - Number(b))
    : [];
  const latest = versions[versions.length - 1];
  if (!latest) throw new Error('PostgreSQL server binaries not found (apt-get install postgresql)');
  return path.join(base, latest, 'bin');
}

/** The same binary scripts/services.sh uses: TEMPORAL_BIN, PATH, then the cache. */
function temporalBin(): string {
  const fromEnv = process.env['TEMPORAL_BIN'];
  if (fromEnv) return fromEnv;
  for (const dir of (process.env['PATH'] ?? '').split(':')) {
    if (dir && existsSync(path.join(dir, 'temporal'))) return path.join(dir, 'temporal');
  }
  const cacheDir =
    process.env['EPW_CACHE_DIR'] ??
    path.join(process.env['HOME'] ?? '/root', '.cache/emulation-pledge');
  const cached = path.join(cacheDir, `temporal-${TEMPORAL_VERSION}`);
  if (existsSync(cached)) return cached;
  throw new Error('the temporal CLI was not found: run `npm run services` once (it builds it)');
}
