import { randomInt } from 'node:crypto';
import {
  createFixtureCluster,
  ensureCommendationSetup,
  uniqueSuffix,
  waitFor,
  type AuthorityAccounts,
  type FixtureCluster,
  dossierFile,
} from '@epw/testing';
import { startOfVietnamDay } from '@epw/domain';
import { startTestSystem, type TestSystem } from '../support/test-system';

/** One calendar day passes every 20 s: the 5-working-day posting outlasts the test. */
const SECONDS_PER_DAY = 20;
const YEAR = 2026;

interface NominationDetail {
  id: string;
  status: string;
  currentStep: { key: string } | null;
  objections: {
    id: string;
    text: string;
    filedById: string;
    upheld: boolean | null;
    publicObjector: { name: string; contact: string } | null;
  }[];
}
interface Problem {
  code: string;
  errors?: { field: string; rule: string }[];
}
interface Filed {
  objectionId: string;
  nominationId: string;
  filedAt: string;
}

const DOSSIER = ['to-trinh', 'bao-cao-thanh-tich', 'bien-ban-hop-xet'].map(dossierFile);

/** A client address of the documentation range, its own per call: every test its own counter. */
const freshAddress = () => `198.51.100.${randomInt(1, 255)}, 203.0.113.${randomInt(1, 255)}`;

/**
 * POST /public/postings/{id}/objections against the real API, worker, Temporal, PostgreSQL and
 * Redis: anyone may object to a nomination in its public posting without an account; the
 * objection reaches the nomination's workflow and is audited, the objector's name and contact are
 * kept for the board, bad input and unknown postings are refused, and one address is limited.
 */
describe('public objections to a posting', () => {
  let sys: TestSystem;
  let cluster: FixtureCluster;
  let auth: Record<string, AuthorityAccounts>;
  let nominationId: string;
  /** A nomination still at its first step (not posted). */
  let unpostedId: string;
  const workflowIds: string[] = [];
  const suffix = uniqueSuffix();

  const detail = async (user: string) =>
    (await sys.http.as<NominationDetail>(user, 'GET', `/nominations/${nominationId}`)).body;
  const file = (id: string, body: unknown, address = freshAddress()) =>
    sys.http.request<Filed & Problem>('POST', `/public/postings/${id}/objections`, {
      body,
      headers: { 'x-forwarded-for': address },
    });
  const valid = {
    text: 'Đơn vị chưa hoàn thành chỉ tiêu phát triển đảng viên mới năm 2026',
    objectorName: 'Nguyễn Thị Bình',
    objectorContact: '0903 123 456',
  };

  beforeAll(async () => {
    // The API sits behind one proxy here, so each test chooses its client address.
    sys = await startTestSystem({ TRUST_PROXY_HOPS: '1' });
    cluster = await createFixtureCluster(sys.prisma, suffix, [YEAR]);
    auth = await ensureCommendationSetup(sys.prisma);
    const scale = 86_400 / SECONDS_PER_DAY;
    const calendarToday = startOfVietnamDay('2026-09-01') + 9 * 3_600_000;
    const cycle = await sys.prisma.emulationCycle.create({
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
    // A unit nomination up to its public posting (unit head, cluster head, the board's
    // appraisal), and another one left at its first step.
    const nominate = async (unitIndex: number) => {
      const nominee = cluster.units[unitIndex];
      const created = await sys.http.as<{ id: string; workflowId: string }>(
        nominee.officer,
        'POST',
        '/nominations',
        {
          cycleId: cycle.id,
          year: YEAR,
          formCode: 'GK-BDV',
          nomineeKind: 'UNIT',
          nomineeUnitId: nominee.id,
          achievement: `Thành tích xuất sắc trong phong trào thi đua "Dân vận khéo" năm ${YEAR}`,
          documents: DOSSIER,
        },
      );
      expect(created.status).toBe(201);
      workflowIds.push(created.body.workflowId);
      return created.body.id;
    };
    nominationId = await nominate(2);
    unpostedId = await nominate(3);
    const nominee = cluster.units[2];
    const reviewer = auth['BDV-TU'].reviewer;
    for (const [user, step] of [
      [nominee.signer, 'unit-head'],
      [cluster.head.signer, 'cluster-head'],
      [reviewer, 'appraisal'],
    ] as const) {
      await waitFor(
        async () => ((await detail(reviewer)).currentStep?.key === step ? true : undefined),
        { description: `nomination at ${step}` },
      );
      const res = await sys.http.as(user, 'POST', `/nominations/${nominationId}/steps/${step}`, {
        decision: 'APPROVE',
      });
      expect(res.status).toBe(200);
    }
    await waitFor(async () => ((await detail(reviewer)).status === 'POSTED' ? true : undefined), {
      description: 'nomination posted',
    });
  }, 120_000);

  afterAll(async () => {
    await sys?.prisma.deadline.updateMany({
      where: {
        OR: workflowIds.map((w) => ({ subjectId: { startsWith: w } })),
        status: 'ACTIVE',
      },
      data: { status: 'CANCELLED' },
    });
    if (sys) {
      await Promise.all(
        workflowIds.map((id) =>
          sys.temporal.workflow
            .getHandle(id)
            .terminate('test finished')
            .catch(() => undefined),
        ),
      );
    }
    await sys?.close();
  });

  it('files an objection without login: 201, audited, the contact kept for the board', async () => {
    const res = await file(nominationId, valid);
    expect(res.status).toBe(201);
    expect(res.body.nominationId).toBe(nominationId);
    const { objectionId } = res.body;

    // The workflow recorded it like any objection (the objection's id stands for the objector),
    // and the objector's name beside it; the contact stays out of the append-only log.
    const audit = await sys.prisma.auditLog.findMany({
      where: { entityId: nominationId, action: { startsWith: 'nomination.' } },
      select: { action: true, actorUserId: true, payload: true },
      orderBy: { id: 'asc' },
    });
    const filed = audit.find((a) => a.action === 'nomination.objection-filed');
    expect(filed?.actorUserId).toBe(objectionId);
    expect(filed?.payload).toMatchObject({ objectionId, text: valid.text });
    const objector = audit.find((a) => a.action === 'nomination.public-objector-recorded');
    expect(objector?.payload).toEqual({ objectionId, objectorName: valid.objectorName });
    expect(JSON.stringify(objector?.payload)).not.toContain('0903');

    // The board sees who objected and how to reach them; the nominee's unit sees the text only.
    const board = await detail(auth['BDV-TU'].reviewer);
    expect(board.objections).toEqual([
      expect.objectContaining({
        id: objectionId,
        text: valid.text,
        filedById: objectionId,
        upheld: null,
        publicObjector: { name: valid.objectorName, contact: valid.objectorContact },
      }),
    ]);
    const unit = await detail(cluster.units[2].officer);
    expect(unit.objections[0]?.publicObjector).toBeNull();

    // The board resolves it in the app like any other objection.
    const resolved = await sys.http.as(
      auth['BDV-TU'].reviewer,
      'POST',
      `/nominations/${nominationId}/objections/${objectionId}/resolution`,
      { upheld: false, resolution: 'Đơn vị đã hoàn thành chỉ tiêu, có số liệu kèm theo' },
    );
    expect(resolved.status).toBe(200);
    expect((await detail(auth['BDV-TU'].reviewer)).objections[0]?.upheld).toBe(false);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const before = await sys.prisma.objection.count({ where: { nominationId } });
    const noContact = await file(nominationId, { ...valid, objectorContact: 'không có' });
    expect(noContact.status).toBe(400);
    expect(noContact.body.code).toBe('VALIDATION_FAILED');
    expect(noContact.body.errors?.map((e) => e.field)).toEqual(['objectorContact']);

    const missing = await file(nominationId, { text: valid.text });
    expect(missing.status).toBe(400);
    expect([...new Set(missing.body.errors?.map((e) => e.field))].sort()).toEqual([
      'objectorContact',
      'objectorName',
    ]);

    const extra = await file(nominationId, { ...valid, filedById: cluster.units[2].id });
    expect(extra.status).toBe(400);
    expect(extra.body.errors?.map((e) => e.field)).toEqual(['filedById']);

    const badId = await file('not-a-uuid', valid);
    expect(badId.status).toBe(400);
    expect(badId.body.errors?.map((e) => e.field)).toEqual(['id']);
    expect(await sys.prisma.objection.count({ where: { nominationId } })).toBe(before);
  });

  it('answers 404 for a nomination that does not exist', async () => {
    const res = await file('8f0e7c1a-5b2d-4e6f-9a3b-0c1d2e3f4a5b', valid);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOMINATION_NOT_FOUND');
  });

  it('answers 409 for a nomination that is not in its public posting', async () => {
    const res = await file(unpostedId, valid);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('POSTING_CLOSED');
  });

  it('limits filings from one address: the sixth in the window answers 429 with Retry-After', async () => {
    const address = freshAddress();
    const unknown = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    for (let i = 0; i < 5; i += 1) {
      expect((await file(unknown, valid, address)).status).toBe(404);
    }
    const limited = await file(nominationId, valid, address);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not held back.
    expect((await file(unknown, valid)).status).toBe(404);
  });
});
