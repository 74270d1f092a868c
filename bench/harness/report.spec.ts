import { profilesFromNote } from './profile-summary';
import { whyMissed } from './report';
import { type ScenarioResult, type SideSummary, summarize } from './result';

const side = (over: Partial<SideSummary>): SideSummary => ({
  ...summarize([
    {
      ops: 100,
      wallMs: 1_000,
      latencies: [10],
      extra: {},
      resources: {
        wallMs: 1_000,
        cpuMs: { bench: 0, api: 0, worker: 0, temporal: 0, redis: 0, postgres: 0 },
        peakRssMb: 0,
        peakHeapMb: 0,
        apiPeakRssMb: 0,
        workerPeakRssMb: 0,
        temporalPeakRssMb: 0,
        persistence: { ops: 0, seconds: 0 },
        eventLoopUtilization: 0,
        apiEventLoopUtilization: 0,
        workerEventLoopUtilization: 0,
        sqlStatements: 0,
        benchSqlStatements: 0,
        sdkProblems: 0,
        machineBusy: 0,
        othersBusy: 0,
      },
    },
  ]),
  ...over,
});

const cpu = (c: Partial<SideSummary['cpuMsPerOp']>): SideSummary['cpuMsPerOp'] => ({
  bench: 0,
  api: 0,
  worker: 0,
  temporal: 0,
  redis: 0,
  postgres: 0,
  ...c,
});

const result = (over: Partial<ScenarioResult>): ScenarioResult => ({
  key: 'start',
  title: 'start',
  productPath: '',
  baselinePath: '',
  size: '',
  headline: { metric: 'throughput', baseline: 40, product: 20, ratio: 0.5 },
  baseline: side({ cpuMsPerOp: cpu({ bench: 10, temporal: 20 }), machineBusy: 0.9 }),
  product: side({
    cpuMsPerOp: cpu({ api: 30, worker: 30, temporal: 30, postgres: 10 }),
    machineBusy: 0.95,
  }),
  targets: [{ target: '≥ 0.75× baseline throughput', measured: '0.50×', met: false }],
  notes: [],
  ...over,
});

describe('whyMissed', () => {
  it('says nothing of a scenario whose targets are met', () => {
    const r = result({});
    r.targets = r.targets.map((t) => ({ ...t, met: true }));
    expect(whyMissed(r)).toBeNull();
  });

  it('on a CPU-bound machine, names the CPU per operation by process and the ratio it allows', () => {
    const why = whyMissed(result({}), '**api** 100 ms sampled');
    expect(why).toContain('misses "≥ 0.75× baseline throughput" (0.50×)');
    expect(why).toContain(
      "100.0 ms of CPU per operation over all processes against the raw baseline's 30.0 ms (3.3×)",
    );
    expect(why).toContain('the API 30.0 (30 %)');
    expect(why).toContain('95 % busy');
    expect(why).toContain('near 0.30× the baseline');
    expect(why).toContain('Where that CPU goes (V8 profiles, self time): **api** 100 ms sampled');
  });

  it('names a saturated event loop when the machine still had CPU to spare', () => {
    const r = result({});
    r.product = side({
      cpuMsPerOp: cpu({ api: 8, postgres: 2 }),
      machineBusy: 0.7,
      apiEventLoopUtilization: 0.99,
    });
    expect(whyMissed(r)).toContain(
      "The API's one JavaScript thread was 99 % busy (the machine 70 %): at 8.0 ms of its CPU per operation one process serves at most about 125 operations/s",
    );
  });

  it('names the round trips of a latency target', () => {
    const r = result({
      targets: [{ target: 'p95 ≤ 80 ms at 10 actions/s', measured: '88 ms', met: false }],
    });
    r.product = side({
      ...r.product,
      sqlPerOp: 31.6,
      persistenceOpsPerOp: 12.4,
      machineBusy: 0.66,
    });
    expect(whyMissed(r)).toContain(
      '31.6 SQL statements and 12.4 Temporal persistence calls per operation',
    );
  });

  it('of a failed scenario, says only what failed', () => {
    const r = result({
      targets: [{ target: 'the scenario ran', measured: '1000 × HTTP 403', met: false }],
    });
    r.product = side({});
    expect(whyMissed(r)).toBe('**start** misses "the scenario ran" (1000 × HTTP 403).');
  });
});

describe('profilesFromNote', () => {
  it('splits the saved note back into one text per scenario', () => {
    const note =
      'Where the CPU goes, from V8 CPU profiles (`node --cpu-prof`, …): action: **api** 10 ms sampled: pg 5 %. read /awards: **api** 20 ms sampled: fastify 7 %. Profiles: /tmp/p.';
    const map = profilesFromNote(['other', note], ['read /awards', 'action', 'start']);
    expect([...map]).toEqual([
      ['action', '**api** 10 ms sampled: pg 5 %.'],
      ['read /awards', '**api** 20 ms sampled: fastify 7 %.'],
    ]);
  });
});
