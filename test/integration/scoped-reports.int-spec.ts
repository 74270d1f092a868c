import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import ExcelJS from 'exceljs';
import { DEMO_PASSWORD, ensureCommendationSetup, uniqueSuffix } from '@epw/testing';
// The documents library's own test helper (pdf.js in a child process); not part of its API.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { pdfPageTexts } from '../../libs/documents/src/testing/pdf-text';
import { startTestSystem, type TestSystem } from '../support/test-system';

type Level = 'BASE' | 'BLOC' | 'DISTRICT' | 'PROVINCE' | 'CENTRAL';
type Kind = 'UNIT' | 'PERSON' | 'INITIATIVE';

interface LevelTotals {
  level: Level;
  collectives: number;
  individuals: number;
  models: number;
  total: number;
}
interface Totals {
  total: number;
  collectives: number;
  individuals: number;
  models: number;
  levels: LevelTotals[];
}
interface Report {
  organisation: { id: string; name: string } | null;
  addressedTo: { id: string } | null;
  filters: { movementCode: string | null; period: { label: { vi: string } } | null };
  total: number;
  totals: Totals;
  own: Totals;
  children: { organisationId: string; name: string; totals: Totals }[];
  byLevel: Record<string, number>;
  fields: { key: string | null; count: number }[];
}
interface Problem {
  code: string;
  errors?: { field: string; rule: string }[];
}
interface ModelAward {
  formCode: string;
  level: Level;
  authority: { id: string; name: string } | null;
  period: { label: { vi: string } };
  revoked: boolean;
}
interface ModelDetail {
  id: string;
  title: string;
  unit: { id: string };
  cycle: { id: string };
  registration: { id: string };
  recognized: { level: Level; count: number }[];
  highestLevel: Level | null;
  history: { level: Level; awards: ModelAward[]; inProgress: { formCode: string }[] }[];
}

const sum = (parts: Totals[]): Totals => ({
  total: parts.reduce((s, p) => s + p.total, 0),
  collectives: parts.reduce((s, p) => s + p.collectives, 0),
  individuals: parts.reduce((s, p) => s + p.individuals, 0),
  models: parts.reduce((s, p) => s + p.models, 0),
  levels: (['BASE', 'BLOC', 'DISTRICT', 'PROVINCE', 'CENTRAL'] as const).map((level) => {
    const at = parts.map((p) => p.levels.find((l) => l.level === level) as LevelTotals);
    return {
      level,
      collectives: at.reduce((s, l) => s + l.collectives, 0),
      individuals: at.reduce((s, l) => s + l.individuals, 0),
      models: at.reduce((s, l) => s + l.models, 0),
      total: at.reduce((s, l) => s + l.total, 0),
    };
  }),
});
const at = (t: Totals, level: Level) => t.levels.find((l) => l.level === level) as LevelTotals;

/**
 * Reports are of one organisation's subtree: a city C with a bloc committee P beneath it, and two
 * base committees A and B beneath P (a chi bộ A1 beneath A), each deciding awards of its own. The
 * reports of A and B are disjoint, P's is A's plus B's plus its own decisions, and a model
 * recognized at base (by A), bloc (by P) and city level (by C) counts once at each level in the
 * report of the organisation that recognized it and never in B's. The model is a record of its
 * own with its recognitions level by level.
 */
describe('reports scoped to an organisation, and models as records', () => {
  let sys: TestSystem;
  const suffix = uniqueSuffix();
  const sfx = suffix.toLowerCase();
  const org = {} as Record<'C' | 'P' | 'A' | 'B' | 'A1' | 'X', { id: string; name: string }>;
  const user = {
    admin: `admin-rp-${sfx}`,
    C: `c.canbo-${sfx}`,
    P: `p.quantri-${sfx}`,
    A: `a.canbo-${sfx}`,
    B: `b.canbo-${sfx}`,
    A1: `a1.canbo-${sfx}`,
  };
  const model = {
    id: '',
    field: `Chuyển đổi số ${suffix}`,
    title: `Mô hình "Phường số" ${suffix}`,
  };
  const modelB = { id: '', field: `An sinh ${suffix}` };
  let personA = '';

  const report = (username: string, query = '') =>
    sys.http.as<Report & Problem>(username, 'GET', `/reports/recognitions${query}`);
  const reportOf = async (username: string, id: string, query = '') => {
    const r = await report(username, `?organisationId=${id}${query}`);
    expect(r.status).toBe(200);
    return r.body;
  };

  beforeAll(async () => {
    sys = await startTestSystem();
    const authorities = await ensureCommendationSetup(sys.prisma);
    const form = await sys.prisma.awardForm.findFirstOrThrow({
      where: { authorityUnitId: Object.values(authorities)[0]?.id },
    });
    const p = sys.prisma;
    const unit = async (
      key: keyof typeof org,
      name: string,
      level: Level | null,
      parent: { id: string; path: string } | null,
    ) => {
      const id = randomUUID();
      const path = `${parent?.path ?? '/'}${id}/`;
      await p.unit.create({
        data: { id, code: `RP-${key}-${suffix}`, name, level, parentId: parent?.id ?? null, path },
      });
      org[key] = { id, name };
      return { id, path };
    };
    const C = await unit('C', `Thành ủy ${suffix}`, 'PROVINCE', null);
    const P = await unit('P', `Đảng ủy Khối ${suffix}`, 'BLOC', C);
    const A = await unit('A', `Đảng ủy Công ty A ${suffix}`, 'BASE', P);
    await unit('B', `Đảng ủy Công ty B ${suffix}`, 'BASE', P);
    await unit('A1', `Chi bộ Phòng Khách hàng ${suffix}`, null, A);
    await unit('X', `Tỉnh ủy khác ${suffix}`, 'PROVINCE', null);

    const passwordHash = await hash(DEMO_PASSWORD);
    const users: [string, string | null, string[]][] = [
      [user.admin, null, ['ADMIN']],
      [user.C, org.C.id, ['UNIT_OFFICER']],
      [user.P, org.P.id, ['ORG_ADMIN']],
      [user.A, org.A.id, ['UNIT_OFFICER', 'UNIT_SIGNER']],
      [user.B, org.B.id, ['UNIT_OFFICER']],
      [user.A1, org.A1.id, ['UNIT_OFFICER']],
    ];
    await p.user.createMany({
      data: users.map(([username, unitId, roles]) => ({
        username,
        fullName: username,
        unitId,
        roles: roles as ('ADMIN' | 'ORG_ADMIN' | 'UNIT_OFFICER' | 'UNIT_SIGNER')[],
        passwordHash,
      })),
    });
    const officerA = await p.user.findUniqueOrThrow({ where: { username: user.A } });

    // The models: registered by A and by B in a cycle of a cluster.
    const cluster = await p.cluster.create({
      data: { code: `RP-CUM-${suffix}`, name: `Cụm thi đua ${suffix}` },
    });
    const cycle = await p.emulationCycle.create({
      data: {
        clusterId: cluster.id,
        movementCode: 'DVK',
        movementName: 'Phong trào thi đua "Dân vận khéo"',
        periodKind: 'YEAR',
        periodLabel: '2025',
        startsOn: new Date('2025-01-01'),
        endsOn: new Date('2025-12-31'),
        calendarEpoch: new Date('2025-01-01T00:00:00+07:00'),
      },
    });
    const register = async (unitId: string, field: string, title: string) => {
      const r = await p.registration.create({
        data: {
          cycleId: cycle.id,
          unitId,
          status: 'SUBMITTED',
          titles: ['Đơn vị Xuất sắc'],
          submittedById: officerA.id,
          submittedAt: new Date(),
          initiatives: {
            create: {
              position: 0,
              kind: 'MODEL',
              field,
              isNew: true,
              ownerType: 'COLLECTIVE',
              ownerName: 'Chi bộ Phòng Khách hàng',
              title,
              description: 'Số hóa thủ tục cho người dân',
            },
          },
        },
        include: { initiatives: true },
      });
      return r.initiatives[0]?.id ?? '';
    };
    model.id = await register(org.A.id, model.field, model.title);
    modelB.id = await register(org.B.id, modelB.field, `Mô hình B ${suffix}`);
    personA = (await p.person.create({ data: { unitId: org.A.id, fullName: 'Nguyễn Văn Thi' } }))
      .id;

    // The awards, each decided by one organisation.
    let n = 0;
    const award = (a: {
      by: string | null;
      level: Level;
      kind: Kind;
      recipient: string;
      unitId: string;
      movement?: string;
      period?: { kind: 'YEAR' | 'QUARTER' | 'PHASE'; quarter?: number; start?: number };
      revoked?: boolean;
    }) => {
      n += 1;
      return p.award.create({
        data: {
          id: randomUUID(),
          source: n % 2 === 0 ? 'HISTORY' : 'DECISION',
          formCode: `RP-${a.level}`,
          formName: `Giấy khen cấp ${a.level}`,
          level: a.level,
          authorityUnitId: a.by,
          year: 2025,
          movementCode: a.movement ?? 'DVK',
          movementName:
            (a.movement ?? 'DVK') === 'DVK' ? 'Phong trào thi đua "Dân vận khéo"' : 'Chuyển đổi số',
          periodKind: a.period?.kind ?? 'YEAR',
          periodQuarter: a.period?.quarter ?? null,
          periodStart: a.period?.start ?? null,
          recipientKind: a.kind,
          recipientUnitId: a.kind === 'UNIT' ? a.recipient : null,
          recipientPersonId: a.kind === 'PERSON' ? a.recipient : null,
          recipientInitiativeId: a.kind === 'INITIATIVE' ? a.recipient : null,
          recipientKey: `${a.kind.toLowerCase()}:${a.recipient}`,
          recipientName: `Đối tượng ${n}`,
          unitId: a.unitId,
          achievement: `Thành tích ${n}`,
          decisionNumber: `${n}/QĐ-${suffix}`,
          decisionDate: new Date('2025-10-12'),
          revokedAt: a.revoked ? new Date() : null,
        },
      });
    };
    // By A (base): 4 in force, one revoked.
    await award({
      by: org.A.id,
      level: 'BASE',
      kind: 'UNIT',
      recipient: org.A1.id,
      unitId: org.A1.id,
    });
    await award({
      by: org.A.id,
      level: 'BASE',
      kind: 'PERSON',
      recipient: personA,
      unitId: org.A.id,
    });
    await award({
      by: org.A.id,
      level: 'BASE',
      kind: 'INITIATIVE',
      recipient: model.id,
      unitId: org.A.id,
    });
    await award({
      by: org.A.id,
      level: 'BASE',
      kind: 'UNIT',
      recipient: org.A1.id,
      unitId: org.A1.id,
      movement: 'CDS',
      period: { kind: 'QUARTER', quarter: 3 },
    });
    await award({
      by: org.A.id,
      level: 'BASE',
      kind: 'UNIT',
      recipient: org.A.id,
      unitId: org.A.id,
      revoked: true,
    });
    // By B (base): 2.
    await award({
      by: org.B.id,
      level: 'BASE',
      kind: 'UNIT',
      recipient: org.B.id,
      unitId: org.B.id,
    });
    await award({
      by: org.B.id,
      level: 'BASE',
      kind: 'INITIATIVE',
      recipient: modelB.id,
      unitId: org.B.id,
      period: { kind: 'PHASE', start: 2021 },
    });
    // By P (bloc): the model, and A itself.
    await award({
      by: org.P.id,
      level: 'BLOC',
      kind: 'INITIATIVE',
      recipient: model.id,
      unitId: org.A.id,
    });
    await award({
      by: org.P.id,
      level: 'BLOC',
      kind: 'UNIT',
      recipient: org.A.id,
      unitId: org.A.id,
    });
    // By C (city): the model.
    await award({
      by: org.C.id,
      level: 'PROVINCE',
      kind: 'INITIATIVE',
      recipient: model.id,
      unitId: org.A.id,
    });
    // By another province, for A1: in none of these organisations' reports.
    await award({
      by: org.X.id,
      level: 'PROVINCE',
      kind: 'UNIT',
      recipient: org.A1.id,
      unitId: org.A1.id,
    });

    // A nomination of the model at the central level, still in review.
    await p.nomination.create({
      data: {
        id: randomUUID(),
        workflowId: `nomination-rp-${sfx}`,
        awardFormId: form.id,
        formCode: form.code,
        level: 'CENTRAL',
        authorityUnitId: form.authorityUnitId,
        year: 2025,
        nomineeKind: 'INITIATIVE',
        nomineeInitiativeId: model.id,
        nomineeKey: `initiative:${model.id}`,
        nomineeName: model.title,
        unitId: org.A.id,
        proposerUnitId: org.A.id,
        proposedById: officerA.id,
        achievement: 'Mô hình tiêu biểu toàn quốc',
        achievementKey: `rp-${sfx}`,
        chain: {},
        submittedAt: new Date(),
      },
    });
  }, 120_000);

  afterAll(async () => {
    // The in-review nomination above has no workflow or chain: other suites sharing the database
    // (the approvals inbox of the browser tests) must not see it.
    await sys?.prisma.nomination.deleteMany({ where: { workflowId: `nomination-rp-${sfx}` } });
    await sys?.close();
  });

  it("keeps sibling organisations' reports disjoint and makes their parent's the sum", async () => {
    const a = await reportOf(user.A, org.A.id);
    const b = await reportOf(user.B, org.B.id);
    const p = await reportOf(user.P, org.P.id);

    expect(a.organisation?.id).toBe(org.A.id);
    expect(a.totals).toMatchObject({ total: 4, collectives: 2, individuals: 1, models: 1 });
    expect(a.total).toBe(4);
    expect(a.own.total).toBe(4);
    expect(a.children.map((c) => [c.organisationId, c.totals.total])).toEqual([[org.A1.id, 0]]);
    expect(b.totals).toMatchObject({ total: 2, collectives: 1, individuals: 0, models: 1 });
    // Nothing of A's is in B's: not its model's field, not its person.
    expect(b.fields.map((f) => f.key)).not.toContain(model.field);
    expect(a.fields.map((f) => f.key)).not.toContain(modelB.field);

    expect(p.totals.total).toBe(8);
    expect(p.own).toMatchObject({ total: 2, collectives: 1, models: 1 });
    expect(p.children.map((c) => c.organisationId).sort()).toEqual([org.A.id, org.B.id].sort());
    const child = (id: string) => p.children.find((c) => c.organisationId === id)?.totals;
    expect(child(org.A.id)).toEqual(a.totals);
    expect(child(org.B.id)).toEqual(b.totals);
    expect(p.totals).toEqual(sum([a.totals, b.totals, p.own]));

    // The city: P's subtree plus its own decision; the other province's award is nowhere.
    const c = await reportOf(user.C, org.C.id);
    expect(c.children).toEqual([
      expect.objectContaining({ organisationId: org.P.id, totals: p.totals }),
    ]);
    expect(c.totals).toEqual(sum([p.totals, c.own]));
    expect(c.totals.total).toBe(9);

    // The caller's own organisation by default; the administrator's is every organisation.
    const byDefault = await report(user.A);
    expect(byDefault.status).toBe(200);
    expect(byDefault.body.organisation?.id).toBe(org.A.id);
    expect(byDefault.body.totals).toEqual(a.totals);
    const all = await report(user.admin, '?year=2025');
    expect(all.status).toBe(200);
    expect(all.body.organisation).toBeNull();
    expect(all.body.totals).toEqual(sum([...all.body.children.map((x) => x.totals), all.body.own]));
    expect(all.body.children.find((x) => x.organisationId === org.C.id)?.totals).toEqual(c.totals);
    expect(await reportOf(user.admin, org.P.id)).toEqual(p);
  });

  it('counts the model once at each level, in the report of the organisation that recognized it', async () => {
    const q = '&recipientKind=INITIATIVE';
    const a = await reportOf(user.A, org.A.id, q);
    const b = await reportOf(user.B, org.B.id, q);
    const p = await reportOf(user.P, org.P.id, q);
    const c = await reportOf(user.C, org.C.id, q);
    expect(at(a.totals, 'BASE').models).toBe(1);
    expect(a.totals.models).toBe(1);
    expect(at(p.own, 'BLOC').models).toBe(1);
    expect(p.own.models).toBe(1);
    expect(at(c.own, 'PROVINCE').models).toBe(1);
    expect(c.own.models).toBe(1);
    // In the city's report: once at base (A), once at bloc (P), once at city level (C).
    expect(c.fields.find((f) => f.key === model.field)?.count).toBe(3);
    expect(c.totals.levels.map((l) => [l.level, l.models])).toEqual([
      ['BASE', 2],
      ['BLOC', 1],
      ['DISTRICT', 0],
      ['PROVINCE', 1],
      ['CENTRAL', 0],
    ]);
    // Never in the sibling's.
    expect(b.fields.map((f) => f.key)).toEqual([modelB.field]);
    expect(b.totals.models).toBe(1);
  });

  it('filters by movement, period, level and kind', async () => {
    const count = async (query: string) => (await reportOf(user.P, org.P.id, query)).totals.total;
    expect(await count('&movementCode=CDS')).toBe(1);
    expect(await count('&movementCode=DVK')).toBe(7);
    expect(await count('&periodKind=QUARTER&year=2025&quarter=3')).toBe(1);
    expect(await count('&periodKind=QUARTER&year=2025&quarter=2')).toBe(0);
    expect(await count('&periodKind=PHASE&year=2025&startYear=2021')).toBe(1);
    expect(await count('&periodKind=YEAR&year=2025')).toBe(6);
    expect(await count('&year=2025')).toBe(8);
    expect(await count('&year=2024')).toBe(0);
    expect(await count('&level=BLOC')).toBe(2);
    expect(await count('&level=BASE&recipientKind=UNIT')).toBe(3);
    expect(await count('&recipientKind=PERSON')).toBe(1);
    const quarter = await reportOf(user.P, org.P.id, '&periodKind=QUARTER&year=2025&quarter=3');
    expect(quarter.filters.period?.label.vi).toBe('quý III năm 2025');

    for (const [query, field] of [
      ['?periodKind=QUARTER&year=2025', 'quarter'],
      ['?periodKind=YEAR', 'year'],
      ['?periodKind=YEAR&year=2025&yearFrom=2024', 'yearFrom'],
      ['?quarter=2', 'quarter'],
      ['?periodKind=PHASE&year=2025&startYear=2025', 'startYear'],
      ['?movementCode=d%C3%A2n', 'movementCode'],
      ['?organisationId=nope', 'organisationId'],
    ] as const) {
      const res = await report(user.P, query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.errors?.map((e) => e.field)).toEqual([field]);
    }
  });

  it('refuses another subtree with 403, and narrows a higher organisation to what it gave', async () => {
    for (const [who, id] of [
      [user.A, org.B.id],
      [user.B, org.A.id],
      [user.B, org.X.id],
      [user.A1, org.B.id],
    ] as const) {
      const res = await report(who, `?organisationId=${id}`);
      expect({ who, id, status: res.status, code: res.body.code }).toEqual({
        who,
        id,
        status: 403,
        code: 'REPORT_OUTSIDE_SCOPE',
      });
    }
    // P's subtree recognized A's: A reads P's report of those only (P's two and A's own four).
    const toA = await reportOf(user.A, org.P.id);
    expect(toA.addressedTo?.id).toBe(org.A.id);
    expect(toA.own).toMatchObject({ total: 2, collectives: 1, models: 1 });
    expect(toA.totals.total).toBe(6);
    expect(toA.children.find((c) => c.organisationId === org.B.id)?.totals.total).toBe(0);
    // The other province recognized A1 once: P reads that one only.
    const fromX = await reportOf(user.P, org.X.id);
    expect(fromX.addressedTo?.id).toBe(org.P.id);
    expect(fromX.totals.total).toBe(1);
    // A recognized A1 twice.
    expect((await reportOf(user.A1, org.A.id)).totals.total).toBe(2);
    // Unknown organisation.
    expect((await report(user.admin, `?organisationId=${randomUUID()}`)).status).toBe(404);
  });

  it("heads the exports with the organisation's name and the filters", async () => {
    const token = await sys.http.login(user.P);
    const get = (format: string) =>
      fetch(
        `${sys.http.baseUrl}/reports/recognitions?organisationId=${org.P.id}&movementCode=DVK&periodKind=YEAR&year=2025&format=${format}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
    const xlsx = await get('xlsx');
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ExcelJS.Buffer);
    const values: unknown[] = [];
    workbook.worksheets[0]?.eachRow((row) => values.push(...(row.values as unknown[]).slice(1)));
    expect(values).toEqual(
      expect.arrayContaining([
        org.P.name,
        'Kỳ báo cáo: Năm 2025',
        'Phong trào: Phong trào thi đua "Dân vận khéo"',
        `Phạm vi: ${org.P.name} và các đơn vị trực thuộc`,
        org.A.name,
        org.B.name,
      ]),
    );
    const pdf = await get('pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('%PDF');
  });

  it('exports with every filter (level, recipient kind, quarter) and heads the PDF with the organisation', async () => {
    const token = await sys.http.login(user.P);
    const get = (query: string) =>
      fetch(`${sys.http.baseUrl}/reports/recognitions?organisationId=${org.P.id}${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const cells = async (res: Response) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
      const values: unknown[] = [];
      workbook.worksheets[0]?.eachRow((row) => values.push(...(row.values as unknown[]).slice(1)));
      return values;
    };
    // The filters the JSON answer applies are the ones the files apply and name.
    const filtered = '&level=BASE&recipientKind=UNIT&year=2025';
    expect((await reportOf(user.P, org.P.id, filtered)).totals.total).toBe(3);
    const xlsx = await get(`${filtered}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    const values = await cells(xlsx);
    expect(values).toEqual(
      expect.arrayContaining([
        org.P.name,
        'Kỳ báo cáo: Năm 2025',
        'Cấp khen thưởng: Cơ sở',
        'Đối tượng: Tập thể (đơn vị)',
        `Phạm vi: ${org.P.name} và các đơn vị trực thuộc`,
      ]),
    );
    // The per-child table sums to the report's total.
    expect(values).toEqual(expect.arrayContaining([org.A.name, org.B.name, 'Cộng']));

    const quarter = await get('&periodKind=QUARTER&year=2025&quarter=3&format=pdf');
    expect(quarter.status).toBe(200);
    expect(quarter.headers.get('content-type')).toContain('application/pdf');
    const text = pdfPageTexts(Buffer.from(await quarter.arrayBuffer())).join('\n');
    expect(text).toContain(org.P.name);
    expect(text).toContain('Quý III năm 2025');
    // Another organisation's report is not exported to the caller either.
    const refused = await fetch(
      `${sys.http.baseUrl}/reports/recognitions?organisationId=${org.B.id}&format=pdf`,
      { headers: { authorization: `Bearer ${await sys.http.login(user.A)}` } },
    );
    expect(refused.status).toBe(403);
  });

  it('shows the model as a record with its recognitions level by level', async () => {
    const res = await sys.http.as<ModelDetail>(user.A, 'GET', `/models/${model.id}`);
    expect(res.status).toBe(200);
    const m = res.body;
    expect(m).toMatchObject({ id: model.id, title: model.title, unit: { id: org.A.id } });
    expect(m.history.map((h) => h.level)).toEqual([
      'BASE',
      'BLOC',
      'DISTRICT',
      'PROVINCE',
      'CENTRAL',
    ]);
    const by = (level: Level) => m.history.find((h) => h.level === level);
    expect(by('BASE')?.awards.map((x) => x.authority?.id)).toEqual([org.A.id]);
    expect(by('BLOC')?.awards.map((x) => x.authority?.id)).toEqual([org.P.id]);
    expect(by('PROVINCE')?.awards.map((x) => x.authority?.name)).toEqual([org.C.name]);
    expect(by('PROVINCE')?.awards[0]?.period.label.vi).toBe('năm 2025');
    expect(by('DISTRICT')?.awards).toEqual([]);
    expect(by('CENTRAL')?.inProgress).toHaveLength(1);
    expect(m.recognized.map((r) => [r.level, r.count])).toEqual([
      ['BASE', 1],
      ['BLOC', 1],
      ['PROVINCE', 1],
    ]);
    expect(m.highestLevel).toBe('PROVINCE');

    // Its organisation and those above read it; the sibling does not.
    expect((await sys.http.as(user.P, 'GET', `/models/${model.id}`)).status).toBe(200);
    expect((await sys.http.as(user.C, 'GET', `/models/${model.id}`)).status).toBe(200);
    const sibling = await sys.http.as<Problem>(user.B, 'GET', `/models/${model.id}`);
    expect(sibling.status).toBe(403);
    expect(sibling.body.code).toBe('FORBIDDEN');
    expect((await sys.http.as(user.admin, 'GET', `/models/${randomUUID()}`)).status).toBe(404);
  });

  it('lists models with their ids for the nomination picker, within the caller subtree', async () => {
    type Summary = { id: string; unit: { id: string }; highestLevel: Level | null }[];
    const own = await sys.http.as<Summary>(user.A, 'GET', `/models?unitId=${org.A.id}`);
    expect(own.status).toBe(200);
    expect(own.body.map((x) => x.id)).toEqual([model.id]);
    expect(own.body[0]?.highestLevel).toBe('PROVINCE');
    const ofP = await sys.http.as<Summary>(user.P, 'GET', '/models');
    expect(ofP.body.map((x) => x.id).sort()).toEqual([model.id, modelB.id].sort());
    const ofB = await sys.http.as<Summary>(user.B, 'GET', '/models');
    expect(ofB.body.map((x) => x.id)).toEqual([modelB.id]);
    expect((await sys.http.as<Problem>(user.B, 'GET', `/models?unitId=${org.A.id}`)).status).toBe(
      403,
    );
    const found = await sys.http.as<Summary>(
      user.admin,
      'GET',
      `/models?search=${encodeURIComponent(`phường số" ${suffix}`)}`,
    );
    expect(found.body.map((x) => x.id)).toEqual([model.id]);
  });
});
