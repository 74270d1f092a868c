import { writeFileSync } from 'node:fs';
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

/** One calendar day passes every 2 s: a 5-working-day posting lasts about 14 s. */
const SECONDS_PER_DAY = 2;
const YEAR = 2026;

interface Created {
  id: string;
  workflowId: string;
}
interface NominationDetail {
  id: string;
  status: string;
  closedReason: string | null;
  currentStep: { key: string } | null;
  actions: { action: string; reason: string | null; stepKey: string; round: number }[];
  objections: { id: string }[];
  award: { id: string; serial: string; verificationCode: string } | null;
  voteMinutes: string | null;
}
interface DecisionView {
  id: string;
  status: string;
  recipients: {
    nominationId: string;
    nomineeName: string;
    award: { id: string; serial: string; verificationCode: string } | null;
  }[];
}

const doc = dossierFile;
const DOSSIER = ['to-trinh', 'bao-cao-thanh-tich', 'bien-ban-hop-xet'].map(doc);
const MODEL_DOSSIER = ['to-trinh', 'bao-cao-thanh-tich', 'xac-nhan-sang-kien'].map(doc);

/**
 * From dossier to certificate, through HTTP against the real API, worker, Temporal, PostgreSQL and
 * Redis: approval chains defined as data, return and resubmission, rejection, public posting with
 * an objection, council votes that pass and fail the threshold over all members, quota and
 * eligibility refusals, a model recognized level by level, a ceremony decision with dozens of
 * recipients, certificates that verify, revocation and the award history.
 */
describe('nominations, decisions and certificates', () => {
  let sys: TestSystem;
  let cluster: FixtureCluster;
  let auth: Record<string, AuthorityAccounts>;
  let cycleId: string;
  const suffix = uniqueSuffix();
  const workflows: string[] = [];
  const people: Record<string, string> = {};

  const nominate = async (user: string, body: Record<string, unknown>) => {
    const res = await sys.http.as<Created>(user, 'POST', '/nominations', {
      cycleId,
      year: YEAR,
      achievement: `Thành tích xuất sắc trong phong trào thi đua "Dân vận khéo" năm ${YEAR}`,
      documents: DOSSIER,
      ...body,
    });
    if (res.status === 201) workflows.push(res.body.workflowId);
    return res;
  };
  const act = (user: string, id: string, step: string, decision: string, reason?: string) =>
    sys.http.as<{ status: string }>(user, 'POST', `/nominations/${id}/steps/${step}`, {
      decision,
      ...(reason ? { reason } : {}),
    });
  const detail = async (id: string) =>
    (
      await sys.http.as<NominationDetail>(
        'admin-' + suffix.toLowerCase(),
        'GET',
        `/nominations/${id}`,
      )
    ).body;
  const waitStatus = (id: string, status: string, timeoutMs = 60_000) =>
    waitFor(
      async () => {
        const d = await detail(id);
        return d.status === status ? d : undefined;
      },
      { timeoutMs, description: `nomination ${id} ${status}` },
    );
  const waitStep = (id: string, key: string) =>
    waitFor(
      async () => {
        const d = await detail(id);
        const expected =
          key === 'posting' ? 'POSTED' : key === 'council-vote' ? 'VOTING' : 'IN_REVIEW';
        return d.currentStep?.key === key && d.status === expected ? d : undefined;
      },
      { description: `nomination ${id} at ${key}` },
    );
  const approve = async (user: string, id: string, step: string) => {
    await waitStep(id, step);
    const res = await act(user, id, step, 'APPROVE');
    expect(res.status).toBe(200);
  };
  const person = async (unitIndex: number, fullName: string) => {
    const unit = cluster.units[unitIndex];
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
    people[fullName] = res.body.id;
    return res.body.id;
  };
  const download = async (user: string, path: string) => {
    const token = await sys.http.login(user);
    const res = await fetch(`${sys.http.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  };
  /** The report counts the model at each level, under its field and its cycle's movement, and
   * exports as a workbook and a PDF. */
  const expectRecognitionBreakdowns = async () => {
    interface Count {
      key: string | null;
      count: number;
    }
    const r = await sys.http.as<{
      total: number;
      byYear: { year: number; total: number; levels: Record<string, number> }[];
      kinds: Count[];
      fields: Count[];
      movements: Count[];
    }>(
      cluster.admin,
      'GET',
      '/reports/recognitions?yearFrom=2026&yearTo=2026&recipientKind=INITIATIVE',
    );
    expect(r.status).toBe(200);
    expect(r.body.byYear).toHaveLength(1);
    expect(typeof r.body.byYear[0]?.levels['BASE']).toBe('number');
    expect(r.body.fields.find((f) => f.key === 'An sinh xã hội')?.count).toBeGreaterThanOrEqual(3);
    expect(
      r.body.movements.find((m) => m.key === 'Phong trào thi đua "Dân vận khéo"')?.count,
    ).toBeGreaterThanOrEqual(3);
    expect(r.body.kinds.find((k) => k.key === 'COLLECTIVE')?.count).toBe(r.body.total);

    const backwards = await sys.http.as<{ errors: { field: string }[] }>(
      cluster.admin,
      'GET',
      '/reports/recognitions?yearFrom=2026&yearTo=2025',
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors.map((e) => e.field)).toEqual(['yearTo']);

    // The whole city's report: the global administrator's (a deciding organisation reads its own).
    const token = await sys.http.login(cluster.admin);
    for (const [format, type, magic] of [
      ['xlsx', 'spreadsheetml', 'PK'],
      ['pdf', 'application/pdf', '%PDF'],
    ] as const) {
      const res = await fetch(
        `${sys.http.baseUrl}/reports/recognitions?year=2026&format=${format}`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
      expect(bytes.length).toBeGreaterThan(1000);
    }
  };
  const ubnd = () => auth['UBND-TP'];
  const bdv = () => auth['BDV-TU'];
  const hdtd = () => auth['HDTD-CUM01'];

  beforeAll(async () => {
    sys = await startTestSystem();
    cluster = await createFixtureCluster(sys.prisma, suffix, [YEAR]);
    auth = await ensureCommendationSetup(sys.prisma);
    // The nominations count their SLAs on this cycle's accelerated calendar: today is 01/09/2026.
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
    cycleId = cycle.id;
  });

  afterAll(async () => {
    await sys?.prisma.deadline.updateMany({
      where: { subjectId: { in: workflows.map((w) => w) } },
      data: { status: 'CANCELLED' },
    });
    await sys?.prisma.deadline.updateMany({
      where: {
        kind: 'NOMINATION_STEP',
        status: 'ACTIVE',
        subjectId: { startsWith: 'nomination-' },
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

  it('takes a unit nomination through every step, with a return, a resubmission and an objection', async () => {
    const nominee = cluster.units[2];
    const head = cluster.head;
    // The officer proposes; the wrong unit cannot.
    const other = await nominate(cluster.units[3].officer, {
      formCode: 'GK-BDV',
      nomineeKind: 'UNIT',
      nomineeUnitId: nominee.id,
    });
    expect(other.status).toBe(403);
    expect((other.body as unknown as { code: string }).code).toBe('NOT_PROPOSER_UNIT');
    const missing = await nominate(nominee.officer, {
      formCode: 'GK-BDV',
      nomineeKind: 'UNIT',
      nomineeUnitId: nominee.id,
      documents: [doc('to-trinh')],
    });
    expect(missing.status).toBe(422);
    expect((missing.body as unknown as { code: string }).code).toBe('DOSSIER_INCOMPLETE');

    const created = await nominate(nominee.officer, {
      formCode: 'GK-BDV',
      nomineeKind: 'UNIT',
      nomineeUnitId: nominee.id,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;

    // Unit head → cluster head; nobody else may act, and a return needs a reason.
    await waitStep(id, 'unit-head');
    expect((await act(head.signer, id, 'unit-head', 'APPROVE')).status).toBe(403);
    await approve(nominee.signer, id, 'unit-head');
    await waitStep(id, 'cluster-head');
    expect((await act(nominee.signer, id, 'cluster-head', 'APPROVE')).status).toBe(403);
    await approve(head.signer, id, 'cluster-head');

    // The board returns the dossier for revision; the unit revises and resubmits.
    await waitStep(id, 'appraisal');
    const noReason = await act(bdv().reviewer, id, 'appraisal', 'RETURN');
    expect(noReason.status).toBe(400);
    expect((noReason.body as unknown as { code: string }).code).toBe('REASON_REQUIRED');
    const returned = await act(
      bdv().reviewer,
      id,
      'appraisal',
      'RETURN',
      'Thiếu số liệu minh chứng',
    );
    expect(returned.status).toBe(200);
    await waitStatus(id, 'RETURNED');
    const revised = await sys.http.as(nominee.officer, 'POST', `/nominations/${id}/documents`, {
      documents: [doc('bao-cao-thanh-tich')],
    });
    expect(revised.status).toBe(200);
    const again = await sys.http.as(nominee.officer, 'POST', `/nominations/${id}/resubmit`, {
      note: 'Đã bổ sung số liệu',
    });
    expect(again.status).toBe(200);
    await approve(bdv().reviewer, id, 'appraisal');

    // Public posting: an objection is filed and dismissed with a reason; then it awaits a decision.
    const posted = await waitStep(id, 'posting');
    expect(posted.status).toBe('POSTED');
    const pub = await sys.http.as<{ nominationId: string }[]>(null, 'GET', '/public/postings');
    expect(pub.status).toBe(200);
    expect(pub.body.some((p) => p.nominationId === id)).toBe(true);
    const objection = await sys.http.as(
      cluster.units[5].officer,
      'POST',
      `/nominations/${id}/objections`,
      {
        text: 'Đề nghị làm rõ kết quả thực hiện chỉ tiêu năm 2026',
      },
    );
    expect(objection.status).toBe(200);
    const filed = await waitFor(async () => {
      const d = await detail(id);
      return d.objections.length === 1 ? d.objections[0] : undefined;
    });
    // The objection is audited under the person who filed it.
    const objectionAudit = await sys.prisma.auditLog.findMany({
      where: { entityId: id, action: 'nomination.objection-filed' },
      select: { actorUserId: true },
    });
    expect(objectionAudit).toHaveLength(1);
    expect(objectionAudit[0]?.actorUserId).not.toBeNull();
    const resolved = await sys.http.as(
      bdv().reviewer,
      'POST',
      `/nominations/${id}/objections/${filed.id}/resolution`,
      { upheld: false, resolution: 'Đơn vị đã cung cấp số liệu, phản ánh không có cơ sở' },
    );
    expect(resolved.status).toBe(200);
    const done = await waitStatus(id, 'AWAITING_DECISION');
    const actions = done.actions.map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'SUBMIT',
        'APPROVE',
        'RETURN',
        'RESUBMIT',
        'OBJECTION',
        'OBJECTION_DISMISSED',
        'POSTING_COMPLETED',
      ]),
    );
    expect(done.actions.find((a) => a.action === 'RETURN')?.reason).toBe(
      'Thiếu số liệu minh chứng',
    );
    // Every step's deadline (the revision's and the objections' too) is closed once the chain is
    // over: nobody is reminded of a step already taken.
    const stepDeadlines = () =>
      sys.prisma.deadline.findMany({
        where: { subjectId: { startsWith: `nomination-${id}-` } },
        select: { id: true, status: true },
      });
    await waitFor(async () => (await stepDeadlines()).every((d) => d.status === 'DONE'), {
      description: 'the last step deadline to close',
    });
    expect((await stepDeadlines()).length).toBeGreaterThanOrEqual(3);

    // One achievement, one award: the same unit's 2026 results cannot also go for a Bằng khen.
    const twice = await nominate(nominee.officer, {
      formCode: 'BK-UBND',
      nomineeKind: 'UNIT',
      nomineeUnitId: nominee.id,
    });
    expect(twice.status).toBe(409);
    expect((twice.body as unknown as { code: string }).code).toBe('ONE_ACHIEVEMENT_ONE_AWARD');
    people['gk-unit'] = id;
  }, 180_000);

  it('rejects a nomination at a step, with the reason recorded', async () => {
    const nominee = cluster.units[4];
    const created = await nominate(nominee.officer, {
      formCode: 'GK-BDV',
      nomineeKind: 'UNIT',
      nomineeUnitId: nominee.id,
    });
    expect(created.status).toBe(201);
    await approve(nominee.signer, created.body.id, 'unit-head');
    await waitStep(created.body.id, 'cluster-head');
    const rejected = await act(
      cluster.head.signer,
      created.body.id,
      'cluster-head',
      'REJECT',
      'Chưa đạt tiêu chuẩn',
    );
    expect(rejected.status).toBe(200);
    const d = await waitStatus(created.body.id, 'REJECTED');
    expect(d.closedReason).toBe('Chưa đạt tiêu chuẩn');
    // The head unit's own nomination goes to the deputy: the head never reviews itself.
    const own = await nominate(cluster.head.officer, {
      formCode: 'GK-BDV',
      nomineeKind: 'UNIT',
      nomineeUnitId: cluster.head.id,
    });
    expect(own.status).toBe(201);
    await approve(cluster.head.signer, own.body.id, 'unit-head');
    await waitStep(own.body.id, 'cluster-head');
    const self = await act(cluster.head.signer, own.body.id, 'cluster-head', 'APPROVE');
    expect(self.status).toBe(403);
    expect((self.body as unknown as { code: string }).code).toBe('SELF_APPROVAL_FORBIDDEN');
    const deputy = cluster.units.find((u) => u.role === 'DEPUTY');
    expect((await act(deputy?.signer ?? '', own.body.id, 'cluster-head', 'APPROVE')).status).toBe(
      200,
    );
  }, 120_000);

  it('refuses nominations over the headcount quota or without the required award history', async () => {
    const unit = cluster.units[6];
    await sys.prisma.unit.update({ where: { id: unit.id }, data: { headcount: 20 } });
    const ids: string[] = [];
    for (const name of ['Phạm Văn An', 'Võ Thị Bình', 'Đặng Minh Châu'])
      ids.push(await person(6, name));
    // Chiến sĩ thi đua cơ sở: at most 10% of 20 people.
    const first = await nominate(unit.officer, {
      formCode: 'CSTD-CS',
      nomineeKind: 'PERSON',
      nomineePersonId: ids[0],
    });
    const second = await nominate(unit.officer, {
      formCode: 'CSTD-CS',
      nomineeKind: 'PERSON',
      nomineePersonId: ids[1],
    });
    expect([first.status, second.status]).toEqual([201, 201]);
    const third = await nominate(unit.officer, {
      formCode: 'CSTD-CS',
      nomineeKind: 'PERSON',
      nomineePersonId: ids[2],
    });
    expect(third.status).toBe(422);
    expect(third.body).toMatchObject({ code: 'QUOTA_EXCEEDED' });
    expect((third.body as unknown as { detail: string }).detail).toContain('10% quân số (2/20');
    // Bằng khen needs an earlier Giấy khen and two consecutive years of good results.
    const early = await nominate(unit.officer, {
      formCode: 'BK-UBND',
      nomineeKind: 'PERSON',
      nomineePersonId: ids[2],
    });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'PREREQUISITE_AWARD_MISSING' });
    const admin = cluster.admin;
    for (const [formCode, year] of [
      ['GK-BDV', 2024],
      ['LDTT', 2024],
    ] as const) {
      const r = await sys.http.as(admin, 'POST', '/awards/history', {
        formCode,
        year,
        recipientKind: 'PERSON',
        recipientId: ids[2],
      });
      expect(r.status).toBe(201);
    }
    const gap = await nominate(unit.officer, {
      formCode: 'BK-UBND',
      nomineeKind: 'PERSON',
      nomineePersonId: ids[2],
    });
    expect(gap.status).toBe(422);
    expect(gap.body).toMatchObject({ code: 'CONSECUTIVE_YEARS_MISSING' });
    expect((gap.body as unknown as { detail: string }).detail).toContain('2025');
    people['bk-candidate'] = ids[2];
  }, 60_000);

  it('passes a council vote with a written ballot and fails one below the share of all members', async () => {
    const unit = cluster.units[6];
    const admin = cluster.admin;
    await sys.http.as(admin, 'POST', '/awards/history', {
      formCode: 'LDTT',
      year: 2025,
      recipientKind: 'PERSON',
      recipientId: people['bk-candidate'],
    });
    const loser = await person(6, 'Bùi Thị Dung');
    for (const [formCode, year] of [
      ['GK-BDV', 2023],
      ['LDTT', 2024],
      ['LDTT', 2025],
    ] as const) {
      await sys.http.as(admin, 'POST', '/awards/history', {
        formCode,
        year,
        recipientKind: 'PERSON',
        recipientId: loser,
      });
    }
    const pass = await nominate(unit.officer, {
      formCode: 'BK-UBND',
      nomineeKind: 'PERSON',
      nomineePersonId: people['bk-candidate'],
    });
    const fail = await nominate(unit.officer, {
      formCode: 'BK-UBND',
      nomineeKind: 'PERSON',
      nomineePersonId: loser,
    });
    expect([pass.status, fail.status]).toEqual([201, 201]);
    for (const id of [pass.body.id, fail.body.id]) {
      await approve(unit.signer, id, 'unit-head');
      await approve(cluster.head.signer, id, 'cluster-head');
      await approve(ubnd().reviewer, id, 'appraisal');
    }
    for (const id of [pass.body.id, fail.body.id]) await waitStep(id, 'council-vote');
    const council = ubnd().council;
    // A non-member cannot vote; each member votes once; the absent 5th votes in writing.
    const outsider = await sys.http.as(
      ubnd().reviewer,
      'POST',
      `/nominations/${pass.body.id}/council-ballots`,
      { approve: true },
    );
    expect(outsider.status).toBe(403);
    for (const m of council.slice(0, 4)) {
      expect(
        (
          await sys.http.as(m, 'POST', `/nominations/${pass.body.id}/council-ballots`, {
            approve: true,
          })
        ).status,
      ).toBe(200);
    }
    const twice = await sys.http.as(
      council[0],
      'POST',
      `/nominations/${pass.body.id}/council-ballots`,
      { approve: true },
    );
    expect(twice.status).toBe(409);
    const absent = await sys.prisma.user.findUniqueOrThrow({ where: { username: council[4] } });
    const written = await sys.http.as(
      council[0],
      'POST',
      `/nominations/${pass.body.id}/council-ballots`,
      {
        approve: true,
        onBehalfOfUserId: absent.id,
      },
    );
    expect(written.status).toBe(200);
    const passed = await waitStatus(pass.body.id, 'AWAITING_DECISION');
    expect(passed.voteMinutes).toContain('Số phiếu đồng ý: 5');
    expect(passed.voteMinutes).toContain('bằng văn bản: 1');

    // 3 of 5 approve, one says no, one never votes: the vote closes at its SLA, short of 90%.
    for (const [m, yes] of [
      [council[0], true],
      [council[1], true],
      [council[2], true],
      [council[3], false],
    ] as const) {
      expect(
        (
          await sys.http.as(m, 'POST', `/nominations/${fail.body.id}/council-ballots`, {
            approve: yes,
          })
        ).status,
      ).toBe(200);
    }
    const failed = await waitStatus(fail.body.id, 'REJECTED', 90_000);
    expect(failed.closedReason).toContain('3/5');
    expect(failed.voteMinutes).toContain('KHÔNG ĐẠT');
    const minutesPdf = await download(
      ubnd().reviewer,
      `/nominations/${fail.body.id}/minutes?format=pdf`,
    );
    expect(minutesPdf.type).toBe('application/pdf');
    expect(minutesPdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    people['bk-passed'] = pass.body.id;
  }, 240_000);

  it('recognizes a model at base, bloc and city level, each by its own decision', async () => {
    const unit = cluster.units[3];
    const registration = await sys.prisma.registration.create({
      data: {
        cycleId,
        unitId: unit.id,
        status: 'SUBMITTED',
        titles: ['Đơn vị Xuất sắc'],
        submittedById: (
          await sys.prisma.user.findUniqueOrThrow({ where: { username: unit.officer } })
        ).id,
        submittedAt: new Date(),
        initiatives: {
          create: {
            position: 0,
            kind: 'MODEL',
            field: 'An sinh xã hội',
            isNew: true,
            ownerType: 'COLLECTIVE',
            ownerName: 'Chi bộ Phòng Khách hàng',
            title: 'Mô hình "Ngân hàng thân thiện với người dân"',
            description: 'Hỗ trợ người dân tiếp cận dịch vụ',
          },
        },
      },
      include: { initiatives: true },
    });
    const initiativeId = registration.initiatives[0].id;
    const model = (formCode: string) =>
      nominate(unit.officer, {
        formCode,
        nomineeKind: 'INITIATIVE',
        nomineeInitiativeId: initiativeId,
        documents: formCode === 'DVK-CS' ? DOSSIER.slice(0, 2) : MODEL_DOSSIER,
      });
    const early = await model('DVK-KHOI');
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'LOWER_LEVEL_RECOGNITION_MISSING' });

    const levels: [string, AuthorityAccounts, string[]][] = [
      ['DVK-CS', hdtd(), ['unit-head', 'cluster-head', 'appraisal']],
      ['DVK-KHOI', bdv(), ['unit-head', 'cluster-head', 'appraisal']],
      ['DVK-TP', ubnd(), ['unit-head', 'appraisal']],
    ];
    for (const [formCode, authority, steps] of levels) {
      const created = await model(formCode);
      expect(created.status).toBe(201);
      const id = created.body.id;
      for (const step of steps) {
        const actor =
          step === 'unit-head'
            ? unit.signer
            : step === 'cluster-head'
              ? cluster.head.signer
              : authority.reviewer;
        await approve(actor, id, step);
      }
      if (formCode === 'DVK-TP') {
        await waitStep(id, 'council-vote');
        for (const m of authority.council) {
          expect(
            (await sys.http.as(m, 'POST', `/nominations/${id}/council-ballots`, { approve: true }))
              .status,
          ).toBe(200);
        }
      }
      await waitStatus(id, 'AWAITING_DECISION', 90_000);
      const decision = await sys.http.as<DecisionView>(authority.leader, 'POST', '/decisions', {
        number: `${formCode}-${suffix}/QĐ`,
        signedOn: '2026-10-12',
        title: `Quyết định công nhận điển hình "Dân vận khéo" (${formCode})`,
        ceremonyName: `Lễ tuyên dương ${suffix}`,
        ceremonyOn: '2026-10-15',
        signerTitle: 'TRƯỞNG BAN',
        nominationIds: [id],
      });
      expect(decision.status).toBe(201);
      const issued = await sys.http.as<DecisionView>(
        authority.leader,
        'POST',
        `/decisions/${decision.body.id}/issue`,
      );
      expect(issued.status).toBe(200);
      expect(issued.body.recipients[0].award?.serial).toMatch(
        new RegExp(`^${authority.code}/2026/`),
      );
      await waitStatus(id, 'AWARDED');
    }
    const history = await sys.http.as<{ level: string; formCode: string }[]>(
      unit.officer,
      'GET',
      `/awards?initiativeId=${initiativeId}`,
    );
    expect(history.body.map((h) => h.level).sort()).toEqual(['BASE', 'BLOC', 'PROVINCE']);
    const report = await sys.http.as<{ byLevel: Record<string, number> }>(
      cluster.admin,
      'GET',
      '/reports/recognitions?year=2026',
    );
    for (const level of ['BASE', 'BLOC', 'PROVINCE'])
      expect(report.body.byLevel[level]).toBeGreaterThanOrEqual(1);
    await expectRecognitionBreakdowns();
    // Recognized at the city level once: not again.
    const again = await model('DVK-TP');
    expect(again.status).toBe(409);
  }, 300_000);

  it('issues a ceremony decision for dozens of recipients whose certificates verify, then revokes one', async () => {
    // 24 people (two per unit) for the title "Lao động tiên tiến", decided by the cluster council.
    const ids: string[] = [];
    await Promise.all(
      cluster.units.map(async (unit, i) => {
        for (const n of [1, 2]) {
          const pid = await person(i, `Nguyễn Văn Thi Đua ${i + 1}.${n}`);
          const created = await nominate(unit.officer, {
            formCode: 'LDTT',
            nomineeKind: 'PERSON',
            nomineePersonId: pid,
            documents: ['to-trinh', 'bien-ban-hop-xet'].map(doc),
          });
          expect(created.status).toBe(201);
          await approve(unit.signer, created.body.id, 'unit-head');
          await approve(hdtd().reviewer, created.body.id, 'appraisal');
          ids.push(created.body.id);
        }
      }),
    );
    await Promise.all(ids.map((id) => waitStatus(id, 'AWAITING_DECISION')));

    // Only the deciding authority decides, and only its own forms.
    const wrong = await sys.http.as(ubnd().leader, 'POST', '/decisions', {
      number: `SAI-${suffix}`,
      signedOn: '2026-10-12',
      title: 'Quyết định sai thẩm quyền',
      signerTitle: 'CHỦ TỊCH',
      nominationIds: ids.slice(0, 1),
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ code: 'WRONG_AUTHORITY' });
    const byOfficer = await sys.http.as(cluster.units[0].officer, 'POST', '/decisions', {});
    expect(byOfficer.status).toBe(403);

    const ceremony = `Lễ tuyên dương ${suffix}`;
    const draft = await sys.http.as<DecisionView>(hdtd().leader, 'POST', '/decisions', {
      number: `125-${suffix}/QĐ-HĐTĐ`,
      signedOn: '2026-10-12',
      title: 'Quyết định công nhận danh hiệu "Lao động tiên tiến" năm 2026',
      ceremonyName: ceremony,
      ceremonyOn: '2026-10-15',
      signerName: 'Nguyễn Văn Chủ Tịch',
      signerTitle: 'CHỦ TỊCH HỘI ĐỒNG',
      nominationIds: ids,
    });
    expect(draft.status).toBe(201);
    const issued = await sys.http.as<DecisionView>(
      hdtd().leader,
      'POST',
      `/decisions/${draft.body.id}/issue`,
    );
    expect(issued.status).toBe(200);
    const awards = issued.body.recipients.map((r) => r.award);
    expect(awards.every((a) => a !== null)).toBe(true);
    expect(new Set(awards.map((a) => a?.serial)).size).toBe(24);
    // Issuing again changes nothing (no commendation twice).
    const again = await sys.http.as<DecisionView>(
      hdtd().leader,
      'POST',
      `/decisions/${draft.body.id}/issue`,
    );
    expect(again.body.recipients.map((r) => r.award?.id)).toEqual(awards.map((a) => a?.id));
    expect(await sys.prisma.award.count({ where: { decisionId: draft.body.id } })).toBe(24);
    await Promise.all(ids.map((id) => waitStatus(id, 'AWARDED')));

    // Decisions of several authorities for one ceremony.
    const gk = await sys.http.as<DecisionView>(bdv().leader, 'POST', '/decisions', {
      number: `88-${suffix}/QĐ-BDVTU`,
      signedOn: '2026-10-13',
      title: 'Quyết định tặng Giấy khen điển hình "Dân vận khéo" năm 2026',
      ceremonyName: ceremony,
      ceremonyOn: '2026-10-15',
      signerTitle: 'TRƯỞNG BAN',
      nominationIds: [people['gk-unit']],
    });
    expect(gk.status).toBe(201);
    expect((await sys.http.as(bdv().leader, 'POST', `/decisions/${gk.body.id}/issue`)).status).toBe(
      200,
    );
    // Decisions of several organisations: the global administrator lists them all.
    const list = await sys.http.as<{ authority: { code: string } }[]>(
      cluster.admin,
      'GET',
      `/decisions?ceremonyName=${encodeURIComponent(ceremony)}`,
    );
    expect(list.body.map((d) => d.authority.code)).toEqual(
      expect.arrayContaining(['HDTD-CUM01', 'BDV-TU']),
    );

    // One PDF page per certificate, and every certificate verifies publicly.
    const pdf = await download(hdtd().leader, `/decisions/${draft.body.id}/certificates`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.bytes.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBe(24);
    const single = await download(cluster.units[0].officer, `/awards/${awards[0]?.id}/certificate`);
    expect(single.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const keep = process.env['KEEP_CERTIFICATE'];
    if (keep) writeFileSync(keep, single.bytes);
    for (const a of awards) {
      const v = await sys.http.as<{ valid: boolean; serial: string }>(
        null,
        'GET',
        `/verify/${a?.verificationCode}`,
      );
      expect(v.status).toBe(200);
      expect(v.body).toMatchObject({ valid: true, serial: a?.serial });
    }
    expect((await sys.http.as(null, 'GET', '/verify/AAAA-BBBB-CCCC')).status).toBe(404);

    // Revocation with a reason (only by the deciding authority), then recovery; all audited.
    const target = awards[0];
    const denied = await sys.http.as(bdv().leader, 'POST', `/awards/${target?.id}/revoke`, {
      reason: 'Không có thẩm quyền',
    });
    expect(denied.status).toBe(403);
    const revoked = await sys.http.as(hdtd().leader, 'POST', `/awards/${target?.id}/revoke`, {
      reason: 'Hồ sơ kê khai không trung thực',
    });
    expect(revoked.status).toBe(200);
    const v = await sys.http.as<{ valid: boolean; status: string; revocationReason: string }>(
      null,
      'GET',
      `/verify/${target?.verificationCode}`,
    );
    expect(v.body).toMatchObject({
      valid: false,
      status: 'REVOKED',
      revocationReason: 'Hồ sơ kê khai không trung thực',
    });
    expect(
      (
        await sys.http.as(hdtd().leader, 'POST', `/awards/${target?.id}/recovery`, {
          note: 'Đã thu hồi giấy khen và tiền thưởng',
        })
      ).status,
    ).toBe(200);
    const audit = await sys.prisma.auditLog.findMany({
      where: { entityType: 'Award', entityId: target?.id },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(['award.recovered', 'award.revoked']);
    const revokedPdf = await download(hdtd().leader, `/awards/${target?.id}/certificate`);
    expect(revokedPdf.status).toBe(200);

    // The award history of a unit, exported for a spreadsheet.
    const unit0 = cluster.units[0];
    const rows = await sys.http.as<{ recipientName: string; status: string }[]>(
      unit0.officer,
      'GET',
      `/awards?unitId=${unit0.id}`,
    );
    expect(rows.body.some((r) => r.status === 'REVOKED')).toBe(true);
    const xlsx = await download(unit0.officer, `/awards?unitId=${unit0.id}&format=xlsx`);
    expect(xlsx.type).toContain('spreadsheetml');
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    const csv = await download(unit0.officer, `/awards?unitId=${unit0.id}&format=csv`);
    expect(csv.bytes.toString('utf8')).toContain('Nguyễn Văn Thi Đua 1.1');
    const verify = await sys.http.as<{ ok: boolean }>(cluster.admin, 'GET', '/audit/verify');
    expect(verify.body.ok).toBe(true);
  }, 300_000);

  it('escalates a step left past its SLA to the deciding authority', async () => {
    const unit = cluster.units[8];
    const pid = await person(8, 'Hoàng Văn Chậm');
    const created = await nominate(unit.officer, {
      formCode: 'LDTT',
      nomineeKind: 'PERSON',
      nomineePersonId: pid,
      documents: ['to-trinh', 'bien-ban-hop-xet'].map(doc),
    });
    expect(created.status).toBe(201);
    // Unit head's SLA: 3 working days (about 10 s here); nobody acts.
    const escalated = await waitFor(
      async () => {
        const d = await detail(created.body.id);
        return d.actions.some((a) => a.action === 'ESCALATED') ? d : undefined;
      },
      { timeoutMs: 60_000, description: 'escalation' },
    );
    expect(escalated.status).toBe('IN_REVIEW');
    const inbox = await waitFor(
      async () => {
        const res = await sys.http.as<{ items: { kind: string; body: string }[] }>(
          hdtd().leader,
          'GET',
          '/me/notifications',
        );
        return (
          res.body.items.find((n) => n.kind === 'escalation' && n.body.includes(unit.code)) ??
          undefined
        );
      },
      { timeoutMs: 60_000, description: 'escalation in the authority leader inbox' },
    );
    expect(inbox.kind).toBe('escalation');
  }, 120_000);
});
