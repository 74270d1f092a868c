import { endOfVietnamDay, startOfVietnamDay, WorkingDayCalendar, CycleClock } from '@epw/domain';
import { BASELINE_TASK_QUEUE } from '../baseline/baseline.messages';
import type { BenchContext } from '../harness/context';
import { closedLoop, sleep } from '../harness/load';
import { type Sample, type ScenarioResult, compare } from '../harness/result';
import { epochFor, formLike } from '../world';
import { awaitCount, check, errorKinds } from './scenario-helpers';

const FORM = 'BENCH-STORM';
const SETUP_CONCURRENCY = 16;

/** Every day of March is a holiday of the bench database (the bench's own rows, years nobody
 * else uses): a nomination whose first step opens on any day of that month gets the same
 * one-working-day SLA, due at the end of the first working day of April. So setup can take as
 * long as it takes, and all deadlines still fall on one instant. */
function marchOff(year: number): string[] {
  return Array.from({ length: 31 }, (_, d) => `${year}-03-${String(d + 1).padStart(2, '0')}`);
}

/**
 * Deadline storm: nominations whose first-step SLAs expire at the same instant, so their workflows
 * all escalate at once (the SLA timer fires; escalateDeadline activity: Deadline row marked,
 * escalation job queued; recordNominationAction ESCALATED with its audit entry; then BullMQ
 * delivers one escalation to the authority's leader). Raw baseline: bare workflows sleeping to
 * the same instant, then one no-op activity. Drain rate = workflows / (last done − the instant).
 */
export async function deadlineStormScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const n = ctx.opts.stormSize;
  const { sys, world, baseline } = ctx;
  const admin = world.cluster.admin;
  const leader = await sys.prisma.user.findUniqueOrThrow({
    where: { username: world.authorities['HDTD-CUM01'].leader },
  });

  const published = await sys.http.as(admin, 'POST', '/award-forms', formLike(FORM, 1, []));
  check(
    published.status === 201,
    `POST /award-forms: HTTP ${published.status} ${JSON.stringify(published.body)}`,
  );

  /** Nominations whose submission failed in setup (tolerated up to 2% per run, reported). */
  const setupFailures: string[] = [];
  /** Setup pace (per s) seen in this scenario's earlier runs. */
  const stormRate: { product?: number; baseline?: number } = {};

  const productRun = async (iter: number): Promise<Sample> => {
    const year = 2030 + iter;
    await sys.prisma.holiday.createMany({
      data: marchOff(year).map((d) => ({ date: new Date(`${d}T00:00:00Z`), name: 'Bench' })),
      skipDuplicates: true,
    });
    // Only the cluster's members of the year propose to its council: the fixture's members of
    // 2026 are its members of this run's year too.
    const members = await sys.prisma.clusterMembership.findMany({
      where: { clusterId: world.cluster.clusterId, year: 2026 },
    });
    await sys.prisma.clusterMembership.createMany({
      data: members.map(({ clusterId, unitId, role, position }) => ({
        clusterId,
        unitId,
        role,
        position,
        year,
      })),
      skipDuplicates: true,
    });
    const holidays = (await sys.prisma.holiday.findMany()).map((h) =>
      h.date.toISOString().slice(0, 10),
    );
    const dueOn = new WorkingDayCalendar(holidays).addWorkingDays(`${year}-03-15`, 1);
    // March (31 days) must hold the whole setup: size a calendar day from the pace measured so
    // far (the start scenario's, then this scenario's own setups, which are closer).
    const rate = stormRate.product ?? (ctx.shared.startRate ?? 10) / 1.3;
    const setupMs = (n / rate) * 1000 * 1.6 + (ctx.opts.quick ? 10_000 : 20_000);
    const scale = (86_400_000 * 30) / setupMs;
    const startsOn = `${year}-01-01`;
    const epoch = epochFor(
      startsOn,
      startOfVietnamDay(`${year}-03-01`) + 60_000,
      scale,
      Date.now(),
    );
    const clock = new CycleClock(startsOn, epoch.getTime(), scale);
    const fireAt = clock.toRealInstant(endOfVietnamDay(dueOn));
    const cycle = await sys.prisma.emulationCycle.create({
      data: {
        clusterId: world.cluster.clusterId,
        movementCode: `STORM${iter}`,
        movementName: 'Thử tải hạn xử lý đồng loạt',
        periodKind: 'YEAR',
        periodLabel: String(year),
        startsOn: new Date(`${startsOn}T00:00:00Z`),
        endsOn: new Date(`${year}-12-31T00:00:00Z`),
        calendarScale: scale,
        calendarEpoch: epoch,
      },
    });
    const people = await world.takePeople(n);
    const setupStart = Date.now();
    ctx.log(
      `deadline storm: ${n} nominations (the instant in ${((fireAt - Date.now()) / 1000).toFixed(0)} s)`,
    );
    const setup = await closedLoop(n, SETUP_CONCURRENCY, async (i) => {
      await world.nominate(people[i], FORM, cycle.id);
    });
    // A request that failed under load may still have stored its nomination and started its
    // workflow: the database says which nominations take part (a few failures are tolerated).
    check(
      setup.errors.length <= n * 0.02,
      `${setup.errors.length} nominations failed: ${errorKinds(setup.errors)}`,
    );
    setupFailures.push(...setup.errors);
    const inStep = () =>
      sys.prisma.nomination.count({ where: { cycleId: cycle.id, stepDueAt: { not: null } } });
    const until = Date.now() + 600_000;
    while ((await inStep()) < n - setup.errors.length && Date.now() < until) await sleep(200);
    await sleep(3000);
    const m = await inStep();
    const stored = await sys.prisma.nomination.count({ where: { cycleId: cycle.id } });
    check(stored === m, `${stored - m} stored nominations never reached their first step`);
    stormRate.product = m / ((Date.now() - setupStart) / 1000);
    const due = await sys.prisma.nomination.groupBy({
      by: ['stepDueAt'],
      where: { cycleId: cycle.id },
      _count: true,
    });
    check(
      due.length === 1 && due[0].stepDueAt?.getTime() === fireAt,
      `SLAs not on one instant: ${due.map((d) => `${d.stepDueAt?.toISOString()}×${d._count}`).join(', ')}`,
    );
    check(Date.now() < fireAt - 2000, `setup ended ${Date.now() - fireAt} ms after the instant`);
    const delivered0 = await sys.prisma.notification.count({
      where: { userId: leader.id, kind: 'escalation' },
    });
    await sleep(fireAt - Date.now());
    const sample = await ctx.measure(async () => {
      await awaitCount(
        'escalations recorded',
        m,
        () =>
          sys.prisma.nominationAction.count({
            where: { action: 'ESCALATED', nomination: { cycleId: cycle.id } },
          }),
        3_600_000,
      );
      const rows = await sys.prisma.nominationAction.findMany({
        where: { action: 'ESCALATED', nomination: { cycleId: cycle.id } },
        select: { nominationId: true, at: true },
      });
      check(new Set(rows.map((r) => r.nominationId)).size === m, 'a nomination escalated twice');
      const lastEscalated = Math.max(...rows.map((r) => r.at.getTime()));
      await awaitCount(
        'escalations delivered to the inbox',
        delivered0 + m,
        () => sys.prisma.notification.count({ where: { userId: leader.id, kind: 'escalation' } }),
        3_600_000,
      );
      const lastDelivered = await sys.prisma.notification.aggregate({
        where: { userId: leader.id, kind: 'escalation' },
        _max: { createdAt: true },
      });
      return {
        ops: m,
        latencies: rows.map((r) => r.at.getTime() - fireAt),
        wallMs: lastEscalated - fireAt,
        extra: {
          'all escalations delivered, s after the instant':
            ((lastDelivered._max.createdAt?.getTime() ?? Number.NaN) - fireAt) / 1000,
        },
      };
    });
    const marked = await sys.prisma.deadline.count({
      where: {
        subjectId: { startsWith: 'nomination-' },
        escalatedAt: { not: null },
        dueAt: new Date(fireAt),
      },
    });
    check(marked === sample.ops, `${marked} of ${sample.ops} deadlines marked escalated`);
    await sys.prisma.deadline.updateMany({
      where: { dueAt: new Date(fireAt) },
      data: { status: 'CANCELLED' },
    });
    return sample;
  };

  const baselineRun = async (iter: number): Promise<Sample> => {
    const ids = Array.from({ length: n }, (_, i) => `bench-sleep-${world.suffix}-${iter}-${i}`);
    const rate = stormRate.baseline ?? (ctx.shared.baselineStartRate ?? 20) / 1.3;
    const fireAt = Date.now() + (n / rate) * 1000 * 1.6 + 15_000;
    const setupStart = Date.now();
    ctx.log(
      `deadline storm: ${n} sleeping workflows (the instant in ${((fireAt - Date.now()) / 1000).toFixed(0)} s)`,
    );
    const setup = await closedLoop(n, SETUP_CONCURRENCY, async (i) => {
      await sys.temporal.workflow.start('baselineSleepWorkflow', {
        workflowId: ids[i],
        taskQueue: BASELINE_TASK_QUEUE,
        args: [fireAt],
      });
    });
    check(setup.errors.length === 0, `starts failed: ${setup.errors.slice(0, 3).join('; ')}`);
    stormRate.baseline = n / ((Date.now() - setupStart) / 1000);
    check(Date.now() < fireAt - 2000, `setup ended ${Date.now() - fireAt} ms after the instant`);
    await sleep(fireAt - Date.now());
    return ctx.measure(async () => {
      await awaitCount(
        'sleeping workflows done',
        n,
        () => Promise.resolve(ids.filter((id) => baseline.marks.has(id)).length),
        3_600_000,
      );
      const done = ids.map((id) => baseline.marks.get(id) as number);
      return {
        ops: n,
        latencies: done.map((t) => t - fireAt),
        wallMs: Math.max(...done) - fireAt,
      };
    });
  };

  const runs = await ctx.alternate('deadline storm', baselineRun, productRun);
  const c = compare(runs.baseline, runs.product, (s) => s.ops / (s.wallMs / 1000));
  return {
    key: 'deadline-storm',
    title: 'deadline storm',
    productPath:
      "nominations (a one-working-day SLA) whose SLA timers fire at one instant → escalateDeadline activity (Deadline row, escalation job) → recordNominationAction ESCALATED (row + audit entry); BullMQ then delivers one escalation each to the authority leader's inbox",
    baselinePath: 'bare workflows sleeping to the same instant, then one no-op activity',
    size: `${n.toLocaleString('en-US')} workflows per run`,
    headline: { metric: 'drain rate, workflows/s', baseline: c.b, product: c.p, ratio: c.ratio },
    baseline: c.baseline,
    product: c.product,
    targets: [
      {
        target: '≥ 0.7× baseline drain rate',
        measured: `${c.ratio.toFixed(2)}× (${c.p.toFixed(1)} vs ${c.b.toFixed(1)} workflows/s)`,
        met: c.ratio >= 0.7,
      },
    ],
    notes: [
      'Latency column = how long after the instant each workflow had escalated (product: the ESCALATED row; baseline: the no-op activity).',
      ...(setupFailures.length > 0
        ? [
            `Setup requests that failed (tolerated, the database decides who takes part): ${errorKinds(setupFailures)}.`,
          ]
        : []),
      'Setup (not measured): the nominations go through POST /nominations on an accelerated cycle calendar whose March is all holidays in the bench database, so every SLA falls on one instant however long setup takes; checked: one distinct due instant, each nomination escalated once, every Deadline row marked escalated, every escalation delivered.',
    ],
  };
}
