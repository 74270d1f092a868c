import type { SigningStatusView } from '@epw/domain';
import {
  createFixtureCluster,
  demoPledgeItems,
  uniqueSuffix,
  waitFor,
  type FixtureCluster,
  type FixtureUnit,
} from '@epw/testing';
import { recordHistory } from '../support/record-history';
import { startTestSystem, type TestSystem } from '../support/test-system';

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; rule: string }[];
}

interface Signature {
  unitId: string;
  decision: string;
  pledgeVersion: number;
  late: boolean;
  invalidatedAt: string | null;
}

/** A scaled calendar: `secondsPerDay` real seconds per calendar day. */
const scaleFor = (secondsPerDay: number) => 86_400 / secondsPerDay;

describe('pledge-signing round through HTTP (real Temporal, PostgreSQL, Redis)', () => {
  let sys: TestSystem;
  let cluster: FixtureCluster;
  const suffix = uniqueSuffix();

  beforeAll(async () => {
    sys = await startTestSystem();
    cluster = await createFixtureCluster(sys.prisma, suffix, [2026]);
  });

  afterAll(async () => {
    await sys?.close();
  });

  async function createCycle(body: Record<string, unknown>): Promise<string> {
    const res = await sys.http.as<{ id: string }>(cluster.admin, 'POST', '/cycles', {
      clusterId: cluster.clusterId,
      movementName: 'Phong trào thi đua "Dân vận khéo"',
      pledge: {
        title: 'Nội dung ký kết giao ước thi đua công tác dân vận',
        documents: ['Quy chế tổ chức và hoạt động thi đua công tác dân vận'],
        items: demoPledgeItems(2026),
      },
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const sign = (
    unit: FixtureUnit,
    roundId: string,
    version: number,
    headers: Record<string, string> = {},
  ) =>
    sys.http.as<Omit<SigningStatusView, 'status'> & Omit<Problem, 'status'>>(
      unit.signer,
      'POST',
      `/signing-rounds/${roundId}/sign`,
      { unitId: unit.id, version },
      headers,
    );

  const status = async (roundId: string) =>
    (await sys.http.as<SigningStatusView>(cluster.head.signer, 'GET', `/signing-rounds/${roundId}`))
      .body;

  it('runs a whole round: decline, amendment, re-signing, rejections and countersignature', async () => {
    const cycleId = await createCycle({
      movementCode: 'DVK',
      periodKind: 'YEAR',
      periodLabel: '2026',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      calendarScale: scaleFor(8),
    });
    const roundId = `pledge-signing-${cluster.clusterCode}-DVK-2026`;
    const [head, decliner, other] = [cluster.head, cluster.units[3], cluster.units[0]];

    // Only the head's signer may open the round.
    const notHead = await sys.http.as<Problem>(
      other.signer,
      'POST',
      `/cycles/${cycleId}/signing-round`,
      { deadline: '2026-12-31' },
    );
    expect(notHead.status).toBe(403);
    expect(notHead.body.code).toBe('NOT_CLUSTER_HEAD');

    const opened = await sys.http.as<SigningStatusView>(
      head.signer,
      'POST',
      `/cycles/${cycleId}/signing-round`,
      { deadline: '2026-12-31' },
    );
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ roundId, status: 'OPEN', memberCount: 12, signedCount: 0 });
    expect(opened.body.pledge.version).toBe(1);

    const again = await sys.http.as<Problem>(
      head.signer,
      'POST',
      `/cycles/${cycleId}/signing-round`,
      { deadline: '2026-12-31' },
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ROUND_ALREADY_OPEN');

    // The read model appears once the workflow's first activity has run.
    await waitFor(
      async () =>
        (await sys.prisma.signingRound.findUnique({ where: { id: roundId } })) ?? undefined,
      {
        description: 'the round in PostgreSQL',
      },
    );

    const declined = await sys.http.as<SigningStatusView>(
      decliner.signer,
      'POST',
      `/signing-rounds/${roundId}/decline`,
      {
        unitId: decliner.id,
        version: 1,
        reason: 'Đề nghị bổ sung chỉ tiêu về chuyển đổi số trước khi ký',
      },
    );
    expect(declined.status).toBe(200);
    expect(declined.body.units.find((u) => u.unitId === decliner.id)?.decision).toBe('DECLINED');

    for (const unit of cluster.units.filter((u) => u.id !== decliner.id)) {
      const res = await sign(unit, roundId, 1);
      expect(res.status).toBe(200);
    }
    expect((await status(roundId)).signedCount).toBe(11);

    // Rejections: each names its rule and changes nothing.
    const wrongUnit = await sys.http.as<Problem>(
      other.signer,
      'POST',
      `/signing-rounds/${roundId}/sign`,
      { unitId: decliner.id, version: 1 },
    );
    expect(wrongUnit.status).toBe(403);
    expect(wrongUnit.body.code).toBe('WRONG_UNIT');
    const officer = await sys.http.as<Problem>(
      decliner.officer,
      'POST',
      `/signing-rounds/${roundId}/sign`,
      { unitId: decliner.id, version: 1 },
    );
    expect(officer.status).toBe(403);
    expect(officer.body.code).toBe('NOT_A_SIGNER');
    const twice = await sign(other, roundId, 1);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALREADY_SIGNED');
    const badInput = await sys.http.as<Problem>(
      other.signer,
      'POST',
      `/signing-rounds/${roundId}/sign`,
      { unitId: 'not-a-uuid', version: 0 },
    );
    expect(badInput.status).toBe(400);
    expect(badInput.body.errors?.map((e) => e.field).sort()).toEqual(['unitId', 'version']);
    const early = await sys.http.as<Problem>(
      head.signer,
      'POST',
      `/signing-rounds/${roundId}/countersign`,
      { version: 1 },
    );
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('NOT_ALL_SIGNED');
    expect(early.body.detail).toContain(decliner.code);
    const notHeadAmend = await sys.http.as<Problem>(
      other.signer,
      'POST',
      `/signing-rounds/${roundId}/amend`,
      {
        baseVersion: 1,
        items: ['Một nội dung khác hẳn'],
        reason: 'Không phải cụm trưởng',
      },
    );
    expect(notHeadAmend.status).toBe(403);
    expect((await status(roundId)).signedCount).toBe(11);

    // The head amends: version 2, every earlier decision lapses.
    const items = [
      ...demoPledgeItems(2026),
      'Đẩy mạnh chuyển đổi số trong công tác dân vận, 100% đơn vị sử dụng hồ sơ điện tử',
    ];
    const amended = await sys.http.as<SigningStatusView>(
      head.signer,
      'POST',
      `/signing-rounds/${roundId}/amend`,
      {
        baseVersion: 1,
        items,
        reason: 'Bổ sung chỉ tiêu chuyển đổi số theo đề nghị của đơn vị',
      },
    );
    expect(amended.status).toBe(200);
    expect(amended.body.pledge.version).toBe(2);
    expect(amended.body.signedCount).toBe(0);
    expect(amended.body.pledge.items).toHaveLength(8);

    const stale = await sign(other, roundId, 1);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_PLEDGE_VERSION');

    // Everyone signs version 2; one request is retried with the same Idempotency-Key.
    const key = { 'Idempotency-Key': `retry-${suffix}` };
    const first = await sign(decliner, roundId, 2, key);
    const retried = await sign(decliner, roundId, 2, key);
    expect(first.status).toBe(200);
    expect(retried.status).toBe(200);
    for (const unit of cluster.units.filter((u) => u.id !== decliner.id)) {
      expect((await sign(unit, roundId, 2)).status).toBe(200);
    }
    const ready = await status(roundId);
    expect(ready).toMatchObject({ status: 'AWAITING_COUNTERSIGN', signedCount: 12, missing: [] });

    const countersigned = await sys.http.as<SigningStatusView>(
      head.signer,
      'POST',
      `/signing-rounds/${roundId}/countersign`,
      { version: 2 },
    );
    expect(countersigned.status).toBe(200);
    expect(countersigned.body.status).toBe('EFFECTIVE');

    const closed = await sign(other, roundId, 2);
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('ROUND_CLOSED');

    // PostgreSQL holds every accepted action exactly once.
    const current = await waitFor(
      async () => {
        const res = await sys.http.as<Signature[]>(
          head.signer,
          'GET',
          `/signing-rounds/${roundId}/signatures`,
        );
        return res.body.length === 12 ? res.body : undefined;
      },
      { description: '12 current signatures' },
    );
    expect(current.every((s) => s.decision === 'SIGNED' && s.pledgeVersion === 2)).toBe(true);
    const all = (
      await sys.http.as<Signature[]>(
        head.signer,
        'GET',
        `/signing-rounds/${roundId}/signatures?includeInvalidated=true`,
      )
    ).body;
    expect(all).toHaveLength(24); // 1 decline + 11 signatures of v1, 12 of v2
    expect(all.filter((s) => s.invalidatedAt !== null)).toHaveLength(12);

    const trail = (
      await sys.http.as<{ action: string }[]>(
        head.signer,
        'GET',
        `/signing-rounds/${roundId}/audit`,
      )
    ).body;
    const count = (a: string) => trail.filter((e) => e.action === a).length;
    expect([
      count('pledge-signing.opened'),
      count('pledge-signing.declined'),
      count('pledge-signing.signed'),
      count('pledge-signing.amended'),
      count('pledge-signing.countersigned'),
    ]).toEqual([1, 1, 23, 1, 1]);

    const round = await sys.prisma.signingRound.findUniqueOrThrow({ where: { id: roundId } });
    expect(round).toMatchObject({ status: 'EFFECTIVE', effectiveVersion: 2 });
    const cycle = (
      await sys.http.as<{ pledge: { currentVersion: number; effectiveAt: string | null } }>(
        head.signer,
        'GET',
        `/cycles/${cycleId}`,
      )
    ).body;
    expect(cycle.pledge.currentVersion).toBe(2);
    expect(cycle.pledge.effectiveAt).not.toBeNull();

    const verify = await sys.http.as<{ ok: boolean; checked: number }>(
      cluster.admin,
      'GET',
      '/audit/verify',
    );
    expect(verify.body.ok).toBe(true);
    expect(verify.body.checked).toBeGreaterThanOrEqual(27);
    const forbidden = await sys.http.as<Problem>(head.signer, 'GET', '/audit/verify');
    expect(forbidden.status).toBe(403);

    await recordHistory(sys.temporal, roundId, 'pledge-signing', 'amended-and-countersigned');
  });

  it('marks the round overdue at the deadline with the missing unit, then accepts a late signature', async () => {
    // A quarter of a second movement; 10 real seconds per calendar day, deadline the first day.
    const cycleId = await createCycle({
      movementCode: 'TDYN',
      movementName: 'Phong trào thi đua yêu nước',
      periodKind: 'QUARTER',
      periodLabel: '2026-Q1',
      startsOn: '2026-01-01',
      endsOn: '2026-03-31',
      calendarScale: scaleFor(10),
    });
    const roundId = `pledge-signing-${cluster.clusterCode}-TDYN-2026-Q1`;
    const late = cluster.units[5];
    const opened = await sys.http.as<SigningStatusView>(
      cluster.head.signer,
      'POST',
      `/cycles/${cycleId}/signing-round`,
      { deadline: '2026-01-01' },
    );
    expect(opened.status).toBe(201);
    // In parallel: all but one must sign within the first (accelerated) day.
    const signed = await Promise.all(
      cluster.units
        .filter((u) => u.id !== late.id)
        .map(async (unit) => (await sign(unit, roundId, 1)).status),
    );
    expect(signed).toEqual(signed.map(() => 200));

    const overdue = await waitFor(
      async () => {
        const s = await status(roundId);
        return s.status === 'OVERDUE' ? s : undefined;
      },
      { timeoutMs: 30_000, description: 'the deadline timer' },
    );
    expect(overdue.missingAtDeadline).toEqual([late.id]);
    const row = await waitFor(
      async () => {
        const r = await sys.prisma.signingRound.findUnique({ where: { id: roundId } });
        return r?.status === 'OVERDUE' ? r : undefined;
      },
      { description: 'OVERDUE in PostgreSQL' },
    );
    expect(row.missingUnitIds).toEqual([late.id]);

    const lateSignature = await sign(late, roundId, 1);
    expect(lateSignature.status).toBe(200);
    expect(lateSignature.body.units.find((u) => u.unitId === late.id)).toMatchObject({
      decision: 'SIGNED',
      late: true,
    });
    const done = await sys.http.as<SigningStatusView>(
      cluster.head.signer,
      'POST',
      `/signing-rounds/${roundId}/countersign`,
      { version: 1 },
    );
    expect(done.body.status).toBe('EFFECTIVE');
    expect(done.body.missingAtDeadline).toEqual([late.id]);

    const signatures = (
      await sys.http.as<Signature[]>(
        cluster.head.signer,
        'GET',
        `/signing-rounds/${roundId}/signatures`,
      )
    ).body;
    expect(signatures.filter((s) => s.late).map((s) => s.unitId)).toEqual([late.id]);
    await recordHistory(sys.temporal, roundId, 'pledge-signing', 'overdue-then-late');
  });

  it('refuses bad input with the field and the rule, in Vietnamese or English', async () => {
    const vi = await sys.http.as<Problem>(cluster.admin, 'POST', '/cycles', {
      clusterId: cluster.clusterId,
      movementCode: 'x',
      periodKind: 'DECADE',
    });
    expect(vi.status).toBe(400);
    expect(vi.headers.get('content-type')).toContain('application/problem+json');
    expect(vi.body.detail).toContain('không hợp lệ');
    const fields = new Set(vi.body.errors?.map((e) => e.field));
    expect([...fields].sort()).toEqual([
      'endsOn',
      'movementCode',
      'movementName',
      'periodKind',
      'periodLabel',
      'pledge',
      'startsOn',
    ]);
    const en = await sys.http.as<Problem>(
      cluster.units[0].signer,
      'POST',
      '/signing-rounds/pledge-signing-NOPE-DVK-2026/sign',
      { unitId: cluster.units[0].id, version: 1 },
      { 'accept-language': 'en' },
    );
    expect(en.status).toBe(404);
    expect(en.body).toMatchObject({ code: 'ROUND_NOT_FOUND' });
    expect(en.body.detail).toContain('not found');
    // An id that cannot be a round's (empty, another shape) is bad input, named as such.
    for (const id of ['nope', '%20', 'pledge-signing-lower-case']) {
      const bad = await sys.http.as<Problem>(
        cluster.units[0].signer,
        'POST',
        `/signing-rounds/${id}/countersign`,
        { version: 1 },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([
        expect.objectContaining({ field: 'roundId', rule: 'matches' }),
      ]);
    }
    const anonymous = await sys.http.as<Problem>(null, 'GET', '/cycles');
    expect(anonymous.status).toBe(401);
    const badLogin = await sys.http.request<Problem>('POST', '/auth/login', {
      body: { username: cluster.admin, password: 'wrong-password' },
    });
    expect(badLogin.status).toBe(401);
    expect(badLogin.body.code).toBe('INVALID_CREDENTIALS');
    const notAdmin = await sys.http.as<Problem>(cluster.head.signer, 'POST', '/cycles', {});
    expect(notAdmin.status).toBe(403);
  });

  it('reports PostgreSQL, Redis and Temporal on /health', async () => {
    const res = await sys.http.request<{
      status: string;
      info: Record<string, { status: string }>;
    }>('GET', '/health');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.info).sort()).toEqual(['postgresql', 'redis', 'temporal']);
    expect(Object.values(res.body.info).every((i) => i.status === 'up')).toBe(true);
  });
});
