import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrismaService } from '@epw/data-access';
import { startOfVietnamDay } from '@epw/domain';
import {
  groupTraces,
  formatTraceTree,
  readSpanRecords,
  type SpanRecord,
  type TraceSummary,
} from '@epw/observability';
import {
  ApiClient,
  createFixtureCluster,
  DEMO_PASSWORD,
  ensureCommendationSetup,
  testConfig,
  uniqueSuffix,
  waitFor,
  type FixtureCluster,
} from '@epw/testing';

const ROOT = path.resolve(__dirname, '../..');
const YEAR = 2026;
const SECONDS_PER_DAY = 2;
const APPROVE_ROUTE = '/nominations/:id/steps/:stepKey';

interface Proc {
  child: ChildProcess;
  logFile: string;
}

/** A port nobody listens on right now (the apps bind it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const logLines = (proc: Proc): Record<string, unknown>[] =>
  readFileSync(proc.logFile, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** The chain of ancestors of a span within its trace, nearest first. */
function ancestors(trace: TraceSummary, span: SpanRecord): SpanRecord[] {
  const byId = new Map(trace.spans.map((s) => [s.spanId, s]));
  const chain: SpanRecord[] = [];
  let parent = span.parentSpanId === null ? undefined : byId.get(span.parentSpanId);
  while (parent) {
    chain.push(parent);
    parent = parent.parentSpanId === null ? undefined : byId.get(parent.parentSpanId);
  }
  return chain;
}

/** The values of the exposition's series `name` whose labels include `labels` (any order). */
function series(text: string, name: string, labels: Record<string, string> = {}): number[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
    .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
}

/**
 * Metrics and traces of the real processes as `npm start` runs them (main.ts, tracing bootstrap
 * first), against the real PostgreSQL, Redis and Temporal: one approval leaves one trace from the
 * HTTP request through the Temporal Update, the workflow and the activity to its SQL, a log line
 * with its trace id, and /metrics of the API and the worker show the route's latency histogram,
 * the Update latency, the BullMQ gauges and the Temporal SDK's runtime metrics.
 */
describe('observability of the API and the worker', () => {
  const suffix = uniqueSuffix();
  const tracesDir = mkdtempSync(path.join(tmpdir(), 'epw-traces-'));
  const config = testConfig();
  let prisma: PrismaService;
  let http: ApiClient;
  let cluster: FixtureCluster;
  let cycleId: string;
  let api: Proc;
  let worker: Proc;
  let apiPort: number;
  let workerMetricsPort: number;
  const workflows: string[] = [];

  const spawnApp = (name: string, entry: string, env: Record<string, string>): Proc => {
    const logFile = path.join(tracesDir, `${name}.log`);
    const fd = openSync(logFile, 'a');
    const child = spawn('node', ['-r', '@swc-node/register', entry], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    return { child, logFile };
  };

  const stop = async (proc: Proc | undefined) => {
    if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.child.once('exit', resolve));
    proc.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise((resolve) => (timer = setTimeout(resolve, 15_000)));
    await Promise.race([exited, late]);
    clearTimeout(timer);
    if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGKILL');
  };

  beforeAll(async () => {
    apiPort = await freePort();
    workerMetricsPort = await freePort();
    const temporalMetricsPort = await freePort();
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl,
      TEMPORAL_ADDRESS: config.temporal.address,
      TEMPORAL_TASK_QUEUE: config.temporal.taskQueue,
      QUEUE_PREFIX: config.notifications.queuePrefix,
      JWT_SECRET: config.jwt.secret,
      TEMPORAL_PAYLOAD_KEY: 'dGVzdC1wYXlsb2FkLWtleS10ZXN0LXBheWxvYWQta2U=',
      TEMPORAL_PAYLOAD_KEY_ID: 'test-1',
      MFA_ENFORCEMENT: 'off',
      MFA_ENCRYPTION_KEY: config.secondFactor.encryptionKey,
      API_HOST: '127.0.0.1',
      API_PORT: String(apiPort),
      // Fixture users have no e-mail address; nothing goes to a shared SMTP sink.
      SMTP_URL: 'smtp://127.0.0.1:9',
      // Tracing is off in tests by default: this suite turns it on, into its own directory.
      OTEL_TRACES_EXPORTER: 'jsonl',
      OTEL_TRACES_DIR: tracesDir,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      WORKER_METRICS_PORT: String(workerMetricsPort),
      TEMPORAL_METRICS_PORT: String(temporalMetricsPort),
    };
    worker = spawnApp('worker', 'apps/worker/src/main.ts', env);
    api = spawnApp('api', 'apps/api/src/main.ts', env);

    prisma = new PrismaService(config);
    cluster = await createFixtureCluster(prisma, suffix, [YEAR]);
    await ensureCommendationSetup(prisma);
    const scale = 86_400 / SECONDS_PER_DAY;
    const calendarToday = startOfVietnamDay('2026-09-01') + 9 * 3_600_000;
    const cycle = await prisma.emulationCycle.create({
      data: {
        clusterId: cluster.clusterId,
        movementCode: 'DVK',
        movementName: 'Phong trào thi đua "Dân vận khéo"',
        periodKind: 'YEAR',
        periodLabel: String(YEAR),
        startsOn: new Date(`${YEAR}-01-01T00:00:00Z`),
        endsOn: new Date(`${YEAR}-12-31T00:00:00Z`),
        calendarScale: scale,
        calendarEpoch: new Date(
          Date.now() - (calendarToday - startOfVietnamDay(`${YEAR}-01-01`)) / scale,
        ),
      },
    });
    cycleId = cycle.id;

    const alive = (proc: Proc, name: string) => {
      if (proc.child.exitCode !== null) {
        throw new Error(`${name} exited: ${readFileSync(proc.logFile, 'utf8').slice(-3000)}`);
      }
    };
    await waitFor(
      () => {
        alive(worker, 'the worker');
        return readFileSync(worker.logFile, 'utf8').includes('Temporal worker polling');
      },
      { timeoutMs: 180_000, intervalMs: 250, description: 'the worker to poll' },
    );
    http = new ApiClient(`http://127.0.0.1:${apiPort}`, DEMO_PASSWORD);
    await waitFor(
      async () => {
        alive(api, 'the API');
        return (await fetch(`${http.baseUrl}/health`)).status === 200;
      },
      { timeoutMs: 180_000, intervalMs: 250, description: 'the API /health' },
    );
  }, 300_000);

  afterAll(async () => {
    await prisma?.deadline.updateMany({
      where: { subjectId: { in: workflows } },
      data: { status: 'CANCELLED' },
    });
    await Promise.all([stop(api), stop(worker)]);
    await prisma?.$disconnect();
    rmSync(tracesDir, { recursive: true, force: true });
  }, 60_000);

  it('traces one approval from the HTTP request through the Update, workflow and activity to its SQL', async () => {
    const unit = cluster.units[2];
    const created = await http.as<{ id: string; workflowId: string }>(
      unit.officer,
      'POST',
      '/nominations',
      {
        cycleId,
        year: YEAR,
        achievement: `Thành tích xuất sắc trong phong trào thi đua "Dân vận khéo" năm ${YEAR}`,
        documents: ['to-trinh', 'bao-cao-thanh-tich', 'bien-ban-hop-xet'].map((kind) => ({
          kind,
          fileName: `${kind}.pdf`,
          mediaType: 'application/pdf',
          contentBase64: Buffer.from('%PDF-1.4\n% dossier\n').toString('base64'),
        })),
        formCode: 'GK-BDV',
        nomineeKind: 'UNIT',
        nomineeUnitId: unit.id,
      },
    );
    expect(created.status).toBe(201);
    workflows.push(created.body.workflowId);
    const id = created.body.id;
    await waitFor(
      async () => {
        const d = await http.as<{ status: string; currentStep: { key: string } | null }>(
          unit.officer,
          'GET',
          `/nominations/${id}`,
        );
        return d.body.currentStep?.key === 'unit-head' && d.body.status === 'IN_REVIEW';
      },
      { timeoutMs: 60_000, description: 'the nomination at its unit-head step' },
    );

    const approved = await http.as(unit.signer, 'POST', `/nominations/${id}/steps/unit-head`, {
      decision: 'APPROVE',
    });
    expect(approved.status).toBe(200);

    // The trace of that request: its server span is named by the route, not the URL.
    const trace = await waitFor(
      () => {
        const found = groupTraces(readSpanRecords(tracesDir)).find(
          (t) =>
            t.root.name === `POST ${APPROVE_ROUTE}` &&
            t.root.attributes['http.status_code'] === 200 &&
            t.spans.some((s) => s.name.startsWith('RunActivity:')) &&
            t.spans.some(
              (s) =>
                s.name.startsWith('pg.') &&
                ancestors(t, s).some((a) => a.name.startsWith('RunActivity:')),
            ),
        );
        return found;
      },
      { timeoutMs: 30_000, intervalMs: 250, description: 'the approval trace in the files' },
    );
    const tree = formatTraceTree(trace);
    expect(trace.root.kind).toBe('SERVER');
    expect(trace.root.service).toBe('epw-api');
    const names = trace.spans.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^StartWorkflowUpdate:/),
        expect.stringMatching(/^HandleUpdate:/),
        expect.stringMatching(/^StartActivity:/),
        expect.stringMatching(/^RunActivity:/),
      ]),
    );
    // HTTP request → Update (client, API) → workflow → activity (worker) → SQL: one chain.
    const sql = trace.spans.find(
      (s) =>
        s.name.startsWith('pg.') &&
        ancestors(trace, s).some((a) => a.name.startsWith('RunActivity:')),
    );
    expect(sql).toBeDefined();
    const chain = ancestors(trace, sql as SpanRecord).map((s) => `${s.service} ${s.name}`);
    const order = [
      /^epw-worker RunActivity:/,
      /^epw-worker StartActivity:/,
      /^epw-worker HandleUpdate:/,
      /^epw-api StartWorkflowUpdate:/,
      new RegExp(`^epw-api POST ${APPROVE_ROUTE.replace(/[/:]/g, '\\$&')}$`),
    ];
    const positions = order.map((re) => chain.findIndex((link) => re.test(link)));
    const inOrder = positions.every((p, i) => p >= 0 && (i === 0 || p > (positions[i - 1] ?? 0)));
    expect({ chain, inOrder }).toEqual({ chain, inOrder: true });
    expect((sql as SpanRecord).attributes['db.system']).toBe('postgresql');
    expect(new Set(trace.spans.map((s) => s.traceId))).toEqual(new Set([trace.traceId]));

    // The API's log line of that request carries the trace id.
    const line = await waitFor(() => logLines(api).find((l) => l['trace_id'] === trace.traceId), {
      timeoutMs: 10_000,
      description: 'an API log line with the trace id',
    });
    expect(line['span_id']).toMatch(/^[0-9a-f]{16}$/);
    expect((line['req'] as { url: string }).url).toBe(`/nominations/${id}/steps/unit-head`);
    const { msg, trace_id, span_id } = line;
    console.log(`${tree}\n\nAPI log line: ${JSON.stringify({ msg, trace_id, span_id })}`);
  });

  it('serves /metrics: the route histogram, the Update latency and the BullMQ gauges', async () => {
    const res = await fetch(`${http.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    const route = { method: 'POST', route: APPROVE_ROUTE, status_class: '2xx' };
    expect(series(text, 'http_server_request_duration_seconds_count', route)).toEqual([1]);
    expect(series(text, 'http_server_request_duration_seconds_bucket', route)).toHaveLength(13);
    expect(text).not.toMatch(/route="\/nominations\/[0-9a-f]{8}-/);
    const updates = series(text, 'temporal_client_update_duration_seconds_count', {
      update: 'nominationStepAction',
      outcome: 'completed',
    });
    expect(updates).toEqual([1]);
    for (const state of ['waiting', 'delayed', 'active', 'failed']) {
      for (const queue of ['reminders', 'deliver-in-app', 'deliver-email', 'deliver-webhook']) {
        const jobs = series(text, 'bullmq_queue_jobs', { queue, state });
        expect({ queue, state, jobs }).toEqual({ queue, state, jobs: [expect.any(Number)] });
      }
    }
    expect(series(text, 'bullmq_queue_up', { queue: 'reminders' })).toEqual([1]);
    const age = series(text, 'bullmq_queue_oldest_waiting_age_seconds', { queue: 'deliver-email' });
    expect(age).toEqual([expect.any(Number)]);
    expect(age[0]).toBeGreaterThanOrEqual(0);
    expect(
      series(text, 'process_cpu_user_seconds_total', { service: 'epw-api' })[0],
    ).toBeGreaterThan(0);

    const excerpt = text
      .split('\n')
      .filter(
        (l) =>
          (l.includes(`route="${APPROVE_ROUTE}"`) && /_(count|sum)\{|le="0\.(1|25)"/.test(l)) ||
          /^temporal_client_update_duration_seconds_(count|sum)\{/.test(l) ||
          /^bullmq_queue_\w+\{[^}]*queue="(reminders|deliver-email)"/.test(l),
      );
    console.log(`/metrics excerpt:\n${excerpt.join('\n')}`);

    // Not for a request forwarded by a proxy on this machine: loopback only (no METRICS_TOKEN).
    const forwarded = await fetch(`${http.baseUrl}/metrics`, {
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(forwarded.status).toBe(403);
    await forwarded.arrayBuffer();
  });

  it("serves the worker's /metrics with the Temporal SDK runtime metrics merged in", async () => {
    const res = await fetch(`http://127.0.0.1:${workerMetricsPort}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    // Every queue of QueuesService (reminders, the three deliveries, the dead letters, ...).
    const waiting = series(text, 'bullmq_queue_jobs', { service: 'epw-worker', state: 'waiting' });
    expect(waiting.length).toBeGreaterThanOrEqual(5);
    for (const queue of ['reminders', 'deliver-in-app', 'deliver-email', 'deliver-webhook']) {
      expect({
        queue,
        up: series(text, 'bullmq_queue_up', { service: 'epw-worker', queue }),
      }).toEqual({ queue, up: [1] });
    }
    // The Temporal SDK runtime's own series (Prometheus exporter on loopback, merged in).
    const tasks = series(text, 'temporal_workflow_task_execution_latency_count', {
      workflow_type: 'nominationWorkflow',
    });
    expect(tasks[0]).toBeGreaterThan(0);
    expect(series(text, 'temporal_worker_task_slots_available').length).toBeGreaterThan(0);
  });
});
