import { randomUUID } from 'node:crypto';
import { deadlineIdOf, pledgeSigningWorkflowId, signingStatusQuery } from '@epw/contracts';
import { demoPledgeItems, waitFor } from '@epw/testing';
import type { ActionRecord } from './chaos-client';
import { retryInfra, type ChaosContext, type TrialRun } from './chaos-context';
import { SECONDS_PER_DAY, YEAR, createCycle, settle, updateAccepted } from './nomination-trial';
import { TrialDriver, newTrialRun, type ScriptedAction } from './trial-driver';
import { CLUSTER_SIZE, LATE_SIGNERS, type TrialPlan } from './trial-plan';

/** Deadlines on the trial's calendar (which starts on Tuesday 3 March 2026, 09:00). */
const DEADLINE = { normal: '2026-03-13', late: '2026-03-09' };

/**
 * One trial: a cluster's pledge-signing round through HTTP (the head opens it, twelve units sign in
 * a seeded order, the head countersigns), with one fault striking at the planned action; in the
 * idle variant the last units sign only after the deadline fired (overdue, escalation).
 */
export async function runSigningTrial(ctx: ChaosContext, plan: TrialPlan): Promise<TrialRun> {
  const { cluster } = ctx;
  const tag = `${ctx.runTag}-${plan.index}`;
  const key = (label: string) => `chaos-${tag}-${label}`;
  const uid = (username: string) => ctx.userIds.get(username) ?? '';
  const movementCode = `SG${plan.index}`;
  const roundId = pledgeSigningWorkflowId(
    cluster.clusterCode,
    movementCode,
    `${YEAR}-${ctx.runTag}`,
  );
  const t = newTrialRun(plan, roundId);
  t.workflowIds.push(roundId);
  const problem = (invariant: string, detail: string) =>
    t.problems.push({ trial: plan.index, invariant, detail });
  const cycleId = randomUUID();
  const head = cluster.head;
  const late = plan.idle === 'late';

  const actions: ScriptedAction[] = [
    {
      label: 'open',
      user: head.signer,
      path: () => `/cycles/${cycleId}/signing-round`,
      body: { deadline: late ? DEADLINE.late : DEADLINE.normal, items: demoPledgeItems(YEAR) },
      key: key('open'),
      // Opening starts the round's workflow (not an Update): a retry that finds it open is refused.
      keyed: false,
    },
    ...plan.signOrder.map((u, k): ScriptedAction => {
      const unit = cluster.units[u];
      return {
        label: `sign-${k + 1}`,
        user: unit.signer,
        path: () => `/signing-rounds/${roundId}/sign`,
        body: { unitId: unit.id, version: 1 },
        key: key(`sign-${k + 1}`),
        keyed: true,
        updateId: `sign-${uid(unit.signer)}-${key(`sign-${k + 1}`)}`,
      };
    }),
    {
      label: 'countersign',
      user: head.signer,
      path: () => `/signing-rounds/${roundId}/countersign`,
      body: { version: 1 },
      key: key('countersign'),
      keyed: true,
      updateId: `countersign-${uid(head.signer)}-${key('countersign')}`,
    },
  ];

  const driver = new TrialDriver(ctx, t, actions, {
    answered: (a, r: ActionRecord) => {
      if (a.label === 'open' && r.code === 'ROUND_ALREADY_OPEN') {
        t.notes.push('open: a retry found the round already open');
      }
      return Promise.resolve();
    },
    arrived: async (a) => {
      if (a.label !== 'open') return updateAccepted(ctx, roundId, a.updateId);
      await ctx.temporal.workflow.getHandle(roundId).describe();
      return true;
    },
  });
  const pgRound = () => ctx.prisma.signingRound.findUnique({ where: { id: roundId } });

  try {
    t.outcome = 'setup';
    await createCycle(
      ctx,
      cycleId,
      movementCode,
      late ? SECONDS_PER_DAY.idle : SECONDS_PER_DAY.normal,
      true,
    );

    t.outcome = 'open';
    await driver.perform(0);
    await waitFor(async () => (await pgRound()) ?? undefined, {
      timeoutMs: 180_000,
      intervalMs: 200,
      description: 'the round to be opened',
    });

    t.outcome = 'signing';
    const onTime = late ? CLUSTER_SIZE - LATE_SIGNERS : CLUSTER_SIZE;
    for (let k = 0; k < onTime; k++) await driver.perform(1 + k);
    if (late) {
      t.outcome = 'idle-overdue';
      const lateUnits = plan.signOrder.slice(onTime).map((u) => cluster.units[u]);
      await Promise.all([
        idleUntilOverdue(
          ctx,
          t,
          roundId,
          lateUnits.map((u) => u.signer),
        ),
        driver.idleFault(),
      ]);
      t.outcome = 'late-signing';
      for (let k = onTime; k < CLUSTER_SIZE; k++) await driver.perform(1 + k);
    }

    t.outcome = 'countersign';
    await waitFor(
      async () =>
        (await ctx.temporal.workflow.getHandle(roundId).query(signingStatusQuery)).signedCount ===
        CLUSTER_SIZE,
      { timeoutMs: 180_000, intervalMs: 200, description: 'all twelve signatures' },
    );
    await driver.perform(CLUSTER_SIZE + 1);
    await waitFor(async () => (await pgRound())?.status === 'EFFECTIVE', {
      timeoutMs: 180_000,
      intervalMs: 250,
      description: 'the pledge to take effect',
    });
    t.outcome = 'EFFECTIVE';
    return t;
  } catch (err) {
    problem('liveness', `stuck at ${t.outcome}: ${(err as Error).message}`);
    t.outcome = `stuck-${t.outcome}`;
    return t;
  } finally {
    await settle(ctx, t, roundId);
  }
}

/** The last units do not sign in time: the round must go overdue once, every reminder to them and
 * the escalation to the head delivered, before they sign late. */
async function idleUntilOverdue(
  ctx: ChaosContext,
  t: TrialRun,
  roundId: string,
  lateSigners: string[],
): Promise<void> {
  const deadlineId = deadlineIdOf('PLEDGE_SIGNING', roundId);
  const row = await waitFor(
    async () => (await ctx.prisma.deadline.findUnique({ where: { id: deadlineId } })) ?? undefined,
    { timeoutMs: 120_000, intervalMs: 200, description: 'the signing deadline to be scheduled' },
  );
  const due = row.dueAt.getTime();
  const offsets = row.offsets.filter((n) => n > 0).sort((a, b) => b - a);
  // Scheduled after it passed (a slow start), a deadline sends no reminders, only the escalation.
  const reminderAts = row.createdAt.getTime() < due ? row.reminderAts : [];
  const headSigner = ctx.userIds.get(ctx.cluster.head.signer) ?? '';
  const expected = [
    ...lateSigners.flatMap((s) =>
      reminderAts.map(
        (_, i) => `${deadlineId}/${due}/r${offsets[i]}/${ctx.userIds.get(s) ?? ''}/IN_APP`,
      ),
    ),
    `${deadlineId}/${due}/esc/${headSigner}/IN_APP`,
  ];
  await waitFor(
    async () => {
      const round = await retryInfra(() =>
        ctx.prisma.signingRound.findUnique({ where: { id: roundId } }),
      );
      const delivered = await ctx.prisma.notification.count({
        where: { dedupKey: { in: expected } },
      });
      return round?.overdueAt !== null && delivered === expected.length;
    },
    {
      timeoutMs: Math.max(0, due - Date.now()) + 120_000,
      intervalMs: 250,
      description: `the round to go overdue with ${expected.length - 1} reminders and an escalation delivered`,
    },
  ).catch((err: Error) => {
    t.problems.push({ trial: t.plan.index, invariant: 'deadline-fires', detail: err.message });
  });
}
