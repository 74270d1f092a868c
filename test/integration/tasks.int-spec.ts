import type { AwardFormContent } from '@epw/domain';
import {
  createFixtureCluster,
  demoPledgeItems,
  uniqueSuffix,
  waitFor,
  type AuthorityAccounts,
  type FixtureCluster,
} from '@epw/testing';
import { createAuthority } from '../support/records-snapshot';
import { startTestSystem, terminateCycles, type TestSystem } from '../support/test-system';

const YEAR = 2026;

interface Task {
  id: string;
  kind: string;
  title: string;
  detail: string | null;
  deadline: string | null;
  overdue: boolean;
  link: string;
  menu: string;
  section: string;
  createdAt: string;
  entities: {
    cycleId: string | null;
    roundId: string | null;
    nominationId: string | null;
    unitId: string | null;
  };
}
interface TaskList {
  items: Task[];
  counts: {
    total: number;
    byKind: { key: string; count: number }[];
    byMenu: { key: string; count: number }[];
    bySection: { key: string; count: number }[];
  };
}
interface Problem {
  status: number;
  code: string;
  errors?: { field: string; rule: string }[];
}

/**
 * The to-do list (GET /me/tasks) against the real API, worker, Temporal, PostgreSQL and Redis:
 * each role sees what waits on it (a member's signer the pledge to sign, the cluster head the
 * approval at his step, the reviewer his queue, a council member an uncast ballot), the task goes
 * once it is done, and nobody sees another unit's or another authority's tasks.
 */
describe('GET /me/tasks', () => {
  let sys: TestSystem;
  let cluster: FixtureCluster;
  let other: FixtureCluster;
  let own: AuthorityAccounts;
  let foreign: AuthorityAccounts;
  let cycleId = '';
  let roundId = '';
  const suffix = uniqueSuffix();
  const movementCode = `TD${suffix.slice(-4)}`;
  const movementName = `Phong trào thi đua "Dân vận khéo" (${suffix})`;
  const formCode = `TASKS-${suffix}`;
  const workflows: string[] = [];

  const tasksOf = async (username: string, query = '', lang?: string) => {
    const res = await sys.http.as<TaskList>(
      username,
      'GET',
      `/me/tasks${query}`,
      undefined,
      lang ? { 'accept-language': lang } : {},
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const find = async (username: string, kind: string, match: (t: Task) => boolean) =>
    (await tasksOf(username)).items.find((t) => t.kind === kind && match(t));
  /** Polls (bounded) until the user's list has the task. */
  const waitTask = (username: string, kind: string, match: (t: Task) => boolean) =>
    waitFor(() => find(username, kind, match), {
      timeoutMs: 30_000,
      description: `${kind} in ${username}'s list`,
    });
  /** Polls (bounded) until the task has gone from the user's list. */
  const waitGone = (username: string, kind: string, match: (t: Task) => boolean) =>
    waitFor(async () => (await find(username, kind, match)) === undefined, {
      timeoutMs: 30_000,
      description: `${kind} gone from ${username}'s list`,
    });
  const forNomination = (id: string) => (t: Task) => t.entities.nominationId === id;

  const nominationStatus = async (id: string) =>
    (
      await sys.http.as<{ status: string; currentStep: { key: string } | null }>(
        cluster.admin,
        'GET',
        `/nominations/${id}`,
      )
    ).body;
  const waitStep = (id: string, key: string, status: string) =>
    waitFor(
      async () => {
        const n = await nominationStatus(id);
        return n.status === status && n.currentStep?.key === key;
      },
      { timeoutMs: 30_000, description: `nomination at ${key}` },
    );

  beforeAll(async () => {
    sys = await startTestSystem();
    cluster = await createFixtureCluster(sys.prisma, suffix, [YEAR]);
    other = await createFixtureCluster(sys.prisma, `${suffix}X`, [YEAR]);
    own = await createAuthority(sys.prisma, `TASKS-OWN-${suffix}`);
    foreign = await createAuthority(sys.prisma, `TASKS-FOREIGN-${suffix}`);
    const step = (key: string, actor: 'CLUSTER_HEAD' | 'AUTHORITY_BOARD') => ({
      key,
      kind: 'APPROVAL' as const,
      actor,
      title: { vi: `Bước ${key}`, en: `Step ${key}` },
      slaWorkingDays: 20,
    });
    const form: AwardFormContent = {
      code: formCode,
      name: { vi: `Giấy khen kiểm thử ${formCode}`, en: `Test certificate ${formCode}` },
      category: 'TITLE',
      level: 'BASE',
      authorityCode: own.code,
      nomineeKinds: ['UNIT'],
      dossier: [{ kind: 'to-trinh', label: { vi: 'Tờ trình', en: 'Memo' }, required: true }],
      chain: [
        step('cluster', 'CLUSTER_HEAD'),
        step('appraisal', 'AUTHORITY_BOARD'),
        {
          key: 'council-vote',
          kind: 'COUNCIL_VOTE',
          actor: 'AUTHORITY_COUNCIL',
          title: { vi: 'Hội đồng bỏ phiếu', en: 'Council vote' },
          slaWorkingDays: 20,
          thresholdPercent: 50,
        },
      ],
      reminders: { offsetsWorkingDays: [1] },
      quota: null,
      eligibility: null,
      certificate: { signerTitle: 'CHỦ TỊCH', achievementTemplate: 'Thành tích năm {year}' },
    };
    expect((await sys.http.as(cluster.admin, 'POST', '/award-forms', form)).status).toBe(201);
    const cycle = await sys.http.as<{ id: string }>(cluster.admin, 'POST', '/cycles', {
      clusterId: cluster.clusterId,
      movementCode,
      movementName,
      periodKind: 'YEAR',
      periodLabel: String(YEAR),
      startsOn: `${YEAR}-01-01`,
      endsOn: `${YEAR}-12-31`,
      calendarScale: 1,
      pledge: { title: 'Giao ước thi đua', documents: [], items: demoPledgeItems(YEAR) },
    });
    expect(cycle.status).toBe(201);
    cycleId = cycle.body.id;
  }, 120_000);

  afterAll(async () => {
    if (sys) {
      await sys.prisma.deadline.updateMany({
        where: { OR: [{ cycleId }, { subjectId: { in: workflows } }] },
        data: { status: 'CANCELLED' },
      });
      await terminateCycles(sys.temporal, [`${cluster.clusterCode}-${movementCode}-${YEAR}`]);
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
  });

  it('refuses an unknown kind or section with 400 naming the field', async () => {
    const kind = await sys.http.as<Problem>(cluster.head.signer, 'GET', '/me/tasks?kind=nap');
    expect(kind.status).toBe(400);
    expect(kind.body.errors?.map((e) => e.field)).toEqual(['kind']);
    const section = await sys.http.as<Problem>(
      cluster.head.signer,
      'GET',
      '/me/tasks?section=all&x=1',
    );
    expect(section.status).toBe(400);
    expect(section.body.errors?.map((e) => e.field).sort()).toEqual(['section', 'x']);
    expect((await sys.http.as(null, 'GET', '/me/tasks')).status).toBe(401);
  });

  it("tells each unit which clusters and cycles it belongs to, and nobody else's", async () => {
    const mine = await sys.http.as<{
      unitId: string;
      clusters: { clusterId: string; year: number; role: string; cycles: { cycleId: string }[] }[];
    }>(cluster.head.signer, 'GET', '/me/memberships');
    expect(mine.status).toBe(200);
    expect(mine.body.unitId).toBe(cluster.head.id);
    expect(mine.body.clusters).toEqual([
      expect.objectContaining({
        clusterId: cluster.clusterId,
        year: YEAR,
        role: 'HEAD',
        cycles: [expect.objectContaining({ cycleId })],
      }),
    ]);
    const theirs = await sys.http.as<{ clusters: { clusterId: string }[] }>(
      other.units[0].signer,
      'GET',
      '/me/memberships',
    );
    expect(theirs.body.clusters.map((c) => c.clusterId)).toEqual([other.clusterId]);
    const reviewer = await sys.http.as<{ clusters: unknown[] }>(
      own.reviewer,
      'GET',
      '/me/memberships',
    );
    expect(reviewer.body.clusters).toEqual([]);
  });

  it("shows a member's signer the pledge to sign until the unit signs, to nobody outside", async () => {
    const member = cluster.units.find((u) => u.role === 'MEMBER');
    if (!member) throw new Error('no member unit');
    const opened = await sys.http.as<{ roundId: string }>(
      cluster.head.signer,
      'POST',
      `/cycles/${cycleId}/signing-round`,
      { deadline: `${YEAR}-12-31` },
    );
    expect(opened.status).toBe(201);
    roundId = opened.body.roundId;

    const sign = await waitTask(
      member.signer,
      'sign-pledge',
      (t) => t.entities.roundId === roundId,
    );
    expect(sign).toMatchObject({
      link: '/pledge',
      menu: '/pledge',
      section: 'unit',
      overdue: false,
      entities: { cycleId, roundId, unitId: member.id },
    });
    expect(sign.title).toContain(movementName);
    expect(sign.title).toContain(String(YEAR));
    expect(sign.title).toMatch(/^Ký giao ước thi đua/);
    expect(sign.deadline).not.toBeNull();
    const english = await tasksOf(member.signer, '', 'en');
    expect(english.items.find((t) => t.id === sign.id)?.title).toMatch(
      /^Sign the emulation pledge/,
    );
    expect(english.counts.byMenu).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: '/pledge', count: 1 })]),
    );
    const counts = await sys.http.as<TaskList['counts']>(member.signer, 'GET', '/me/tasks/counts');
    expect(counts.body.byKind).toEqual(expect.arrayContaining([{ key: 'sign-pledge', count: 1 }]));

    // The officer does not sign; a unit of another cluster has no part in this round.
    expect(await find(member.officer, 'sign-pledge', () => true)).toBeUndefined();
    expect(await find(other.units[0].signer, 'sign-pledge', () => true)).toBeUndefined();
    const filtered = await tasksOf(member.signer, '?kind=register');
    expect(filtered.items.filter((t) => t.kind === 'sign-pledge')).toEqual([]);
    expect(filtered.counts.total).toBeGreaterThanOrEqual(1);

    const signed = await sys.http.as(member.signer, 'POST', `/signing-rounds/${roundId}/sign`, {
      unitId: member.id,
      version: 1,
    });
    expect(signed.status).toBe(200);
    await waitGone(member.signer, 'sign-pledge', (t) => t.entities.roundId === roundId);
    // Still waiting on the units that have not signed.
    const unsigned = cluster.units.find((u) => u.role === 'MEMBER' && u.id !== member.id);
    expect(await find(unsigned?.signer ?? '', 'sign-pledge', () => true)).toBeDefined();
  });

  it('takes a nomination from the head to the reviewer to the council, each seeing only his turn', async () => {
    const unit = cluster.units.filter((u) => u.role === 'MEMBER')[1];
    const created = await sys.http.as<{ id: string; workflowId: string }>(
      unit.officer,
      'POST',
      '/nominations',
      {
        formCode,
        nomineeKind: 'UNIT',
        nomineeUnitId: unit.id,
        year: YEAR,
        achievement: `Thành tích xuất sắc năm ${YEAR} (kiểm thử việc cần làm)`,
        documents: [
          {
            kind: 'to-trinh',
            fileName: 'to-trinh.pdf',
            mediaType: 'application/pdf',
            contentBase64: Buffer.from('%PDF-1.4\n% tasks\n').toString('base64'),
          },
        ],
      },
    );
    expect(created.status).toBe(201);
    workflows.push(created.body.workflowId);
    const id = created.body.id;
    await waitStep(id, 'cluster', 'IN_REVIEW');

    // The cluster head sees the approval waiting for him, counted under the approvals menu.
    const approval = await waitTask(cluster.head.signer, 'approve-step', forNomination(id));
    expect(approval).toMatchObject({ link: `/nominations/${id}`, menu: '/approvals' });
    expect(approval.title).toContain(unit.name);
    expect(approval.title).toContain(`Giấy khen kiểm thử ${formCode}`);
    const headList = await tasksOf(cluster.head.signer);
    expect(headList.counts.byMenu).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: '/approvals' })]),
    );
    // Nobody else: the nominee's own signer, another cluster's head, the reviewer (not yet).
    for (const user of [unit.signer, other.head.signer, own.reviewer, own.council[0]])
      expect(await find(user, 'approve-step', forNomination(id))).toBeUndefined();

    expect(
      (
        await sys.http.as(cluster.head.signer, 'POST', `/nominations/${id}/steps/cluster`, {
          decision: 'APPROVE',
        })
      ).status,
    ).toBe(200);
    await waitGone(cluster.head.signer, 'approve-step', forNomination(id));

    // The reviewer's approval queue; the other authority's reviewer sees nothing of it.
    await waitStep(id, 'appraisal', 'IN_REVIEW');
    const review = await waitTask(own.reviewer, 'approve-step', forNomination(id));
    expect(review.title).toContain('Bước appraisal');
    const queue = await sys.http.as<{ id: string }[]>(own.reviewer, 'GET', '/me/approvals');
    expect(queue.body.map((n) => n.id)).toContain(id);
    expect(await find(foreign.reviewer, 'approve-step', forNomination(id))).toBeUndefined();
    expect(
      (
        await sys.http.as(own.reviewer, 'POST', `/nominations/${id}/steps/appraisal`, {
          decision: 'APPROVE',
        })
      ).status,
    ).toBe(200);

    // Every council member has an uncast ballot; casting removes it from that member's list only.
    await waitStep(id, 'council-vote', 'VOTING');
    for (const member of own.council) await waitTask(member, 'council-ballot', forNomination(id));
    expect(await find(foreign.council[0], 'council-ballot', forNomination(id))).toBeUndefined();
    expect(await find(own.reviewer, 'council-ballot', forNomination(id))).toBeUndefined();
    const cast = await sys.http.as(own.council[0], 'POST', `/nominations/${id}/council-ballots`, {
      approve: true,
    });
    expect(cast.status).toBe(200);
    await waitGone(own.council[0], 'council-ballot', forNomination(id));
    expect(await find(own.council[1], 'council-ballot', forNomination(id))).toBeDefined();
  });

  it('lists oldest deadline first and tasks without a deadline last', async () => {
    const list = await tasksOf(own.council[1]);
    const deadlines = list.items.map((t) => t.deadline);
    const dated = deadlines.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort());
    const firstNull = deadlines.indexOf(null);
    if (firstNull >= 0) expect(deadlines.slice(firstNull).every((d) => d === null)).toBe(true);
  });
});
