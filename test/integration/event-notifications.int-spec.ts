import { AuditOutbox, QueuesService, eventJobId, type EventNotice } from '@epw/notifications';
import type { AuditRecord } from '@epw/data-access';
import { startOfVietnamDay } from '@epw/domain';
import {
  createFixtureCluster,
  demoPledgeItems,
  ensureCommendationSetup,
  uniqueSuffix,
  waitFor,
  type AuthorityAccounts,
  type FixtureCluster,
  dossierFile,
} from '@epw/testing';
import { startTestSystem, terminateCycles, type TestSystem } from '../support/test-system';

interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupKey: string;
  readAt: string | null;
  doneAt: string | null;
}

/** One calendar day passes every 2 s. */
const SECONDS_PER_DAY = 2;
const YEAR = 2026;
const doc = dossierFile;

/**
 * Notices of events, derived from the audit log by the worker's outbox, against the real API,
 * worker, Temporal, PostgreSQL and Redis: a returned dossier tells its proposer why, a unit's
 * decline tells the cluster head, an issued decision tells the proposer, a signing reminder is
 * marked done once the unit signs, and an audit entry read again notifies nobody twice.
 */
describe('event notifications', () => {
  let sys: TestSystem;
  let cluster: FixtureCluster;
  let auth: Record<string, AuthorityAccounts>;
  const suffix = uniqueSuffix();
  const workflows: string[] = [];

  const inbox = async (username: string) =>
    (await sys.http.as<{ items: InboxItem[] }>(username, 'GET', '/me/notifications?pageSize=100'))
      .body.items;
  /** Polls the user's inbox (bounded) for a notice of `kind` that `match` accepts. */
  const notice = (
    username: string,
    kind: string,
    match: (n: InboxItem) => boolean = () => true,
    timeoutMs = 30_000,
  ) =>
    waitFor(async () => (await inbox(username)).find((n) => n.kind === kind && match(n)), {
      timeoutMs,
      description: `a ${kind} notice for ${username}`,
    });

  beforeAll(async () => {
    sys = await startTestSystem();
    cluster = await createFixtureCluster(sys.prisma, suffix, [YEAR]);
    auth = await ensureCommendationSetup(sys.prisma);
  });

  afterAll(async () => {
    await sys?.prisma.deadline.updateMany({
      where: {
        OR: [
          { id: { contains: suffix } },
          { subjectId: { in: workflows.map((w) => `${w}`) } },
          { subjectId: { startsWith: workflows[0] ?? 'none' } },
        ],
      },
      data: { status: 'CANCELLED' },
    });
    if (sys) {
      await terminateCycles(sys.temporal, [`${cluster.clusterCode}-DVK-${YEAR}`]);
      await Promise.all(
        workflows.map((id) =>
          sys.temporal.workflow
            .getHandle(id)
            .terminate('test finished')
            .catch(() => undefined),
        ),
      );
    }
    await sys?.close();
  }, 60_000);

  it('tells the proposer of each step, of a return with its reason, and of the award', async () => {
    const unit = cluster.units[2];
    const hdtd = auth['HDTD-CUM01'];
    // The dossiers count their SLAs on this cycle's accelerated calendar: today is 01/09/2026.
    const scale = 86_400 / SECONDS_PER_DAY;
    const calendarToday = startOfVietnamDay(`${YEAR}-09-01`) + 9 * 3_600_000;
    const cycle = await sys.prisma.emulationCycle.create({
      data: {
        clusterId: cluster.clusterId,
        // Not the signing test's cycle: one cycle per cluster, movement and period.
        movementCode: 'DVK-HS',
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
    const person = await sys.http.as<{ id: string }>(
      unit.officer,
      'POST',
      `/units/${unit.id}/people`,
      { fullName: 'Nguyễn Thị Thông Báo', position: 'Đảng viên' },
    );
    expect(person.status).toBe(201);
    const created = await sys.http.as<{ id: string; workflowId: string }>(
      unit.officer,
      'POST',
      '/nominations',
      {
        cycleId: cycle.id,
        year: YEAR,
        formCode: 'LDTT',
        nomineeKind: 'PERSON',
        nomineePersonId: person.body.id,
        achievement: `Hoàn thành xuất sắc nhiệm vụ năm ${YEAR}`,
        documents: ['to-trinh', 'bien-ban-hop-xet'].map(doc),
      },
    );
    expect(created.status).toBe(201);
    workflows.push(created.body.workflowId);
    const id = created.body.id;
    const act = async (user: string, step: string, decision: string, reason?: string) => {
      await waitFor(
        async () => {
          const d = await sys.http.as<{ status: string; currentStep: { key: string } | null }>(
            cluster.admin,
            'GET',
            `/nominations/${id}`,
          );
          return d.body.currentStep?.key === step && d.body.status === 'IN_REVIEW';
        },
        { description: `nomination at ${step}` },
      );
      const res = await sys.http.as(user, 'POST', `/nominations/${id}/steps/${step}`, {
        decision,
        ...(reason ? { reason } : {}),
      });
      expect(res.status).toBe(200);
    };

    // The unit's head approves: the proposing officer hears of it, the head (who acted) does not.
    await act(unit.signer, 'unit-head', 'APPROVE');
    const approved = await notice(unit.officer, 'nomination.approved');
    expect(approved.title).toContain('Nguyễn Thị Thông Báo');
    expect(approved.link).toContain(`/app/nominations/${id}`);

    // The appraisal returns it: the officer is told why.
    const reason = `Thiếu biên bản họp xét có chữ ký (${suffix})`;
    await act(hdtd.reviewer, 'appraisal', 'RETURN', reason);
    const returned = await notice(unit.officer, 'nomination.returned');
    expect(returned.title).toBe(
      'Hồ sơ bị trả lại: Danh hiệu "Lao động tiên tiến" – Nguyễn Thị Thông Báo',
    );
    expect(returned.body).toContain(`Lý do: ${reason}`);
    expect(returned.readAt).toBeNull();
    // The unit's head is one of its officers: told too.
    await notice(unit.signer, 'nomination.returned');

    // Resubmitted and approved, it is awarded by a decision: the proposer hears of the decision.
    const again = await sys.http.as(unit.officer, 'POST', `/nominations/${id}/resubmit`, {
      note: 'Đã bổ sung biên bản',
    });
    expect(again.status).toBe(200);
    await act(hdtd.reviewer, 'appraisal', 'APPROVE');
    await waitFor(
      async () =>
        (await sys.prisma.nomination.findUnique({ where: { id } }))?.status === 'AWAITING_DECISION',
      { timeoutMs: 60_000, description: 'the dossier to await a decision' },
    );
    const number = `${suffix}/QĐ-HĐTĐ`;
    const decision = await sys.http.as<{ id: string }>(hdtd.leader, 'POST', '/decisions', {
      number,
      signedOn: `${YEAR}-10-12`,
      title: 'Quyết định công nhận danh hiệu Lao động tiên tiến',
      ceremonyName: `Lễ tuyên dương ${suffix}`,
      ceremonyOn: `${YEAR}-10-15`,
      signerTitle: 'CHỦ TỊCH HỘI ĐỒNG',
      nominationIds: [id],
    });
    expect(decision.status).toBe(201);
    expect(
      (await sys.http.as(hdtd.leader, 'POST', `/decisions/${decision.body.id}/issue`)).status,
    ).toBe(200);
    const awarded = await notice(unit.officer, 'nomination.awarded', () => true, 60_000);
    expect(awarded.body).toContain(`Quyết định số ${number}`);
    // One notice per event: the return once, the two approvals (head, appraisal) once each.
    const mine = await inbox(unit.officer);
    expect(mine.filter((n) => n.kind === 'nomination.returned')).toHaveLength(1);
    expect(mine.filter((n) => n.kind === 'nomination.approved')).toHaveLength(2);
  }, 180_000);

  it('tells the head of a decline with its reason, and marks a signing reminder done once signed', async () => {
    const { head, units } = cluster;
    const [decliner, member] = [units[1], units[3]];
    // A second signer of the member unit: the unit's task, done by a colleague, is done for her.
    const colleague = `ky2-${suffix.toLowerCase()}`;
    const signer = await sys.prisma.user.findUniqueOrThrow({ where: { username: member.signer } });
    await sys.prisma.user.create({
      data: {
        username: colleague,
        fullName: 'Phó Bí thư Thông Báo',
        unitId: member.id,
        roles: ['UNIT_SIGNER'],
        passwordHash: signer.passwordHash,
      },
    });
    const cycle = await sys.http.as<{ id: string }>(cluster.admin, 'POST', '/cycles', {
      clusterId: cluster.clusterId,
      movementCode: 'DVK',
      movementName: 'Phong trào thi đua "Dân vận khéo"',
      periodKind: 'YEAR',
      periodLabel: String(YEAR),
      startsOn: `${YEAR}-01-01`,
      endsOn: `${YEAR}-12-31`,
      calendarScale: 86_400 / SECONDS_PER_DAY,
      pledge: { title: 'Giao ước thi đua', documents: [], items: demoPledgeItems(YEAR) },
    });
    expect(cycle.status).toBe(201);
    const roundId = `pledge-signing-${cluster.clusterCode}-DVK-${YEAR}`;
    expect(
      (
        await sys.http.as(head.signer, 'POST', `/cycles/${cycle.body.id}/signing-round`, {
          deadline: `${YEAR}-01-20`,
        })
      ).status,
    ).toBe(201);
    await waitFor(
      async () =>
        (await sys.prisma.signingRound.findUnique({ where: { id: roundId } })) ?? undefined,
      { description: 'the round in PostgreSQL' },
    );

    const reason = `Đề nghị bổ sung chỉ tiêu chuyển đổi số (${suffix})`;
    const declined = await sys.http.as(
      decliner.signer,
      'POST',
      `/signing-rounds/${roundId}/decline`,
      {
        unitId: decliner.id,
        version: 1,
        reason,
      },
    );
    expect(declined.status).toBe(200);
    const told = await notice(head.signer, 'pledge.declined');
    expect(told.title).toContain(decliner.name);
    expect(told.title).toContain(`Dân vận khéo ${YEAR}`);
    expect(told.body).toContain(`Lý do: ${reason}`);

    // The first reminder (7 working days before 20/01, on 09/01) names the movement and cluster.
    const signing = (n: InboxItem) => n.title.includes('ký giao ước');
    const reminder = await notice(member.signer, 'reminder', signing, 60_000);
    expect(reminder.title).toBe(
      `Nhắc hạn: Dân vận khéo ${YEAR} – Cụm thi đua số 1 (${suffix}): ký giao ước thi đua trước 20/01/${YEAR}`,
    );
    expect(reminder.doneAt).toBeNull();
    const colleagueReminder = await notice(colleague, 'reminder', signing, 10_000);
    const declinerReminder = await notice(decliner.signer, 'reminder', signing, 10_000);

    expect(
      (
        await sys.http.as(member.signer, 'POST', `/signing-rounds/${roundId}/sign`, {
          unitId: member.id,
          version: 1,
        })
      ).status,
    ).toBe(200);
    const done = await waitFor(
      async () => (await inbox(member.signer)).find((n) => n.id === reminder.id && n.doneAt),
      { description: 'the reminder marked done' },
    );
    expect(done.readAt).not.toBeNull();
    const byOther = await notice(colleague, 'task.done-by-other');
    expect(byOther.body).toContain('đã ký giao ước thi đua');
    expect(
      (await inbox(colleague)).find((n) => n.id === colleagueReminder.id)?.doneAt,
    ).not.toBeNull();
    // The decliner has not signed: its reminder stays open.
    expect(
      (await inbox(decliner.signer)).find((n) => n.id === declinerReminder.id)?.doneAt,
    ).toBeNull();
  }, 120_000);

  it('notifies once when an audit entry is read again', async () => {
    const roundId = `pledge-signing-${cluster.clusterCode}-DVK-${YEAR}`;
    const row = await sys.prisma.auditLog.findFirstOrThrow({
      where: { entityId: roundId, action: 'pledge-signing.declined' },
    });
    const entry: AuditRecord = { ...row, payload: row.payload as Record<string, unknown> };
    const headUser = await sys.prisma.user.findUniqueOrThrow({
      where: { username: cluster.head.signer },
    });
    const outbox = sys.worker.get(AuditOutbox);
    const queues = sys.worker.get(QueuesService);
    const delivered = () =>
      sys.prisma.notification.count({
        where: { dedupKey: { startsWith: `event/${entry.eventKey}/${headUser.id}/` } },
      });
    expect(await delivered()).toBe(1);

    // The same entry handled twice more (a worker that died before moving its cursor).
    expect(await outbox.handle(entry)).toBe(1);
    expect(await outbox.handle(entry)).toBe(1);
    // And read again from the log: the cursor put back before it, then drained.
    await sys.prisma.auditCursor.update({
      where: { name: outbox.cursorName },
      data: { lastId: entry.id - 1n },
    });
    await outbox.drain();
    expect(
      (await sys.prisma.auditCursor.findUniqueOrThrow({ where: { name: outbox.cursorName } }))
        .lastId,
    ).toBeGreaterThan(entry.id);
    const job = await queues.events.getJob(eventJobId(entry.eventKey, headUser.id));
    expect(job).toBeDefined();
    // A job run again under another id (its own removed meanwhile) still writes the inbox once.
    const replay = await queues.events.add('replay', {
      eventKey: entry.eventKey,
      userId: headUser.id,
      notice: job?.data.notice as EventNotice,
      path: '/cluster',
    });
    await waitFor(async () => (await replay.isCompleted()) || undefined, {
      description: 'the replayed job to run',
    });
    expect(await delivered()).toBe(1);
    const items = (await inbox(cluster.head.signer)).filter((n) => n.kind === 'pledge.declined');
    expect(items).toHaveLength(1);
  }, 60_000);
});
