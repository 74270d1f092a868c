import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hash } from '@node-rs/argon2';
import type { AwardFormContent } from '@epw/domain';
import type { Role } from '@epw/data-access';
import {
  DEMO_PASSWORD,
  createFixtureCluster,
  ensureCommendationSetup,
  uniqueSuffix,
  waitFor,
  type AuthorityAccounts,
} from '@epw/testing';
// The documents library's own test helper (pdf.js in a child process); not part of its API.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { pdfPageTexts } from '../../libs/documents/src/testing/pdf-text';
import { startTestSystem, type TestSystem } from '../support/test-system';

const YEAR = 2026;

interface ProposalView {
  id: string;
  title: string;
  proposerUnitId: string;
  authorityUnitId: string;
  nominationCount: number;
  nominations: { id: string; workflowId: string; nomineeName: string; status: string }[];
}
interface NominationDetail {
  id: string;
  status: string;
  currentStep: { key: string; actorUnitName: string } | null;
  steps: { key: string }[];
  award: { id: string } | null;
}
interface DecisionView {
  id: string;
  recipients: { nominationId: string; award: { id: string } | null }[];
}
interface Org {
  id: string;
  code: string;
  name: string;
  path: string;
}

const pdf = Buffer.from('%PDF-1.4\n% proposal list for tests\n').toString('base64');
const doc = (kind: string) => ({
  kind,
  fileName: `${kind}.pdf`,
  mediaType: 'application/pdf',
  contentBase64: pdf,
});

/**
 * Every organisation proposes and decides: a bloc party committee's office proposes its two base
 * organisations (no logins of their own) in one proposal list for its own Giấy khen, its board
 * approves, its leader decides and issues, and the certificates print in the party's format; a
 * district in no cluster proposes to the city People's Committee (the cluster step is skipped) and
 * to the central board; nobody proposes outside its own subtree.
 */
describe('proposal lists through the organisation tree', () => {
  let sys: TestSystem;
  let auth: Record<string, AuthorityAccounts>;
  const suffix = uniqueSuffix();
  const sfx = suffix.toLowerCase();
  const workflows: string[] = [];
  const user = (code: string, role: string) => `${code.toLowerCase()}.${role}`;
  let city: Org;
  let bloc: Org;
  let baseX: Org;
  let baseY: Org;
  let district: Org;
  let ward: Org;
  let blocForm: string;
  let admin: string;

  const detail = async (id: string) =>
    (await sys.http.as<NominationDetail>(admin, 'GET', `/nominations/${id}`)).body;
  const waitStep = (id: string, key: string) =>
    waitFor(
      async () => {
        const d = await detail(id);
        return d.currentStep?.key === key && d.status === 'IN_REVIEW' ? d : undefined;
      },
      { timeoutMs: 60_000, description: `nomination ${id} at ${key}` },
    );
  const waitStatus = (id: string, status: string) =>
    waitFor(
      async () => {
        const d = await detail(id);
        return d.status === status ? d : undefined;
      },
      { timeoutMs: 60_000, description: `nomination ${id} ${status}` },
    );
  const approve = async (actor: string, id: string, key: string) => {
    await waitStep(id, key);
    const res = await sys.http.as(actor, 'POST', `/nominations/${id}/steps/${key}`, {
      decision: 'APPROVE',
    });
    expect(res.status).toBe(200);
  };
  const download = async (actor: string, path: string) => {
    const token = await sys.http.login(actor);
    const res = await fetch(`${sys.http.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  };
  /** Decides and issues one nomination with a bare serial (printed with the issuer's numbering
   * pattern) and answers the decision PDF's text; EPW_ARTIFACTS_DIR keeps the PDF to look at. */
  const decide = async (
    leader: string,
    nominationId: string,
    signerTitle: string,
    name: string,
  ) => {
    const drafted = await sys.http.as<DecisionView>(leader, 'POST', '/decisions', {
      number: String(100_000 + Math.floor(Math.random() * 899_999)),
      signedOn: `${YEAR}-10-20`,
      title: `Quyết định tặng thưởng năm ${YEAR}`,
      signerTitle,
      nominationIds: [nominationId],
    });
    expect(drafted.status).toBe(201);
    const issued = await sys.http.as(leader, 'POST', `/decisions/${drafted.body.id}/issue`);
    expect(issued.status).toBe(200);
    await waitStatus(nominationId, 'AWARDED');
    const file = await download(leader, `/decisions/${drafted.body.id}/pdf`);
    expect(file.status).toBe(200);
    const dir = process.env['EPW_ARTIFACTS_DIR'];
    if (dir) writeFileSync(join(dir, `decision-${name}.pdf`), file.bytes);
    return pdfPageTexts(file.bytes).join('\n');
  };
  const propose = async (actor: string, body: Record<string, unknown>, key?: string) => {
    const res = await sys.http.as<ProposalView>(actor, 'POST', '/proposals', body, {
      ...(key ? { 'idempotency-key': key } : {}),
    });
    if (res.status === 201) workflows.push(...res.body.nominations.map((n) => n.workflowId));
    return res;
  };

  const place = async (
    code: string,
    name: string,
    parent: Org | null,
    level: 'CENTRAL' | 'PROVINCE' | 'BLOC' | 'DISTRICT' | 'BASE',
    orgKind: 'PARTY_COMMITTEE' | 'PEOPLES_COMMITTEE',
  ): Promise<Org> => {
    const unit = await sys.prisma.unit.create({
      data: { code, name, level, orgKind, parentId: parent?.id ?? null },
    });
    const path = `${parent?.path ?? '/'}${unit.id}/`;
    await sys.prisma.unit.update({ where: { id: unit.id }, data: { path } });
    return { id: unit.id, code, name, path };
  };
  const accounts = async (org: Org, roles: [string, Role][]) => {
    const passwordHash = await hash(DEMO_PASSWORD);
    await sys.prisma.user.createMany({
      data: roles.map(([role, r]) => ({
        username: user(org.code, role),
        fullName: `${role} – ${org.name}`,
        unitId: org.id,
        roles: [r],
        passwordHash,
      })),
    });
  };

  beforeAll(async () => {
    sys = await startTestSystem();
    auth = await ensureCommendationSetup(sys.prisma);
    admin = `admin-${sfx}`;
    await sys.prisma.user.create({
      data: {
        username: admin,
        fullName: 'Quản trị',
        roles: ['ADMIN'],
        passwordHash: await hash(DEMO_PASSWORD),
      },
    });
    city = await place(`TU-${suffix}`, `Thành ủy ${suffix}`, null, 'PROVINCE', 'PARTY_COMMITTEE');
    bloc = await place(
      `DUK-${suffix}`,
      `Đảng ủy Khối Doanh nghiệp ${suffix}`,
      city,
      'BLOC',
      'PARTY_COMMITTEE',
    );
    baseX = await place(
      `DU-X-${suffix}`,
      `Đảng ủy Công ty X ${suffix}`,
      bloc,
      'BASE',
      'PARTY_COMMITTEE',
    );
    baseY = await place(
      `DU-Y-${suffix}`,
      `Đảng ủy Công ty Y ${suffix}`,
      bloc,
      'BASE',
      'PARTY_COMMITTEE',
    );
    district = await place(
      `QU-${suffix}`,
      `Quận ủy ${suffix}`,
      city,
      'DISTRICT',
      'PARTY_COMMITTEE',
    );
    ward = await place(
      `DU-P-${suffix}`,
      `Đảng ủy Phường ${suffix}`,
      district,
      'BASE',
      'PARTY_COMMITTEE',
    );
    // The bloc's office, leadership, board, leader and council; the base organisations have none.
    await accounts(bloc, [
      ['officer', 'UNIT_OFFICER'],
      ['signer', 'UNIT_SIGNER'],
      ['reviewer', 'REVIEWER'],
      ['lanhdao', 'AUTHORITY'],
      ['hd1', 'COUNCIL_MEMBER'],
    ]);
    await accounts(district, [
      ['officer', 'UNIT_OFFICER'],
      ['signer', 'UNIT_SIGNER'],
    ]);

    // The bloc committee decides its own Giấy khen: any organisation can be a form's authority.
    blocForm = `GK-DUK-${suffix}`;
    const form: AwardFormContent = {
      code: blocForm,
      name: { vi: `Giấy khen của Đảng ủy Khối ${suffix}`, en: `Bloc certificate ${suffix}` },
      category: 'COMMENDATION',
      level: 'BLOC',
      authorityCode: bloc.code,
      nomineeKinds: ['UNIT', 'PERSON'],
      dossier: [
        { kind: 'to-trinh', label: { vi: 'Tờ trình', en: 'Memo' }, required: true },
        { kind: 'bao-cao-thanh-tich', label: { vi: 'Báo cáo', en: 'Report' }, required: true },
      ],
      chain: [
        {
          key: 'unit-head',
          kind: 'APPROVAL',
          actor: 'PROPOSER_HEAD',
          title: { vi: 'Thủ trưởng đơn vị trình', en: 'Head' },
          slaWorkingDays: 5,
        },
        {
          key: 'appraisal',
          kind: 'APPROVAL',
          actor: 'AUTHORITY_BOARD',
          title: { vi: 'Thẩm định hồ sơ', en: 'Appraisal' },
          slaWorkingDays: 7,
        },
      ],
      reminders: { offsetsWorkingDays: [1] },
      certificate: {
        signerTitle: 'BÍ THƯ',
        achievementTemplate: 'Đã hoàn thành xuất sắc nhiệm vụ năm {year}',
      },
    };
    const published = await sys.http.as(admin, 'POST', '/award-forms', form);
    expect(published.status).toBe(201);

    // The ward's earlier recognitions make it eligible for the city's Bằng khen.
    for (const year of [YEAR - 2, YEAR - 1]) {
      await sys.prisma.award.create({
        data: {
          id: randomUUID(),
          source: 'HISTORY',
          formCode: 'GK-BDV',
          formName: 'Giấy khen của Ban Dân vận Thành ủy',
          level: 'BLOC',
          year,
          recipientKind: 'UNIT',
          recipientUnitId: ward.id,
          recipientKey: `unit:${ward.id}`,
          recipientName: ward.name,
          unitId: ward.id,
          achievement: `Hoàn thành xuất sắc nhiệm vụ năm ${year}`,
        },
      });
    }
  });

  afterAll(async () => {
    await sys?.prisma.deadline.updateMany({
      where: { subjectId: { in: workflows }, status: 'ACTIVE' },
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

  it("takes a bloc's base organisations from its office's list to their certificates", async () => {
    const body = {
      formCode: blocForm,
      title: `Tờ trình đề nghị tặng Giấy khen năm ${YEAR}`,
      number: '15-TTr/ĐUK',
      period: { kind: 'YEAR', year: YEAR },
      documents: [doc('to-trinh')],
      nominees: [baseX, baseY].map((o) => ({
        nomineeKind: 'UNIT',
        nomineeUnitId: o.id,
        achievement: `Hoàn thành xuất sắc nhiệm vụ năm ${YEAR} của ${o.name}`,
        documents: [doc('bao-cao-thanh-tich')],
      })),
    };
    // Every entry is checked first: one broken entry names itself and nothing is created.
    const broken = await propose(user(bloc.code, 'officer'), {
      ...body,
      nominees: [body.nominees[0], { ...body.nominees[1], documents: [] }],
    });
    expect(broken.status).toBe(422);
    expect(JSON.stringify(broken.body)).toContain('nominees[1]');
    expect(await sys.prisma.nomination.count({ where: { proposerUnitId: bloc.id } })).toBe(0);

    const key = `proposal-${sfx}-bloc`;
    const res = await propose(user(bloc.code, 'officer'), body, key);
    expect(res.status).toBe(201);
    expect(res.body.nominationCount).toBe(2);
    expect(res.body.authorityUnitId).toBe(bloc.id);
    // A retry with the same key creates nothing twice.
    const again = await propose(user(bloc.code, 'officer'), body, key);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(res.body.id);
    expect(await sys.prisma.nomination.count({ where: { proposerUnitId: bloc.id } })).toBe(2);
    expect(
      await sys.prisma.auditLog.count({
        where: { action: 'proposal.submitted', entityId: res.body.id },
      }),
    ).toBe(1);

    const list = await sys.http.as<ProposalView[]>(user(bloc.code, 'signer'), 'GET', '/proposals');
    expect(list.status).toBe(200);
    expect(list.body[0]?.id).toBe(res.body.id);
    const ids = res.body.nominations.map((n) => n.id);
    for (const id of ids) {
      await approve(user(bloc.code, 'signer'), id, 'unit-head');
      await approve(user(bloc.code, 'reviewer'), id, 'appraisal');
      await waitStatus(id, 'AWAITING_DECISION');
    }
    const seen = await sys.http.as<ProposalView>(
      user(bloc.code, 'officer'),
      'GET',
      `/proposals/${res.body.id}`,
    );
    expect(seen.body.nominations.map((n) => n.status)).toEqual([
      'AWAITING_DECISION',
      'AWAITING_DECISION',
    ]);

    const leader = user(bloc.code, 'lanhdao');
    const decision = await sys.http.as<DecisionView>(leader, 'POST', '/decisions', {
      number: `${suffix}-QĐ/ĐUK`,
      signedOn: `${YEAR}-10-12`,
      title: `Quyết định tặng Giấy khen năm ${YEAR}`,
      signerTitle: 'BÍ THƯ',
      nominationIds: ids,
    });
    expect(decision.status).toBe(201);
    const issued = await sys.http.as<DecisionView>(
      leader,
      'POST',
      `/decisions/${decision.body.id}/issue`,
    );
    expect(issued.status).toBe(200);
    const x = await waitStatus(ids[0], 'AWARDED');
    const awardId =
      x.award?.id ?? issued.body.recipients.find((r) => r.nominationId === ids[0])?.award?.id;

    const certificate = await download(
      user(bloc.code, 'officer'),
      `/awards/${awardId}/certificate`,
    );
    expect(certificate.status).toBe(200);
    expect(certificate.type).toContain('application/pdf');
    const decided = await download(leader, `/decisions/${decision.body.id}/pdf`);
    expect(decided.status).toBe(200);
    const text = pdfPageTexts(decided.bytes).join('\n');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  }, 240_000);

  it('lets a district in no cluster propose to the city and to the central board', async () => {
    const person = await sys.prisma.person.create({
      data: { unitId: district.id, fullName: `Nguyễn Văn Quận ${suffix}`, position: 'Trưởng ban' },
    });
    const toCity = await propose(user(district.code, 'officer'), {
      formCode: 'BK-UBND',
      title: `Tờ trình đề nghị tặng Bằng khen năm ${YEAR}`,
      period: { kind: 'YEAR', year: YEAR },
      documents: [doc('to-trinh'), doc('bien-ban-hop-xet')],
      nominees: [
        {
          nomineeKind: 'UNIT',
          nomineeUnitId: ward.id,
          achievement: `Hoàn thành xuất sắc nhiệm vụ năm ${YEAR}`,
          documents: [doc('bao-cao-thanh-tich')],
        },
      ],
    });
    expect(toCity.status).toBe(201);
    const toCentre = await propose(user(district.code, 'officer'), {
      formCode: 'KNC-DV',
      title: `Tờ trình đề nghị tặng Kỷ niệm chương năm ${YEAR}`,
      period: { kind: 'YEAR', year: YEAR },
      documents: [doc('to-trinh')],
      nominees: [
        {
          nomineeKind: 'PERSON',
          nomineePersonId: person.id,
          achievement: 'Có nhiều đóng góp cho sự nghiệp dân vận của Đảng',
          documents: [doc('bao-cao-thanh-tich')],
        },
      ],
    });
    expect(toCentre.status).toBe(201);
    for (const [res, authority] of [
      [toCity, auth['UBND-TP']],
      [toCentre, auth['BDV-TW']],
    ] as const) {
      const id = res.body.nominations[0].id;
      expect(res.body.authorityUnitId).toBe(authority.id);
      // The cluster step is skipped: the district's head signs, then the deciding board appraises.
      expect((await detail(id)).steps.map((s) => s.key)).not.toContain('cluster-head');
      await approve(user(district.code, 'signer'), id, 'unit-head');
      const atBoard = await waitStep(id, 'appraisal');
      expect(atBoard.currentStep?.actorUnitName).toBe(authority.name);
      await approve(authority.reviewer, id, 'appraisal');
    }
    // The city's Bằng khen is posted publicly next; the central board's council votes.
    await waitFor(
      async () =>
        (await detail(toCity.body.nominations[0].id)).status === 'POSTED' ? true : undefined,
      { timeoutMs: 60_000, description: 'Bằng khen proposal posted' },
    );
    const centreId = toCentre.body.nominations[0].id;
    await waitFor(async () => ((await detail(centreId)).status === 'VOTING' ? true : undefined), {
      timeoutMs: 60_000,
      description: 'medal proposal at the council vote',
    });
    for (const member of auth['BDV-TW'].council) {
      const ballot = await sys.http.as(member, 'POST', `/nominations/${centreId}/council-ballots`, {
        approve: true,
      });
      expect(ballot.status).toBe(200);
    }
    await waitStatus(centreId, 'AWAITING_DECISION');
    const medal = await decide(auth['BDV-TW'].leader, centreId, 'TRƯỞNG BAN', 'medal');
    expect(medal).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(medal).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(medal).toMatch(/Số \d+-QĐ\/BDVTW/);

    // The city People's Committee decides an unscheduled Bằng khen (simplified procedure: no
    // posting, no council) for the district's official, in the state format with its numbering.
    const urgent: AwardFormContent = {
      code: `BK-DX-${suffix}`,
      name: {
        vi: 'Bằng khen đột xuất của Ủy ban nhân dân Thành phố',
        en: 'Unscheduled commendation',
      },
      category: 'COMMENDATION',
      level: 'PROVINCE',
      authorityCode: 'UBND-TP',
      nomineeKinds: ['UNIT', 'PERSON'],
      dossier: [{ kind: 'to-trinh', label: { vi: 'Tờ trình', en: 'Memo' }, required: true }],
      chain: [
        {
          key: 'unit-head',
          kind: 'APPROVAL',
          actor: 'PROPOSER_HEAD',
          title: { vi: 'Thủ trưởng đơn vị trình', en: 'Head' },
          slaWorkingDays: 2,
        },
        {
          key: 'appraisal',
          kind: 'APPROVAL',
          actor: 'AUTHORITY_BOARD',
          title: { vi: 'Thẩm định hồ sơ', en: 'Appraisal' },
          slaWorkingDays: 3,
        },
      ],
      reminders: { offsetsWorkingDays: [1] },
      certificate: { signerTitle: 'CHỦ TỊCH', achievementTemplate: 'Đã có thành tích xuất sắc' },
    };
    expect((await sys.http.as(admin, 'POST', '/award-forms', urgent)).status).toBe(201);
    const deputy = await sys.prisma.person.create({
      data: {
        unitId: district.id,
        fullName: `Trần Thị Quận ${suffix}`,
        position: 'Phó Trưởng ban',
      },
    });
    const toCityUrgent = await propose(user(district.code, 'officer'), {
      formCode: urgent.code,
      title: `Tờ trình đề nghị tặng Bằng khen đột xuất năm ${YEAR}`,
      period: { kind: 'YEAR', year: YEAR },
      documents: [doc('to-trinh')],
      nominees: [
        {
          nomineeKind: 'PERSON',
          nomineePersonId: deputy.id,
          achievement: 'Có thành tích xuất sắc đột xuất trong công tác dân vận',
          documents: [],
        },
      ],
    });
    expect(toCityUrgent.status).toBe(201);
    const urgentId = toCityUrgent.body.nominations[0].id;
    await approve(user(district.code, 'signer'), urgentId, 'unit-head');
    await approve(auth['UBND-TP'].reviewer, urgentId, 'appraisal');
    await waitStatus(urgentId, 'AWAITING_DECISION');
    const state = await decide(auth['UBND-TP'].leader, urgentId, 'CHỦ TỊCH', 'city');
    expect(state).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(state).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(state).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(state).toMatch(/Số: \d+\/QĐ-UBND/);
  }, 240_000);

  it("takes proposals to a cluster council's forms from its clusters' members only", async () => {
    const cluster = await createFixtureCluster(sys.prisma, `${suffix}C`, [YEAR]);
    const member = cluster.units[1];
    const nominate = async (actor: string, unitId: string, fullName: string) => {
      const p = await sys.prisma.person.create({
        data: { unitId, fullName: `${fullName} ${suffix}`, position: 'Chuyên viên' },
      });
      return sys.http.as<{ code?: string; workflowId: string }>(actor, 'POST', '/nominations', {
        formCode: 'LDTT',
        nomineeKind: 'PERSON',
        nomineePersonId: p.id,
        year: YEAR,
        achievement: `Hoàn thành xuất sắc nhiệm vụ năm ${YEAR}`,
        documents: ['to-trinh', 'bien-ban-hop-xet'].map(doc),
      });
    };
    const before = await sys.prisma.nomination.count({ where: { proposerUnitId: district.id } });
    // The district is in no cluster: the cluster council's title is not its to propose.
    const outsider = await nominate(user(district.code, 'officer'), district.id, 'Lê Văn Ngoài');
    expect(outsider.status).toBe(403);
    expect(outsider.body.code).toBe('UNIT_NOT_MEMBER');
    expect(await sys.prisma.nomination.count({ where: { proposerUnitId: district.id } })).toBe(
      before,
    );
    const inside = await nominate(member.officer, member.id, 'Phạm Thị Trong');
    expect(inside.status).toBe(201);
    workflows.push(inside.body.workflowId);
  }, 60_000);

  it('refuses a nominee of a sibling subtree and creates nothing', async () => {
    const before = await sys.prisma.nomination.count({ where: { proposerUnitId: bloc.id } });
    const res = await propose(user(bloc.code, 'officer'), {
      formCode: blocForm,
      title: 'Tờ trình đề nghị ngoài phạm vi',
      period: { kind: 'YEAR', year: YEAR },
      documents: [doc('to-trinh')],
      nominees: [
        {
          nomineeKind: 'UNIT',
          nomineeUnitId: ward.id,
          achievement: `Hoàn thành xuất sắc nhiệm vụ năm ${YEAR}`,
          documents: [doc('bao-cao-thanh-tich')],
        },
      ],
    });
    expect(res.status).toBe(403);
    expect((res.body as unknown as { code: string }).code).toBe('OUTSIDE_SUBTREE');
    expect(await sys.prisma.nomination.count({ where: { proposerUnitId: bloc.id } })).toBe(before);
    // A single nomination is refused the same way.
    const single = await sys.http.as<{ code: string }>(
      user(bloc.code, 'officer'),
      'POST',
      '/nominations',
      {
        formCode: blocForm,
        nomineeKind: 'UNIT',
        nomineeUnitId: district.id,
        year: YEAR,
        achievement: `Hoàn thành xuất sắc nhiệm vụ năm ${YEAR}`,
        documents: [doc('to-trinh'), doc('bao-cao-thanh-tich')],
      },
    );
    expect(single.status).toBe(403);
    expect(single.body.code).toBe('OUTSIDE_SUBTREE');
  });
});
