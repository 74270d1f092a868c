import { randomUUID } from 'node:crypto';
import { decisionWorkflowId } from '@epw/contracts';
import { DEFAULT_RULE_SET, type RuleSetContent } from '@epw/domain';
import {
  createFixtureCluster,
  demoPledgeItems,
  type FixtureCluster,
  type FixtureUnit,
} from '@epw/testing';
import type { BenchContext } from '../harness/context';
import { Limiter, pool, sleep } from '../harness/load';
import { type ScenarioResult, summarize } from '../harness/result';
import { dossier } from '../world';
import { check } from './scenario-helpers';

const YEAR = 2026;
const MOVEMENT = 'DVK';

/** The default rules with windows wide enough for scripted users of many clusters at once. */
const BENCH_RULES: RuleSetContent = {
  ...DEFAULT_RULE_SET,
  crossAssessment: { mode: 'K_REVIEWERS', reviewersPerUnit: 3 },
  calendar: {
    phases: [
      { phase: 'PLEDGE_SIGNING', opensAtFraction: 0, durationWorkingDays: 30 },
      { phase: 'REGISTRATION', opensAtFraction: 0, durationWorkingDays: 40 },
      { phase: 'INTERIM_REVIEW', opensAtFraction: 0.22, durationWorkingDays: 25 },
      { phase: 'FINAL_REVIEW', opensAtFraction: 0.35, durationWorkingDays: 80 },
      { phase: 'VOTE', opensAtFraction: 0.68, durationWorkingDays: 15 },
      { phase: 'NOMINATION', opensAtFraction: 0.74, durationWorkingDays: 20 },
      { phase: 'COMMENDATION', opensAtFraction: 0.84, durationWorkingDays: 10 },
      { phase: 'ELECTION', opensAtFraction: 0.9, durationWorkingDays: 15 },
    ],
  },
};

interface Problem {
  code?: string;
}

interface ClusterRun {
  cluster: FixtureCluster;
  cycleId: string;
  key: string;
  people: Map<string, string>;
  nominations: string[];
  decisionId?: string;
}

/**
 * Year at scale: clusters of 12 units each run a whole accelerated year at once (one calendar for
 * all, as in real life: every phase opens everywhere on the same day), driven through the API by
 * scripted users: pledge signing, registration, interim progress, final self- and cross-assessment
 * (3 peers each), the vote, nominations (one per unit, approved by the unit head and appraised by
 * the board), one decision per cluster, the election. Reminders and escalations run as they would.
 */
export async function yearAtScaleScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const { sys, world } = ctx;
  const clusters = ctx.opts.yearClusters;
  const minutes = ctx.opts.yearMinutes;
  const scale = (365 * 86_400) / (minutes * 60);
  const admin = world.cluster.admin;
  const reviewer = world.authorities['HDTD-CUM01'].reviewer;
  const leader = world.authorities['HDTD-CUM01'].leader;
  const http = sys.http;

  const ruleSetCode = `BENCH-YEAR-${world.suffix}`;
  const rules = await http.as(admin, 'POST', '/rule-sets', {
    code: ruleSetCode,
    name: 'Lịch rút gọn cho đo hiệu năng',
    content: BENCH_RULES,
  });
  check(
    rules.status === 201,
    `POST /rule-sets: HTTP ${rules.status} ${JSON.stringify(rules.body)}`,
  );

  ctx.log(`year: ${clusters} clusters × 12 units, a year in ${minutes} min (setup)`);
  const fixtures = await pool(
    Array.from({ length: clusters }, (_, c) => c),
    2,
    (c) => createFixtureCluster(sys.prisma, `${world.suffix}Y${c}`, [YEAR]),
  );
  await pool(
    fixtures.flatMap((f) => f.units.map((u) => u.signer)),
    4,
    (user) => http.login(user),
  );
  await http.login(leader);
  const runs: ClusterRun[] = [];
  for (const cluster of fixtures) {
    const people = new Map(cluster.units.map((u) => [u.id, randomUUID()]));
    await sys.prisma.person.createMany({
      data: cluster.units.map((u) => ({
        id: people.get(u.id) as string,
        unitId: u.id,
        fullName: `Lê Văn Tiên Tiến ${u.code}`,
      })),
    });
    runs.push({
      cluster,
      cycleId: '',
      key: `${cluster.clusterCode}-${MOVEMENT}-${YEAR}`,
      people,
      nominations: [],
    });
  }

  // Every request of the scripted users, bounded in flight (users are many, servers few).
  const limiter = new Limiter(32);
  const latencies: number[] = [];
  const refused = new Map<string, number>();
  let accepted = 0;
  /** Sends one user action; retries while its workflow or phase is not there yet (the user
   * would try again); anything else counts as refused. Returns the body, or null when refused. */
  const act = async <T>(user: string, method: string, path: string, body?: unknown) => {
    const until = Date.now() + 60_000;
    for (;;) {
      let took = 0;
      const res = await limiter.run(async () => {
        const t0 = performance.now();
        const r = await http.as<T & Problem>(user, method, path, body);
        took = performance.now() - t0;
        return r;
      });
      if (res.status < 300) {
        latencies.push(took);
        accepted += 1;
        return res.body;
      }
      const code = res.body?.code ?? String(res.status);
      const early =
        res.status === 404 || code === 'PHASE_NOT_OPEN' || code === 'NOMINATION_NOT_AT_STEP';
      if (!early || Date.now() > until) {
        const what = `${method} ${path.replace(/[0-9a-f-]{36}|CTD-[^/]+/g, '…')} ${code}`;
        refused.set(what, (refused.get(what) ?? 0) + 1);
        return null;
      }
      await sleep(500);
    }
  };

  // One query a second tells every cluster's driver where its cycle stands.
  const phaseState = new Map<string, string>();
  const closedCycles = new Set<string>();
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const ids = runs.map((r) => r.cycleId).filter(Boolean);
      const phases = await sys.prisma.cyclePhase.findMany({
        where: { cycleId: { in: ids } },
        select: { cycleId: true, phase: true, status: true },
      });
      for (const p of phases) phaseState.set(`${p.cycleId}/${p.phase}`, p.status);
      const closed = await sys.prisma.emulationCycle.findMany({
        where: { id: { in: ids }, status: 'CLOSED' },
        select: { id: true },
      });
      for (const c of closed) closedCycles.add(c.id);
      await sleep(1000);
    }
  })();
  const opened = async (cycleId: string, phase: string) => {
    while ((phaseState.get(`${cycleId}/${phase}`) ?? 'PENDING') === 'PENDING') await sleep(250);
  };

  const scores = (q: number) => ({
    C1: Math.round(20 * q),
    C2: Math.round(30 * q),
    C3: Math.round(25 * q),
    C4: Math.round(15 * q),
    C5: Math.round(10 * q),
  });
  const quality = (i: number) => 0.95 - ((i * 7) % 12) * 0.03;
  const nominationStatus = async (ids: string[], status: string) =>
    sys.prisma.nomination.count({ where: { id: { in: ids }, status: status as never } });

  const drive = async (run: ClusterRun, c: number): Promise<void> => {
    const { cluster, cycleId, key } = run;
    const units = cluster.units;
    const head = cluster.head;
    const roundId = `pledge-signing-${key}`;

    await opened(cycleId, 'PLEDGE_SIGNING');
    for (const u of units) {
      await act(u.signer, 'POST', `/signing-rounds/${roundId}/sign`, { unitId: u.id, version: 1 });
    }
    await act(head.signer, 'POST', `/signing-rounds/${roundId}/countersign`, { version: 1 });

    await opened(cycleId, 'REGISTRATION');
    for (const u of units) {
      await act(u.signer, 'POST', `/cycles/${cycleId}/registrations`, registration(u));
    }

    await opened(cycleId, 'INTERIM_REVIEW');
    for (const [i, u] of units.entries()) {
      await act(u.signer, 'POST', `/cycles/${cycleId}/assessments/interim/progress`, {
        unitId: u.id,
        items: [{ itemIndex: 0, percent: 40 + i * 4, note: 'Sơ kết 6 tháng' }],
      });
    }

    await opened(cycleId, 'FINAL_REVIEW');
    for (const [i, u] of units.entries()) {
      await act(u.signer, 'POST', `/cycles/${cycleId}/assessments/final/self`, {
        unitId: u.id,
        scores: scores(quality(i)),
      });
    }
    const status = await act<{ assignment: Record<string, string[]> }>(
      head.signer,
      'GET',
      `/cycles/${cycleId}/assessments/final`,
    );
    for (const [subject, assessors] of Object.entries(status?.assignment ?? {})) {
      const i = units.findIndex((u) => u.id === subject);
      for (const a of assessors) {
        const assessor = units.find((u) => u.id === a) as FixtureUnit;
        await act(assessor.signer, 'POST', `/cycles/${cycleId}/assessments/final/peer`, {
          assessorUnitId: a,
          subjectUnitId: subject,
          scores: scores(quality(i) - 0.02),
        });
      }
    }

    await opened(cycleId, 'VOTE');
    const box = await act<{ candidates: string[] }>(head.signer, 'GET', `/cycles/${cycleId}/vote`);
    for (const [i, u] of units.entries()) {
      await act(u.signer, 'POST', `/cycles/${cycleId}/vote`, {
        voterUnitId: u.id,
        approve: [box?.candidates[i % 4 === 3 ? 1 : 0]],
      });
    }

    await opened(cycleId, 'NOMINATION');
    for (const u of units) {
      const made = await act<{ id: string }>(u.signer, 'POST', '/nominations', {
        formCode: 'LDTT',
        nomineeKind: 'PERSON',
        nomineePersonId: run.people.get(u.id),
        cycleId,
        achievement: `Hoàn thành xuất sắc nhiệm vụ năm ${YEAR}`,
        documents: dossier('to-trinh', 'bien-ban-hop-xet'),
      });
      if (made) run.nominations.push(made.id);
    }
    for (const [i, id] of run.nominations.entries()) {
      await act(units[i].signer, 'POST', `/nominations/${id}/steps/unit-head`, {
        decision: 'APPROVE',
      });
    }
    for (const id of run.nominations) {
      await act(reviewer, 'POST', `/nominations/${id}/steps/appraisal`, { decision: 'APPROVE' });
    }

    await opened(cycleId, 'COMMENDATION');
    const ready = Date.now() + 60_000;
    while (
      (await nominationStatus(run.nominations, 'AWAITING_DECISION')) < run.nominations.length &&
      Date.now() < ready
    ) {
      await sleep(1000);
    }
    const draft = await act<{ id: string }>(leader, 'POST', '/decisions', {
      number: `${c + 1}-${world.suffix}/QĐ-HĐTĐ`,
      signedOn: `${YEAR}-10-12`,
      title: `Quyết định công nhận danh hiệu "Lao động tiên tiến" năm ${YEAR} – ${cluster.clusterCode}`,
      signerTitle: 'CHỦ TỊCH HỘI ĐỒNG',
      nominationIds: run.nominations,
    });
    if (draft) {
      run.decisionId = draft.id;
      await act(leader, 'POST', `/decisions/${draft.id}/issue`);
    }

    await opened(cycleId, 'ELECTION');
    const [nextHead, nextDeputy] = [units[(c + 3) % 12], units[(c + 4) % 12]];
    for (const u of units) {
      await act(u.signer, 'POST', `/cycles/${cycleId}/election`, {
        voterUnitId: u.id,
        headUnitId: nextHead.id,
        deputyUnitId: nextDeputy.id,
      });
    }
  };

  let sample;
  try {
    sample = await ctx.measure(async () => {
      const t0 = Date.now();
      ctx.log(`year: starting ${clusters} cycles`);
      await pool(runs, 8, async (run) => {
        const created = await act<{ id: string }>(admin, 'POST', '/cycles', {
          clusterId: run.cluster.clusterId,
          movementCode: MOVEMENT,
          movementName: 'Phong trào thi đua "Dân vận khéo"',
          periodKind: 'YEAR',
          periodLabel: String(YEAR),
          startsOn: `${YEAR}-01-01`,
          endsOn: `${YEAR}-12-31`,
          calendarScale: scale,
          pledge: { title: 'Giao ước thi đua', documents: [], items: demoPledgeItems(YEAR) },
        });
        check(created !== null, 'a cycle was refused');
        run.cycleId = created.id;
        const started = await act(admin, 'POST', `/cycles/${created.id}/start`, { ruleSetCode });
        check(started !== null, 'a cycle did not start');
      });
      await Promise.all(runs.map((run, c) => drive(run, c)));
      ctx.log('year: users done; waiting for every cycle to close');
      const deadline = Date.now() + minutes * 60_000 + 600_000;
      while (closedCycles.size < runs.length && Date.now() < deadline) await sleep(1000);
      return {
        ops: accepted,
        latencies,
        wallMs: Date.now() - t0,
        extra: { 'cycles closed': closedCycles.size },
      };
    });
  } finally {
    polling = false;
    await poller;
  }

  // Verification: every cycle closed with a full ranking, every nomination awarded.
  const nominationIds = runs.flatMap((r) => r.nominations);
  const awarded = await nominationStatus(nominationIds, 'AWARDED');
  const outcomes = await sys.prisma.cycleOutcome.findMany({
    where: { cycleId: { in: runs.map((r) => r.cycleId) }, completedAt: { not: null } },
  });
  const fullRankings = outcomes.filter(
    (o) => Array.isArray(o.ranking) && (o.ranking as unknown[]).length === 12,
  ).length;
  const auditT0 = Date.now();
  const audit = await http.as<{ ok: boolean; checked: number }>(admin, 'GET', '/audit/verify');
  const auditSeconds = (Date.now() - auditT0) / 1000;

  // History sizes of every workflow of the year.
  const workflowIds = runs.flatMap((r) => [
    `emulation-cycle-${r.key}`,
    ...[
      'pledge-signing',
      'registration',
      'assessment-interim',
      'assessment-final',
      'vote',
      'election',
    ].map((f) => `${f}-${r.key}`),
    ...r.nominations.map((id) => `nomination-${id}`),
    ...(r.decisionId ? [decisionWorkflowId(r.decisionId)] : []),
  ]);
  const sizes = await pool(workflowIds, 8, async (id) => {
    try {
      return { id, events: (await sys.temporal.workflow.getHandle(id).describe()).historyLength };
    } catch {
      return { id, events: -1 };
    }
  });
  const largest = sizes.reduce((a, b) => (b.events > a.events ? b : a));
  const byFamily = new Map<string, number>();
  for (const s of sizes) {
    const family = s.id.startsWith('nomination-')
      ? 'nomination'
      : s.id.replace(/-CTD-.*$/, '').replace(/-[0-9a-f-]{36}$/, '');
    byFamily.set(family, Math.max(byFamily.get(family) ?? 0, s.events));
  }
  const totalRefused = [...refused.values()].reduce((a, b) => a + b, 0);
  const summary = summarize([sample]);
  const wallMin = sample.wallMs / 60_000;
  // The capacity model's basis (docs/capacity.md): what one cluster-year cost, per process.
  const r = sample.resources;
  const perCluster = (v: number) => v / clusters;
  const capacity = {
    'API CPU s per cluster-year': perCluster(r.cpuMs.api / 1000),
    'worker CPU s per cluster-year': perCluster(r.cpuMs.worker / 1000),
    'Temporal server CPU s per cluster-year': perCluster(r.cpuMs.temporal / 1000),
    'PostgreSQL CPU s per cluster-year (bench database)': perCluster(r.cpuMs.postgres / 1000),
    'Redis CPU s per cluster-year': perCluster(r.cpuMs.redis / 1000),
    'SQL statements per cluster-year': perCluster(r.sqlStatements),
    'Temporal persistence calls per cluster-year': perCluster(r.persistence.ops),
    'user actions per cluster-year': perCluster(accepted),
  };
  Object.assign(sample.extra, capacity);

  check(closedCycles.size === runs.length, `${closedCycles.size} of ${runs.length} cycles closed`);
  return {
    key: 'year',
    title: 'year at scale',
    productPath: `${clusters} clusters × 12 units, each a whole year on one accelerated calendar (${minutes} min per year): signing, registration, interim, final self + 3 peers each, vote, 12 nominations + 2 approvals each, one decision, election, all through the API; reminders and escalations as they come`,
    baselinePath: null,
    size: `${clusters} clusters × 12 units; ${accepted.toLocaleString('en-US')} user actions`,
    headline: { metric: 'wall time, min', baseline: null, product: wallMin, ratio: null },
    baseline: null,
    product: summary,
    targets: [
      {
        target: 'completes (every cycle closed, full rankings, nominations awarded)',
        measured: `${closedCycles.size}/${runs.length} cycles closed, ${fullRankings} full rankings, ${awarded}/${nominationIds.length} nominations awarded, ${totalRefused} actions refused; audit chain ${audit.body.ok ? 'verified' : 'BROKEN'}`,
        met:
          closedCycles.size === runs.length &&
          fullRankings === runs.length &&
          awarded === nominationIds.length &&
          nominationIds.length === runs.length * 12 &&
          audit.body.ok,
      },
      {
        target: 'largest history < 2,000 events',
        measured: `${largest.events} events (${largest.id.replace(/-[0-9a-f-]{36}$/, '-…')})`,
        met: largest.events > 0 && largest.events < 2000,
      },
      {
        target: 'report wall time and peak memory',
        measured: `${wallMin.toFixed(1)} min; peak RSS API ${summary.apiPeakRssMb.toFixed(0)} MB, worker ${summary.workerPeakRssMb.toFixed(0)} MB, bench process ${summary.peakRssMb.toFixed(0)} MB; Temporal server peak RSS ${summary.temporalPeakRssMb.toFixed(0)} MB`,
        met: true,
      },
    ],
    notes: [
      `Largest history per workflow family: ${[...byFamily].map(([f, e]) => `${f} ${e}`).join(', ')}.`,
      `Per cluster-year (the capacity model's basis, docs/capacity.md): ${Object.entries(capacity)
        .map(([k, v]) => `${k} ${v.toLocaleString('en-US', { maximumFractionDigits: 1 })}`)
        .join(
          '; ',
        )}; peak RSS API ${r.apiPeakRssMb.toFixed(0)} MB, worker ${r.workerPeakRssMb.toFixed(0)} MB, Temporal server ${r.temporalPeakRssMb.toFixed(0)} MB (${clusters} clusters at once).`,
      `Audit chain verified over ${audit.body.checked?.toLocaleString('en-US') ?? '?'} entries in ${auditSeconds.toFixed(1)} s.`,
      totalRefused > 0
        ? `Refused actions: ${[...refused].map(([k, v]) => `${k} ×${v}`).join('; ')}.`
        : 'No user action was refused.',
      'Latency column = each accepted user request (HTTP round trip; at most 32 requests in flight).',
    ],
  };

  function registration(unit: FixtureUnit) {
    return {
      unitId: unit.id,
      titles: ['Tập thể lao động xuất sắc'],
      initiatives: [
        {
          kind: 'MODEL',
          field: 'Dân vận chính quyền',
          isNew: true,
          ownerType: 'COLLECTIVE',
          ownerName: unit.name,
          title: `Mô hình "Dân vận khéo" – ${unit.code}`,
          description: 'Tiếp nhận, giải quyết kiến nghị của người dân trong 24 giờ.',
          attachments: [],
        },
      ],
    };
  }
}
