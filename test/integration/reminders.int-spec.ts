import { Redis } from 'ioredis';
import {
  NotificationDispatcher,
  QueuesService,
  ReminderScheduler,
  webhookSignature,
  type DeliveryJob,
} from '@epw/notifications';
import {
  createFixtureCluster,
  demoPledgeItems,
  uniqueSuffix,
  waitFor,
  type FixtureCluster,
} from '@epw/testing';
import { startMailSink } from '../support/mail-sink';
import { recordHistory } from '../support/record-history';
import { startTestSystem, terminateCycles, type TestSystem } from '../support/test-system';
import { startWebhookReceiver } from '../support/webhook-receiver';

interface Inbox {
  items: { kind: string; title: string; body: string }[];
  unread: number;
}

const SECONDS_PER_DAY = 2;
const WEBHOOK_SECRET = 'test-webhook-secret-test-webhook-secret';

/**
 * Reminders before a signing deadline, on an accelerated calendar (one calendar day = 2 s), against
 * real Redis (BullMQ), PostgreSQL, Temporal, an SMTP sink and a webhook receiver. Deadline
 * 20/01/2026; reminders 7, 3 and 1 working days before (09/01, 15/01, 19/01 at 08:00).
 */
describe('reminders, escalation and delivery', () => {
  let sys: TestSystem;
  let cluster: FixtureCluster;
  let mail: Awaited<ReturnType<typeof startMailSink>>;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const suffix = uniqueSuffix();

  beforeAll(async () => {
    mail = await startMailSink();
    hooks = await startWebhookReceiver();
    sys = await startTestSystem({
      SMTP_URL: mail.url,
      WEBHOOK_SECRET,
      // The local receiver: webhooks reach no loopback address unless its host is listed.
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      DELIVERY_ATTEMPTS: '2',
      DELIVERY_BACKOFF_MS: '100',
    });
    cluster = await createFixtureCluster(sys.prisma, suffix, [2026]);
    // The head's signer wants e-mail and webhooks too; one member's signer has e-mail.
    const headSigner = await sys.prisma.user.update({
      where: { username: cluster.head.signer },
      data: { email: 'cumtruong@example.vn' },
    });
    await sys.prisma.notificationPreference.create({
      data: {
        userId: headSigner.id,
        channels: ['IN_APP', 'EMAIL', 'WEBHOOK'],
        webhookUrl: hooks.url,
      },
    });
    await sys.prisma.user.update({
      where: { username: cluster.units[1].signer },
      data: { email: 'donvi2@example.vn' },
    });
  });

  afterAll(async () => {
    // Retire this test's deadlines so later test systems' reconcilers do not rebuild them.
    await sys?.prisma.deadline.updateMany({
      where: { id: { contains: suffix } },
      data: { status: 'CANCELLED' },
    });
    if (sys)
      await terminateCycles(sys.temporal, [
        `${cluster.clusterCode}-DVK-2026`,
        `${cluster.clusterCode}-DOIHAN-2026`,
      ]);
    await sys?.close();
    await mail?.close();
    await hooks?.close();
  }, 60_000);

  const inbox = async (username: string) =>
    (await sys.http.as<Inbox>(username, 'GET', '/me/notifications?pageSize=100')).body;

  it('reminds only those who have not acted, survives a Redis flush, escalates after the deadline', async () => {
    const { units, head } = cluster;
    const created = await sys.http.as<{ id: string }>(cluster.admin, 'POST', '/cycles', {
      clusterId: cluster.clusterId,
      movementCode: 'DVK',
      movementName: 'Phong trào thi đua "Dân vận khéo"',
      periodKind: 'YEAR',
      periodLabel: '2026',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      calendarScale: 86_400 / SECONDS_PER_DAY,
      pledge: { title: 'Giao ước thi đua', documents: [], items: demoPledgeItems(2026) },
    });
    const opened = await sys.http.as(
      head.signer,
      'POST',
      `/cycles/${created.body.id}/signing-round`,
      { deadline: '2026-01-20' },
    );
    expect(opened.status).toBe(201);
    const roundId = `pledge-signing-${cluster.clusterCode}-DVK-2026`;
    const deadlineId = `pledge_signing-${roundId}`;
    const deadline = await waitFor(
      async () =>
        (await sys.prisma.deadline.findUnique({ where: { id: deadlineId } })) ?? undefined,
      { description: 'the deadline row' },
    );
    expect(deadline.reminderAts).toHaveLength(3);
    expect(deadline.dueOn.toISOString().slice(0, 10)).toBe('2026-01-20');

    // Redis loses everything right after scheduling: the reconciler must rebuild from PostgreSQL.
    const redis = new Redis(sys.config.redisUrl);
    expect(
      await redis.keys(`${sys.config.notifications.queuePrefix}:reminders:*`),
    ).not.toHaveLength(0);
    await redis.flushdb();
    await waitFor(
      async () =>
        (await redis.keys(`${sys.config.notifications.queuePrefix}:reminders:*`)).length > 0,
      {
        timeoutMs: 60_000,
        description: 'the reconciler to rebuild reminder jobs',
      },
    );
    await redis.quit();

    // Nine units sign before the first reminder; one more signs between the first and second.
    const signers = units.slice(0, 9);
    const [between, lateA, lateB] = [units[9], units[10], units[11]];
    for (const u of signers) {
      expect(
        (
          await sys.http.as(u.signer, 'POST', `/signing-rounds/${roundId}/sign`, {
            unitId: u.id,
            version: 1,
          })
        ).status,
      ).toBe(200);
    }
    const first = await waitFor(
      async () => {
        const box = await inbox(between.signer);
        return box.items.length >= 1 ? box : undefined;
      },
      { timeoutMs: 40_000, description: 'the first reminder' },
    );
    expect(first.items[0].title).toContain('Nhắc hạn');
    expect(first.items[0].body).toContain('Còn 7 ngày làm việc');
    expect(
      (
        await sys.http.as(between.signer, 'POST', `/signing-rounds/${roundId}/sign`, {
          unitId: between.id,
          version: 1,
        })
      ).status,
    ).toBe(200);

    // The deadline passes with two units missing: the head is told who and since when.
    const escalation = await waitFor(
      async () => {
        const box = await inbox(head.signer);
        return box.items.find((n) => n.kind === 'escalation');
      },
      { timeoutMs: 60_000, description: 'the escalation' },
    );
    expect(escalation.body).toContain(lateA.code);
    expect(escalation.body).toContain(lateB.code);
    expect(escalation.body).not.toContain(between.code);
    expect(escalation.body).toContain('20/01/2026');

    // Reminders went only to those who had not acted, once per offset.
    for (const late of [lateA, lateB]) {
      const items = (await inbox(late.signer)).items.filter((n) => n.kind === 'reminder');
      expect(items.map((n) => /Còn (\d+) ngày/.exec(n.body)?.[1]).sort()).toEqual(['1', '3', '7']);
    }
    expect((await inbox(between.signer)).items).toHaveLength(1);
    for (const u of signers) {
      expect((await inbox(u.signer)).items.filter((n) => n.kind === 'reminder')).toHaveLength(0);
    }

    // E-mail through SMTP and a signed webhook for the head; e-mail for the member with an address.
    const escalationMail = await waitFor(
      () => mail.messages.find((m) => m.subject?.includes('Quá hạn')),
      { description: 'the escalation e-mail' },
    );
    expect(
      escalationMail.to && 'text' in escalationMail.to ? escalationMail.to.text : '',
    ).toContain('cumtruong@example.vn');
    expect(mail.messages.filter((m) => m.subject?.includes('Nhắc hạn'))).toHaveLength(0); // unit 2 signed early
    const hook = await waitFor(
      () => hooks.received.find((h) => h.body.includes('epw.escalation')),
      { description: 'the webhook' },
    );
    const timestamp = String(hook.headers['x-epw-timestamp']);
    expect(hook.headers['x-epw-signature']).toBe(
      webhookSignature(WEBHOOK_SECRET, timestamp, hook.body),
    );

    // Inbox: unread count and mark read.
    const headBox = await sys.http.as<{ unread: number }>(
      head.signer,
      'GET',
      '/me/notifications/unread-count',
    );
    expect(headBox.body.unread).toBe(1);
    expect((await sys.http.as(head.signer, 'POST', '/me/notifications/read-all')).status).toBe(200);
    expect(
      (await sys.http.as<{ unread: number }>(head.signer, 'GET', '/me/notifications/unread-count'))
        .body.unread,
    ).toBe(0);

    // The late units sign after all; the countersignature ends the round and retires its deadline.
    for (const u of [lateA, lateB]) {
      expect(
        (
          await sys.http.as(u.signer, 'POST', `/signing-rounds/${roundId}/sign`, {
            unitId: u.id,
            version: 1,
          })
        ).status,
      ).toBe(200);
    }
    expect(
      (
        await sys.http.as(head.signer, 'POST', `/signing-rounds/${roundId}/countersign`, {
          version: 1,
        })
      ).status,
    ).toBe(200);
    await waitFor(
      async () =>
        (await sys.prisma.deadline.findUnique({ where: { id: deadlineId } }))?.status === 'DONE',
      {
        description: 'the deadline to be retired',
      },
    );
    await recordHistory(sys.temporal, roundId, 'pledge-signing', 'with-reminders-and-escalation');
  }, 180_000);

  it('never sends one message twice, even when its job runs twice or concurrently', async () => {
    const dispatcher = sys.worker.get(NotificationDispatcher);
    const headSigner = await sys.prisma.user.findUniqueOrThrow({
      where: { username: cluster.head.signer },
    });
    const job = (channel: DeliveryJob['channel'], key: string): DeliveryJob => ({
      dedupKey: `dup-${suffix}-${key}/${channel}`,
      channel,
      userId: headSigner.id,
      kind: 'reminder',
      title: `Kiểm tra trùng lặp ${key}`,
      body: 'Nội dung',
      link: null,
      to: channel === 'EMAIL' ? 'cumtruong@example.vn' : null,
    });
    // A job that ran to the end, then ran again (its worker was killed before acknowledging).
    expect(await dispatcher.deliver(job('EMAIL', 'a'))).toBe('sent');
    expect(await dispatcher.deliver(job('EMAIL', 'a'))).toBe('duplicate');
    // Two workers holding the same job at once (a stalled lock handed over).
    const both = await Promise.allSettled([
      dispatcher.deliver(job('EMAIL', 'b')),
      dispatcher.deliver(job('EMAIL', 'b')),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled' && r.value === 'sent')).toHaveLength(1);
    expect(await dispatcher.deliver(job('IN_APP', 'c'))).toBe('sent');
    expect(await dispatcher.deliver(job('IN_APP', 'c'))).toBe('duplicate');
    // The inbox row and its sent-log entry are one statement: two at once write one of each.
    const inbox = await Promise.all([
      dispatcher.deliver(job('IN_APP', 'd')),
      dispatcher.deliver(job('IN_APP', 'd')),
    ]);
    expect(inbox.sort()).toEqual(['duplicate', 'sent']);
    expect(
      await sys.prisma.deliveryLog.findMany({
        where: { dedupKey: { startsWith: `dup-${suffix}-d` } },
        select: { channel: true, status: true },
      }),
    ).toEqual([{ channel: 'IN_APP', status: 'SENT' }]);
    await waitFor(
      () => mail.messages.filter((m) => m.subject?.includes('Kiểm tra trùng lặp b')).length === 1,
      { description: 'mail b' },
    );
    expect(mail.messages.filter((m) => m.subject?.includes('Kiểm tra trùng lặp a'))).toHaveLength(
      1,
    );
    expect(mail.messages.filter((m) => m.subject?.includes('Kiểm tra trùng lặp b'))).toHaveLength(
      1,
    );
    expect(
      await sys.prisma.notification.count({
        where: { dedupKey: { startsWith: `dup-${suffix}-c` } },
      }),
    ).toBe(1);
  });

  it('moving a deadline moves its reminders; closing removes them', async () => {
    const queues = sys.worker.get(QueuesService);
    const scheduler = sys.worker.get(ReminderScheduler);
    const unitId = cluster.units[0].id;
    const spec = {
      deadlineId: `registration-move-${suffix}`,
      kind: 'REGISTRATION' as const,
      subjectId: `move-${suffix}`,
      cycleId: null,
      title: 'Đăng ký thi đua',
      dueAt: new Date(Date.now() + 3600_000 * 24 * 30).toISOString(),
      clock: { periodStart: '2026-01-01', epochMs: Date.now(), scale: 1 },
      offsetsWorkingDays: [7, 3, 1],
      recipientUnitIds: [unitId],
      escalateToUnitId: null,
    };
    await scheduler.schedule(spec);
    await scheduler.schedule(spec); // twice: no duplicate jobs
    const ids = async () =>
      (await queues.reminders.getJobs(['delayed', 'waiting']))
        .filter((j) => j.data.deadlineId === spec.deadlineId)
        .map((j) => j.data.dueAtMs);
    expect(await ids()).toHaveLength(3);
    const moved = {
      ...spec,
      dueAt: new Date(Date.parse(spec.dueAt) + 7 * 24 * 3600_000).toISOString(),
    };
    await scheduler.schedule(moved);
    const after = await ids();
    expect(after.filter((at) => at === Date.parse(moved.dueAt))).toHaveLength(3);
    // The system's own reconciler (every 30 s, over every active deadline of this database) may
    // have read the row just before a change and put a job back after it. Such a job is inert: it
    // finds the deadline moved or closed and sends nothing. Every other job must be gone.
    const dispatcher = sys.worker.get(NotificationDispatcher);
    const onlyInert = async (keep: (dueAtMs: number) => boolean) => {
      let live = 0;
      for (const job of await queues.reminders.getJobs(['delayed', 'waiting'])) {
        if (job.data.deadlineId !== spec.deadlineId) continue;
        if (keep(job.data.dueAtMs)) {
          live += 1;
          continue;
        }
        expect(await dispatcher.handleReminder(job.data)).toBe('stale');
        await job.remove();
      }
      return live;
    };
    expect(await onlyInert((at) => at === Date.parse(moved.dueAt))).toBe(3);
    await scheduler.close(spec.deadlineId);
    expect(
      (await sys.prisma.deadline.findUniqueOrThrow({ where: { id: spec.deadlineId } })).status,
    ).toBe('DONE');
    expect(await onlyInert(() => false)).toBe(0);
    // A late repeat of the schedule (an attempt that outlived its timeout) reopens nothing.
    await scheduler.schedule(moved);
    expect(
      (await sys.prisma.deadline.findUniqueOrThrow({ where: { id: spec.deadlineId } })).status,
    ).toBe('DONE');
    expect(await onlyInert(() => false)).toBe(0);
  });

  it('a reminder Redis lost just before the deadline is rebuilt after it, within the grace only', async () => {
    const queues = sys.worker.get(QueuesService);
    const scheduler = sys.worker.get(ReminderScheduler);
    const unit = cluster.units[11];
    const spec = (name: string, dueInMs: number, offsetsWorkingDays: number[]) => ({
      deadlineId: `pledge_signing-lost-${name}-${suffix}`,
      kind: 'PLEDGE_SIGNING' as const,
      subjectId: `lost-${name}-${suffix}`,
      cycleId: null,
      title: `Ký giao ước (${name} ${suffix})`,
      dueAt: new Date(Date.now() + dueInMs).toISOString(),
      clock: { periodStart: '2026-03-02', epochMs: Date.now(), scale: 1 },
      offsetsWorkingDays,
      recipientUnitIds: [unit.id],
      escalateToUnitId: null,
    });
    // Jobs for the deadline as it now stands. The system's own reconciler runs meanwhile and may
    // re-add a job for the other deadline's first due date; that job is stale and never sends.
    const jobsOf = async (deadlineId: string) => {
      const row = await sys.prisma.deadline.findUniqueOrThrow({ where: { id: deadlineId } });
      return (await queues.reminders.getJobs(['delayed', 'waiting', 'active', 'completed'])).filter(
        (j) => j.data.deadlineId === deadlineId && j.data.dueAtMs === row.dueAt.getTime(),
      );
    };
    // Both reminders of the recent deadline (3 and 1 working days before) are lost.
    const recent = spec('recent', 1_000, [3, 1]);
    const old = spec('old', 3600_000, [1]);
    // Paused: the jobs stay in Redis unprocessed until they are lost (removed).
    await queues.reminders.pause();
    try {
      for (const s of [recent, old]) {
        await scheduler.schedule(s);
        expect(await jobsOf(s.deadlineId)).toHaveLength(s.offsetsWorkingDays.length);
      }
      // The other deadline's jobs are lost, and it passed two minutes ago, beyond any grace.
      for (const job of await jobsOf(old.deadlineId)) await job.remove();
      await sys.prisma.deadline.update({
        where: { id: old.deadlineId },
        data: {
          createdAt: new Date(Date.now() - 3600_000),
          dueAt: new Date(Date.now() - 120_000),
        },
      });
      // The recent one's jobs are gone when Redis is back, just after the deadline (removed only
      // then: the system's own reconciler, running meanwhile, would rebuild them before it).
      const dueAtMs = Date.parse(recent.dueAt);
      await waitFor(() => Date.now() > dueAtMs + 50, { description: 'the deadline to pass' });
      for (const job of await jobsOf(recent.deadlineId)) await job.remove();
      // Within the grace the lost reminder comes back; past it, the other does not.
      // Only the last one: a single overdue message rather than one per offset.
      await scheduler.reconcile(60_000);
      const rebuilt = await jobsOf(recent.deadlineId);
      expect(rebuilt.map((j) => [j.data.offset, j.data.overdue])).toEqual([[1, true]]);
      expect(await jobsOf(old.deadlineId)).toHaveLength(0);
      await sys.prisma.deadline.update({
        where: { id: old.deadlineId },
        data: { status: 'CANCELLED' },
      });
    } finally {
      await queues.reminders.resume();
    }
    // It is delivered (late, once) to the unit that has not acted.
    const delivered = await waitFor(
      async () => {
        const box = await inbox(unit.signer);
        const items = box.items.filter((i) => i.title.includes(`recent ${suffix}`));
        return items.length > 0 ? items : undefined;
      },
      { description: 'the rebuilt reminder in the inbox' },
    );
    expect(delivered).toHaveLength(1);
    const row = await sys.prisma.deadline.findUniqueOrThrow({ where: { id: recent.deadlineId } });
    const dueOn = row.dueOn.toISOString().slice(0, 10).split('-').reverse().join('/');
    // Worded as overdue: the days it would have counted are gone.
    expect(delivered[0].title).toBe(`Nhắc hạn: ${recent.title} – đã quá hạn ${dueOn}`);
    expect(delivered[0].body).not.toContain('Còn');
    // Reconciling again adds nothing: the job that ran is still known to Redis.
    await scheduler.reconcile(60_000);
    expect(await jobsOf(recent.deadlineId)).toHaveLength(1);
    await scheduler.close(recent.deadlineId);
  });

  it('the head moves a deadline: the timer waits for the new one and the reminders move with it', async () => {
    const { head, units } = cluster;
    const created = await sys.http.as<{ id: string }>(cluster.admin, 'POST', '/cycles', {
      clusterId: cluster.clusterId,
      movementCode: 'DOIHAN',
      movementName: 'Phong trào thi đua (dời hạn)',
      periodKind: 'YEAR',
      periodLabel: '2026',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      calendarScale: 86_400 / SECONDS_PER_DAY,
      pledge: { title: 'Giao ước thi đua', documents: [], items: demoPledgeItems(2026) },
    });
    const roundId = `pledge-signing-${cluster.clusterCode}-DOIHAN-2026`;
    const deadlineId = `pledge_signing-${roundId}`;
    expect(
      (
        await sys.http.as(head.signer, 'POST', `/cycles/${created.body.id}/signing-round`, {
          deadline: '2026-01-12',
        })
      ).status,
    ).toBe(201);
    const before = await waitFor(
      async () =>
        (await sys.prisma.deadline.findUnique({ where: { id: deadlineId } })) ?? undefined,
      { description: 'the deadline' },
    );

    const notHead = await sys.http.as<{ code: string }>(
      units[0].signer,
      'POST',
      `/signing-rounds/${roundId}/deadline`,
      { deadline: '2026-01-16', reason: 'Đề nghị dời hạn ký' },
    );
    expect(notHead.body.code).toBe('NOT_CLUSTER_HEAD');
    const earlier = await sys.http.as<{ code: string }>(
      head.signer,
      'POST',
      `/signing-rounds/${roundId}/deadline`,
      { deadline: '2026-01-05', reason: 'Rút ngắn thời hạn ký' },
    );
    expect(earlier.body.code).toBe('DEADLINE_NOT_LATER');
    const moved = await sys.http.as<{ deadlineAt: string }>(
      head.signer,
      'POST',
      `/signing-rounds/${roundId}/deadline`,
      { deadline: '2026-01-16', reason: 'Chờ các đơn vị hoàn thiện thủ tục' },
    );
    expect(moved.status).toBe(200);
    const newDueAt = Date.parse(moved.body.deadlineAt);
    expect(newDueAt).toBeGreaterThan(before.dueAt.getTime());

    const after = await waitFor(
      async () => {
        const d = await sys.prisma.deadline.findUnique({ where: { id: deadlineId } });
        return d && d.dueAt.getTime() === newDueAt ? d : undefined;
      },
      { description: 'the deadline row to move' },
    );
    expect(after.dueOn.toISOString().slice(0, 10)).toBe('2026-01-16');
    // The activity moves the row first, then replaces the jobs: wait for the jobs to follow.
    const queues = sys.worker.get(QueuesService);
    const jobs = await waitFor(
      async () => {
        const all = (
          await queues.reminders.getJobs(['delayed', 'waiting', 'completed', 'active'])
        ).filter((j) => j.data.deadlineId === deadlineId && j.data.kind === 'reminder');
        const stale = all.some((j) => j.data.dueAtMs === before.dueAt.getTime() && !j.finishedOn);
        return !stale && all.some((j) => j.data.dueAtMs === newDueAt) ? all : undefined;
      },
      { timeoutMs: 20_000, description: 'the reminder jobs to move with the deadline' },
    );
    expect(jobs.filter((j) => j.data.dueAtMs === before.dueAt.getTime() && !j.finishedOn)).toEqual(
      [],
    );
    expect(jobs.filter((j) => j.data.dueAtMs === newDueAt).length).toBeGreaterThan(0);

    // The workflow's timer follows: the round falls overdue at the new deadline, not the old one.
    const overdue = await waitFor(
      async () => {
        const r = await sys.prisma.signingRound.findUnique({ where: { id: roundId } });
        return r?.status === 'OVERDUE' ? r : undefined;
      },
      { timeoutMs: 60_000, description: 'the moved deadline to pass' },
    );
    expect(overdue.overdueAt!.getTime()).toBeGreaterThanOrEqual(newDueAt);
    expect(overdue.deadlineAt.getTime()).toBe(newDueAt);
  }, 120_000);

  it('parks a delivery that keeps failing in the dead-letter queue; an administrator retries it', async () => {
    const headSigner = await sys.prisma.user.findUniqueOrThrow({
      where: { username: cluster.head.signer },
    });
    const queues = sys.worker.get(QueuesService);
    const dedupKey = `dlq-${suffix}/WEBHOOK`;
    hooks.status = 500;
    try {
      await queues.deliveries.WEBHOOK.add('deliver', {
        dedupKey,
        channel: 'WEBHOOK',
        userId: headSigner.id,
        kind: 'reminder',
        title: 'Nhắc hạn (thử gửi lại)',
        body: 'Nội dung',
        link: null,
        to: hooks.url,
      });
      const parked = await waitFor(
        async () => {
          const res = await sys.http.as<
            { id: string; error: string; data: { dedupKey: string } }[]
          >(cluster.admin, 'GET', '/admin/dead-letters');
          return res.body.find((d) => d.data.dedupKey === dedupKey);
        },
        { timeoutMs: 30_000, description: 'the dead letter' },
      );
      expect(parked.error).toContain('500');
      expect((await sys.http.as(cluster.head.signer, 'GET', '/admin/dead-letters')).status).toBe(
        403,
      );
    } finally {
      hooks.status = 204;
    }
    const parkedId = (
      await sys.http.as<{ id: string; data: { dedupKey: string } }[]>(
        cluster.admin,
        'GET',
        '/admin/dead-letters',
      )
    ).body.find((d) => d.data.dedupKey === dedupKey)!.id;
    // Dead-letter job ids are counters of the queue: earlier runs on this database used them too.
    const retriedFrom = new Date();
    expect(
      (await sys.http.as(cluster.admin, 'POST', `/admin/dead-letters/${parkedId}/retry`)).status,
    ).toBe(202);
    await waitFor(
      async () =>
        (await sys.prisma.deliveryLog.findUnique({ where: { dedupKey } }))?.status === 'SENT',
      { description: 'the retried delivery' },
    );
    expect(hooks.received.filter((h) => h.body.includes(dedupKey))).toHaveLength(1);
    // The retry is audited under the administrator who asked for it.
    const retried = await sys.prisma.auditLog.findMany({
      where: {
        action: 'dead-letter.retried',
        entityId: parkedId,
        occurredAt: { gte: retriedFrom },
      },
      select: { actorUserId: true },
    });
    expect(retried).toHaveLength(1);
    expect(retried[0]?.actorUserId).not.toBeNull();
  });

  it('shows the queues dashboard to administrators only (HTTP Basic)', async () => {
    const basic = (user: string, password: string) => ({
      authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
    });
    const anonymous = await sys.http.request('GET', '/admin/queues');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Basic');
    expect(
      (
        await sys.http.request('GET', '/admin/queues', {
          headers: basic(cluster.head.signer, cluster.password),
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await sys.http.request('GET', '/admin/queues', {
          headers: basic(cluster.admin, 'wrong-password'),
        })
      ).status,
    ).toBe(401);
    const board = await sys.http.request<{ queues: { name: string }[] }>(
      'GET',
      '/admin/queues/api/queues',
      {
        headers: basic(cluster.admin, cluster.password),
      },
    );
    expect(board.status).toBe(200);
    expect(board.body.queues.map((q) => q.name).sort()).toEqual([
      'dead-letter',
      'deliver-email',
      'deliver-in-app',
      'deliver-webhook',
      'event-notices',
      'reminders',
    ]);
  });
});
