import {
  createFixtureCluster,
  ensureCommendationSetup,
  uniqueSuffix,
  waitFor,
  type AuthorityAccounts,
  type FixtureCluster,
  type FixtureUnit,
  dossierFile,
} from '@epw/testing';
import { startOfVietnamDay } from '@epw/domain';
import { startTestSystem, type TestSystem } from '../support/test-system';

/** One calendar day passes every 2 s on the phase cycle's calendar. */
const SECONDS_PER_DAY = 2;

interface Period {
  kind: string;
  year: number;
  quarter: number | null;
  startYear: number | null;
  label: { vi: string; en: string };
}
interface Created {
  id: string;
  workflowId: string;
  movementCode: string | null;
  movementName: string | null;
  period: Period;
}
interface NominationDetail {
  id: string;
  status: string;
  year: number;
  movementCode: string | null;
  period: Period;
  currentStep: { key: string } | null;
}
interface AwardRecord {
  id: string;
  year: number;
  formCode: string;
  movementCode: string | null;
  movementName: string | null;
  period: Period;
}
interface Problem {
  code?: string;
  errors?: { field: string; rule: string }[];
}

const doc = dossierFile;
const DOSSIER = ['to-trinh', 'bao-cao-thanh-tich', 'bien-ban-hop-xet'].map(doc);

/**
 * Movements and periods on nominations and awards, through HTTP against the real API, worker,
 * Temporal, PostgreSQL and Redis: a nomination of a multi-year phase keeps its phase to the award
 * and the award history (not its first year); "one achievement, one award" is judged per
 * movement and period, so a quarterly award of one movement and a phase award of another to the
 * same unit are both accepted while the same achievement twice is refused; a malformed period is
 * a 400 naming the field.
 */
describe('award periods: years, quarters and multi-year phases', () => {
  let sys: TestSystem;
  let cluster: FixtureCluster;
  let hdtd: AuthorityAccounts;
  let phaseCycleId: string;
  const suffix = uniqueSuffix();
  const workflows: string[] = [];

  const nominate = async (user: string, body: Record<string, unknown>) => {
    const res = await sys.http.as<Created>(user, 'POST', '/nominations', {
      achievement: 'Thành tích xuất sắc trong phong trào thi đua của đơn vị',
      documents: DOSSIER,
      ...body,
    });
    if (res.status === 201) workflows.push(res.body.workflowId);
    return res;
  };
  const detail = async (id: string) =>
    (await sys.http.as<NominationDetail>(cluster.admin, 'GET', `/nominations/${id}`)).body;
  const waitStep = (id: string, key: string) =>
    waitFor(
      async () => {
        const d = await detail(id);
        return d.currentStep?.key === key && d.status === 'IN_REVIEW' ? d : undefined;
      },
      { description: `nomination ${id} at ${key}` },
    );
  const waitStatus = (id: string, status: string) =>
    waitFor(
      async () => {
        const d = await detail(id);
        return d.status === status ? d : undefined;
      },
      { timeoutMs: 60_000, description: `nomination ${id} ${status}` },
    );
  const approve = async (user: string, id: string, step: string) => {
    await waitStep(id, step);
    const res = await sys.http.as(user, 'POST', `/nominations/${id}/steps/${step}`, {
      decision: 'APPROVE',
    });
    expect(res.status).toBe(200);
  };
  const person = async (unit: FixtureUnit, fullName: string) => {
    const res = await sys.http.as<{ id: string }>(
      unit.officer,
      'POST',
      `/units/${unit.id}/people`,
      {
        fullName,
        position: 'Đảng viên',
      },
    );
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const member = (i: number) => cluster.units.filter((u) => u.role === 'MEMBER')[i];

  beforeAll(async () => {
    sys = await startTestSystem();
    cluster = await createFixtureCluster(sys.prisma, suffix, [2020, 2023, 2026]);
    hdtd = (await ensureCommendationSetup(sys.prisma))['HDTD-CUM01'];
    // A multi-year phase (giai đoạn 2016–2020) on an accelerated calendar: today is 02/11/2020.
    const scale = 86_400 / SECONDS_PER_DAY;
    const calendarToday = startOfVietnamDay('2020-11-02') + 9 * 3_600_000;
    const cycle = await sys.prisma.emulationCycle.create({
      data: {
        clusterId: cluster.clusterId,
        movementCode: 'DVK',
        movementName: 'Phong trào thi đua "Dân vận khéo"',
        periodKind: 'PHASE',
        periodLabel: '2016-2020',
        startsOn: new Date('2016-01-01T00:00:00Z'),
        endsOn: new Date('2020-12-31T00:00:00Z'),
        calendarScale: scale,
        calendarEpoch: new Date(
          Date.now() - (calendarToday - startOfVietnamDay('2016-01-01')) / scale,
        ),
      },
    });
    phaseCycleId = cycle.id;
  });

  afterAll(async () => {
    await sys?.prisma.deadline.updateMany({
      where: {
        kind: 'NOMINATION_STEP',
        status: 'ACTIVE',
        OR: workflows.map((w) => ({ subjectId: { startsWith: `${w}-` } })),
      },
      data: { status: 'CANCELLED' },
    });
    if (sys) {
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

  it('keeps a 2016–2020 phase from the nomination to the award and the award history', async () => {
    const unit = member(0);
    const pid = await person(unit, 'Trần Thị Giai Đoạn');
    const body = {
      formCode: 'LDTT',
      nomineeKind: 'PERSON',
      nomineePersonId: pid,
      cycleId: phaseCycleId,
      documents: ['to-trinh', 'bien-ban-hop-xet'].map(doc),
    };
    // The phase's first year is not its year: a nomination of the cycle saying so is refused.
    const firstYear = await nominate(unit.officer, { ...body, year: 2016 });
    expect(firstYear.status).toBe(400);
    expect((firstYear.body as Problem).errors?.map((e) => e.field)).toEqual(['year']);

    const created = await nominate(unit.officer, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      movementCode: 'DVK',
      movementName: 'Phong trào thi đua "Dân vận khéo"',
      period: {
        kind: 'PHASE',
        year: 2020,
        startYear: 2016,
        quarter: null,
        label: { vi: 'giai đoạn 2016–2020', en: '2016–2020' },
      },
    });
    const id = created.body.id;
    const stored = await detail(id);
    expect(stored).toMatchObject({
      year: 2020,
      movementCode: 'DVK',
      period: { kind: 'PHASE', startYear: 2016, year: 2020 },
    });

    await approve(unit.signer, id, 'unit-head');
    await approve(hdtd.reviewer, id, 'appraisal');
    await waitStatus(id, 'AWAITING_DECISION');
    const draft = await sys.http.as<{ id: string }>(hdtd.leader, 'POST', '/decisions', {
      number: `GD-${suffix}/QĐ-HĐTĐ`,
      signedOn: '2020-12-20',
      title: 'Quyết định công nhận danh hiệu "Lao động tiên tiến" giai đoạn 2016–2020',
      signerTitle: 'CHỦ TỊCH HỘI ĐỒNG',
      nominationIds: [id],
    });
    expect(draft.status).toBe(201);
    const issued = await sys.http.as(hdtd.leader, 'POST', `/decisions/${draft.body.id}/issue`);
    expect(issued.status).toBe(200);
    await waitStatus(id, 'AWARDED');

    const award = await sys.prisma.award.findUniqueOrThrow({ where: { nominationId: id } });
    expect(award).toMatchObject({
      year: 2020,
      movementCode: 'DVK',
      movementName: 'Phong trào thi đua "Dân vận khéo"',
      periodKind: 'PHASE',
      periodStart: 2016,
      periodQuarter: null,
    });
    const history = await sys.http.as<AwardRecord[]>(
      unit.officer,
      'GET',
      `/awards?personId=${pid}&movementCode=DVK&periodKind=PHASE`,
    );
    expect(history.status).toBe(200);
    expect(history.body).toHaveLength(1);
    expect(history.body[0]).toMatchObject({
      id: award.id,
      year: 2020,
      movementCode: 'DVK',
      period: { kind: 'PHASE', startYear: 2016, year: 2020, label: { vi: 'giai đoạn 2016–2020' } },
    });
    for (const filter of ['periodKind=YEAR', 'movementCode=TDYN']) {
      const none = await sys.http.as<AwardRecord[]>(
        unit.officer,
        'GET',
        `/awards?personId=${pid}&${filter}`,
      );
      expect(none.body).toEqual([]);
    }
    const badFilter = await sys.http.as<Problem>(unit.officer, 'GET', '/awards?periodKind=DECADE');
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.errors?.map((e) => e.field)).toEqual(['periodKind']);

    const token = await sys.http.login(unit.officer);
    const csv = await fetch(`${sys.http.baseUrl}/awards?personId=${pid}&format=csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = (await csv.text()).replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toMatch(/^Năm,Kỳ,/);
    expect(text).toContain('2020,giai đoạn 2016–2020,');
  }, 300_000);

  it('accepts a quarterly award of one movement and a phase award of another to the same unit, and refuses the same achievement twice', async () => {
    const unit = member(1);
    const quarterly = {
      formCode: 'GK-BDV',
      nomineeKind: 'UNIT',
      nomineeUnitId: unit.id,
      movementCode: 'TDYN',
      movementName: 'Phong trào thi đua yêu nước',
      period: { kind: 'QUARTER', year: 2023, quarter: 3 },
    };
    const phase = {
      formCode: 'GK-BDV',
      nomineeKind: 'UNIT',
      nomineeUnitId: unit.id,
      movementCode: 'DVK',
      movementName: 'Phong trào thi đua "Dân vận khéo"',
      period: { kind: 'PHASE', year: 2023, startYear: 2021 },
    };
    const q = await nominate(unit.officer, quarterly);
    expect(q.status).toBe(201);
    expect(q.body.period).toMatchObject({
      kind: 'QUARTER',
      year: 2023,
      quarter: 3,
      startYear: null,
      label: { vi: 'quý III năm 2023', en: 'Q3 2023' },
    });
    const p = await nominate(unit.officer, phase);
    expect(p.status).toBe(201);
    expect(p.body.period.label.vi).toBe('giai đoạn 2021–2023');
    const rows = await sys.prisma.nomination.findMany({
      where: { id: { in: [q.body.id, p.body.id] } },
      select: { achievementKey: true, periodKind: true, periodStart: true, periodQuarter: true },
    });
    expect(new Set(rows.map((r) => r.achievementKey)).size).toBe(2);

    // The same form, movement and period for the same unit: one achievement, one award.
    const again = await nominate(unit.officer, quarterly);
    expect(again.status).toBe(409);
    expect((again.body as Problem).code).toBe('ONE_ACHIEVEMENT_ONE_AWARD');
    // Another form of commendation for the same achievement is refused too (the Law).
    const otherForm = await nominate(unit.officer, { ...phase, formCode: 'BK-UBND' });
    expect(otherForm.status).toBe(409);
    expect((otherForm.body as Problem).code).toBe('ONE_ACHIEVEMENT_ONE_AWARD');
    // A year without a movement (the old request shape) is yet another achievement.
    const yearly = await nominate(unit.officer, {
      formCode: 'GK-BDV',
      nomineeKind: 'UNIT',
      nomineeUnitId: unit.id,
      year: 2023,
    });
    expect(yearly.status).toBe(201);
    expect(yearly.body).toMatchObject({
      movementCode: null,
      period: { kind: 'YEAR', year: 2023, label: { vi: 'năm 2023' } },
    });
  }, 300_000);

  it('refuses a malformed period with a 400 naming the field, and stores nothing', async () => {
    const unit = member(2);
    const before = await sys.prisma.nomination.count({ where: { proposerUnitId: unit.id } });
    const base = { formCode: 'GK-BDV', nomineeKind: 'UNIT', nomineeUnitId: unit.id };
    for (const [period, field] of [
      [{ kind: 'QUARTER', year: 2023 }, 'period.quarter'],
      [{ kind: 'QUARTER', year: 2023, quarter: 5 }, 'period.quarter'],
      [{ kind: 'YEAR', year: 2023, quarter: 2 }, 'period.quarter'],
      [{ kind: 'PHASE', year: 2021, startYear: 2023 }, 'period.startYear'],
      [{ kind: 'DECADE', year: 2023 }, 'period.kind'],
    ] as const) {
      const res = await nominate(unit.officer, { ...base, period });
      expect(res.status).toBe(400);
      expect((res.body as Problem).errors?.map((e) => e.field)).toContain(field);
    }
    const mismatch = await nominate(unit.officer, {
      ...base,
      year: 2022,
      period: { kind: 'PHASE', year: 2023, startYear: 2021 },
    });
    expect(mismatch.status).toBe(400);
    expect((mismatch.body as Problem).errors).toEqual([
      expect.objectContaining({ field: 'year', rule: 'matchesPeriod' }),
    ]);
    expect(await sys.prisma.nomination.count({ where: { proposerUnitId: unit.id } })).toBe(before);
  }, 120_000);

  it('records an earlier award of a movement and period, worded in the history', async () => {
    const unit = member(3);
    const pid = await person(unit, 'Lê Văn Quý Trước');
    const recorded = await sys.http.as<{ id: string }>(cluster.admin, 'POST', '/awards/history', {
      formCode: 'GK-BDV',
      recipientKind: 'PERSON',
      recipientId: pid,
      movementCode: 'TDYN',
      movementName: 'Phong trào thi đua yêu nước',
      period: { kind: 'QUARTER', year: 2022, quarter: 4 },
    });
    expect(recorded.status).toBe(201);
    const bad = await sys.http.as<Problem>(cluster.admin, 'POST', '/awards/history', {
      formCode: 'GK-BDV',
      recipientKind: 'PERSON',
      recipientId: pid,
      period: { kind: 'PHASE', year: 2022 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(['period.startYear']);
    const history = await sys.http.as<AwardRecord[]>(
      unit.officer,
      'GET',
      `/awards?personId=${pid}&periodKind=QUARTER`,
    );
    expect(history.body).toHaveLength(1);
    expect(history.body[0]).toMatchObject({
      id: recorded.body.id,
      year: 2022,
      movementCode: 'TDYN',
      movementName: 'Phong trào thi đua yêu nước',
      period: { kind: 'QUARTER', quarter: 4, label: { vi: 'quý IV năm 2022' } },
    });
    const audit = await sys.prisma.auditLog.findMany({
      where: { entityId: recorded.body.id, action: 'award.history-recorded' },
    });
    expect(audit).toHaveLength(1);
  }, 120_000);
});
