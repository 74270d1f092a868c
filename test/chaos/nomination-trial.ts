import { randomUUID } from 'node:crypto';
import { nominationStatusQuery, nominationWorkflowId } from '@epw/contracts';
import { startOfVietnamDay, type NominationView } from '@epw/domain';
import { waitFor } from '@epw/testing';
import { nominationIdFor } from '../../apps/api/src/commendation/nominations/nomination-submission.service';
import { delay, type ActionRecord } from './chaos-client';
import { retryInfra, type ChaosContext, type TrialRun } from './chaos-context';
import { CHAOS_BALLOT_SEAL } from './chaos-system';
import { TrialDriver, newTrialRun, type ScriptedAction } from './trial-driver';
import { COUNCIL_SIZE, type TrialPlan } from './trial-plan';

/** The scenario's award form: unit head → appraisal → council vote (80% of all members) → decision. */
export const FORM_CODE = 'KNC-DV';
export const YEAR = 2026;
/** Real seconds per calendar day: SLAs long enough to ride out a fault, or short enough to pass. */
export const SECONDS_PER_DAY = { normal: 8, idle: 2 };

const pdf = Buffer.from('%PDF-1.4\n% chaos dossier\n').toString('base64');
const DOSSIER = ['to-trinh', 'bao-cao-thanh-tich'].map((kind) => ({
  kind,
  fileName: `${kind}.pdf`,
  mediaType: 'application/pdf',
  contentBase64: pdf,
}));

/**
 * One trial: a nomination driven through HTTP from dossier to certificate (create → unit head →
 * appraisal → five council ballots → decision → issue), with one fault striking at the planned
 * action, and optionally a deadline left to pass. Waits are bounded polls on state.
 */
export async function runNominationTrial(ctx: ChaosContext, plan: TrialPlan): Promise<TrialRun> {
  const { cluster, authority } = ctx;
  const unit = cluster.units[plan.unit];
  const tag = `${ctx.runTag}-${plan.index}`;
  const key = (label: string) => `chaos-${tag}-${label}`;
  const uid = (username: string) => ctx.userIds.get(username) ?? '';
  const nominationId = nominationIdFor(uid(unit.officer), key('create'));
  const wfId = nominationWorkflowId(nominationId);
  const t = newTrialRun(plan, nominationId);
  t.workflowIds.push(wfId);
  t.decisionNumber = `KNC-${tag}/QĐ-BDVTW`;
  const problem = (invariant: string, detail: string) =>
    t.problems.push({ trial: plan.index, invariant, detail });

  // Created inside the trial below, idempotently (a PostgreSQL restart may cut the answer off).
  const personId = randomUUID();
  const cycleId = randomUUID();
  const council = authority.council;
  const actions: ScriptedAction[] = [
    {
      label: 'create',
      user: unit.officer,
      path: () => '/nominations',
      body: {
        formCode: FORM_CODE,
        nomineeKind: 'PERSON',
        nomineePersonId: personId,
        cycleId,
        year: YEAR,
        achievement: `Nhiều đóng góp cho sự nghiệp dân vận (${tag})`,
        documents: DOSSIER,
      },
      key: key('create'),
      keyed: true,
    },
    ...(['unit-head', 'appraisal'] as const).map((step): ScriptedAction => {
      const user = step === 'unit-head' ? unit.signer : authority.reviewer;
      return {
        label: step,
        user,
        path: () => `/nominations/${nominationId}/steps/${step}`,
        body: { decision: 'APPROVE' },
        key: key(step),
        keyed: true,
        updateId: `nomination-step-${uid(user)}-${key(step)}`,
      };
    }),
    ...plan.ballotOrder.map((member, k): ScriptedAction => {
      const written = plan.written === member;
      // An absent member's written ballot is recorded by the next member in the order.
      const user = written ? council[plan.ballotOrder[(k + 1) % COUNCIL_SIZE]] : council[member];
      return {
        label: `ballot-${k + 1}`,
        user,
        path: () => `/nominations/${nominationId}/council-ballots`,
        body: {
          approve: plan.nay !== member,
          ...(written ? { onBehalfOfUserId: uid(council[member]) } : {}),
        },
        key: key(`ballot-${k + 1}`),
        keyed: true,
        updateId: `nomination-ballot-${CHAOS_BALLOT_SEAL.voterTag(uid(user))}-${key(`ballot-${k + 1}`)}`,
      };
    }),
    {
      label: 'decision',
      user: authority.leader,
      path: () => '/decisions',
      body: {
        number: t.decisionNumber,
        signedOn: '2026-10-12',
        title: 'Quyết định tặng Kỷ niệm chương "Vì sự nghiệp Dân vận"',
        ceremonyName: `Lễ trao tặng ${tag}`,
        ceremonyOn: '2026-10-15',
        signerTitle: 'TRƯỞNG BAN',
        nominationIds: [nominationId],
      },
      key: key('decision'),
      // Decision drafts take no Idempotency-Key: a retried draft is refused by its unique number.
      keyed: false,
    },
    {
      label: 'issue',
      user: authority.leader,
      path: () => `/decisions/${t.decisionId}/issue`,
      body: {},
      key: key('issue'),
      keyed: true,
    },
  ];

  /** The draft's id: from its answer, or (a retry refused by the unique number) from PostgreSQL. */
  const adoptDecision = async (r: ActionRecord) => {
    if (r.outcome === 'acked') t.decisionId = (r.body as { id: string }).id;
    if (t.decisionId) return;
    const row = await retryInfra(() =>
      ctx.prisma.decision.findFirst({ where: { number: t.decisionNumber } }),
    );
    if (row) {
      t.decisionId = row.id;
      t.notes.push(`decision draft found by its number after a ${r.status ?? 'lost'} answer`);
    }
  };

  const driver = new TrialDriver(ctx, t, actions, {
    answered: (a, r) => (a.label === 'decision' ? adoptDecision(r) : Promise.resolve()),
    ready: (a) => a.label !== 'issue' || t.decisionId !== null,
    arrived: async (a) => {
      switch (a.label) {
        case 'create':
          return (await ctx.prisma.nomination.count({ where: { id: nominationId } })) > 0;
        case 'decision':
          return (await ctx.prisma.decision.count({ where: { number: t.decisionNumber } })) > 0;
        case 'issue':
          await ctx.temporal.workflow.getHandle(`decision-${t.decisionId}`).describe();
          return true;
        default:
          return updateAccepted(ctx, wfId, a.updateId);
      }
    },
  });

  const workflowView = (): Promise<NominationView> =>
    ctx.temporal.workflow.getHandle(wfId).query(nominationStatusQuery);
  const pgStatus = async () =>
    (await ctx.prisma.nomination.findUnique({ where: { id: nominationId } }))?.status;

  try {
    t.outcome = 'setup';
    await retryInfra(() =>
      ctx.prisma.person.upsert({
        where: { id: personId },
        create: {
          id: personId,
          unitId: unit.id,
          fullName: `Trần Thị Thử Nghiệm ${tag}`,
          position: 'Đảng viên',
        },
        update: {},
      }),
    );
    const secondsPerDay = plan.idle === 'none' ? SECONDS_PER_DAY.normal : SECONDS_PER_DAY.idle;
    await createCycle(ctx, cycleId, `CH${plan.index}`, secondsPerDay);

    t.outcome = 'create';
    const created = await driver.perform(0);
    if (created?.outcome !== 'acked') {
      problem('liveness', `create was not acknowledged: ${created?.status} ${created?.code}`);
      return t;
    }

    if (plan.idle === 'unit-head') {
      t.outcome = 'idle-unit-head';
      await Promise.all([idleUntilEscalated(ctx, t, wfId, unit.signer), driver.idleFault()]);
    }
    t.outcome = 'approvals';
    await driver.perform(1);
    await driver.perform(2);

    t.outcome = 'voting';
    await waitFor(async () => (await workflowView()).status !== 'IN_REVIEW', {
      timeoutMs: 180_000,
      intervalMs: 200,
      description: 'the council vote to open',
    });
    const ballots = plan.idle === 'council' ? COUNCIL_SIZE - 1 : COUNCIL_SIZE;
    for (let k = 0; k < ballots; k++) await driver.perform(3 + k);

    t.outcome = 'tally';
    const voteDue = async () =>
      (
        await ctx.prisma.deadline.findFirst({ where: { subjectId: { startsWith: `${wfId}-2-` } } })
      )?.dueAt.getTime() ?? Date.now() + 60_000;
    const closed = async () => {
      const s = await pgStatus();
      return s !== undefined && !['IN_REVIEW', 'VOTING'].includes(s);
    };
    if (plan.idle === 'council') {
      // The last member votes right as the vote's deadline passes (0-800 ms after it; the timer
      // fires a little after): a ballot the vote takes must be counted, one it no longer takes
      // must be refused; the tally check tells.
      const due = await retryInfra(voteDue);
      await Promise.all([
        delay(Math.max(0, due - Date.now() + 2 * plan.delayMs)).then(() => driver.perform(7)),
        driver.idleFault(),
      ]);
    }
    await waitFor(closed, {
      timeoutMs: plan.idle === 'council' ? 120_000 : 180_000,
      intervalMs: 250,
      description: 'the council vote to close',
    });
    const status = await retryInfra(pgStatus);
    if (status !== 'AWAITING_DECISION') {
      t.outcome = status ?? 'missing';
      return t;
    }

    t.outcome = 'decision';
    await driver.perform(8);
    await driver.perform(9);
    if (t.decisionId) t.workflowIds.push(`decision-${t.decisionId}`);
    await waitFor(async () => (await pgStatus()) === 'AWARDED', {
      timeoutMs: 180_000,
      intervalMs: 250,
      description: 'the nomination to be AWARDED',
    });
    t.outcome = 'AWARDED';
    return t;
  } catch (err) {
    problem('liveness', `stuck at ${t.outcome}: ${(err as Error).message}`);
    t.outcome = `stuck-${t.outcome}`;
    return t;
  } finally {
    await settle(ctx, t, wfId);
  }
}

/** Finished workflows replay completely: wait (bounded) for the trial's run to close. */
export async function settle(ctx: ChaosContext, t: TrialRun, workflowId: string): Promise<void> {
  if (!t.outcome.startsWith('stuck') && !['not-started', 'setup'].includes(t.outcome)) {
    await waitFor(
      async () =>
        (await ctx.temporal.workflow.getHandle(workflowId).describe()).status.name !== 'RUNNING',
      { timeoutMs: 60_000, intervalMs: 250, description: `${workflowId} to close` },
    ).catch(() => t.notes.push(`${workflowId} still running after 60 s`));
  }
  t.finishedAt = Date.now();
}

/** Whether the workflow's history holds the Update's acceptance. */
export async function updateAccepted(
  ctx: ChaosContext,
  workflowId: string,
  updateId: string | undefined,
): Promise<boolean> {
  const history = await ctx.temporal.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).some(
    (e) =>
      e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId ===
      updateId,
  );
}

/** The unit head does nothing: the deadline must fire once, after every reminder was delivered. */
async function idleUntilEscalated(
  ctx: ChaosContext,
  t: TrialRun,
  wfId: string,
  signer: string,
): Promise<void> {
  const deadlineId = `nomination_step-${wfId}-0-r1`;
  const row = await waitFor(
    async () => (await ctx.prisma.deadline.findUnique({ where: { id: deadlineId } })) ?? undefined,
    { timeoutMs: 120_000, intervalMs: 200, description: 'the unit-head deadline to be scheduled' },
  );
  const signerId = ctx.userIds.get(signer) ?? '';
  const leaderId = ctx.userIds.get(ctx.authority.leader) ?? '';
  const due = row.dueAt.getTime();
  const offsets = row.offsets.filter((n) => n > 0).sort((a, b) => b - a);
  // Scheduled after it passed (a slow start), a deadline sends no reminders, only the escalation.
  const reminderAts = row.createdAt.getTime() < due ? row.reminderAts : [];
  const expected = [
    ...reminderAts.map((_, i) => `${deadlineId}/${due}/r${offsets[i]}/${signerId}/IN_APP`),
    `${deadlineId}/${due}/esc/${leaderId}/IN_APP`,
  ];
  await waitFor(
    async () => {
      const escalated = await ctx.prisma.nominationAction.count({
        where: { eventKey: `${wfId}/escalated-0-r1` },
      });
      const delivered = await ctx.prisma.notification.count({
        where: { dedupKey: { in: expected } },
      });
      return escalated === 1 && delivered === expected.length;
    },
    {
      timeoutMs: Math.max(0, due - Date.now()) + 120_000,
      intervalMs: 250,
      description: `the unit-head deadline to fire with ${expected.length - 1} reminders and an escalation delivered`,
    },
  ).catch((err: Error) => {
    t.problems.push({ trial: t.plan.index, invariant: 'deadline-fires', detail: err.message });
  });
}

/** A cycle of its own per trial: its calendar starts on Tuesday 3 March 2026, 09:00, right now. */
export async function createCycle(
  ctx: ChaosContext,
  id: string,
  movementCode: string,
  secondsPerDay: number,
  /** A signing round records its versions under the cycle's pledge. */
  withPledge = false,
): Promise<void> {
  const scale = 86_400 / secondsPerDay;
  const calendarToday = startOfVietnamDay('2026-03-03') + 9 * 3_600_000;
  await retryInfra(() =>
    ctx.prisma.emulationCycle.upsert({
      where: { id },
      update: {},
      create: {
        id,
        clusterId: ctx.cluster.clusterId,
        movementCode,
        movementName: 'Phong trào thi đua "Dân vận khéo"',
        periodKind: 'YEAR',
        periodLabel: `${YEAR}-${ctx.runTag}`,
        startsOn: new Date(`${YEAR}-01-01T00:00:00Z`),
        endsOn: new Date(`${YEAR}-12-31T00:00:00Z`),
        calendarScale: scale,
        calendarEpoch: new Date(
          Date.now() - (calendarToday - startOfVietnamDay(`${YEAR}-01-01`)) / scale,
        ),
        ...(withPledge
          ? {
              pledge: {
                create: {
                  title: 'Nội dung ký kết giao ước thi đua công tác dân vận',
                  documents: [],
                  currentVersion: 0,
                },
              },
            }
          : {}),
      },
    }),
  );
}
