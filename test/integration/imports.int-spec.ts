import { hash } from '@node-rs/argon2';
import ExcelJS from 'exceljs';
import { AWARD_IMPORT, PERSON_IMPORT } from '@epw/domain';
import {
  createFixtureCluster,
  DEMO_PASSWORD,
  ensureCommendationSetup,
  uniqueSuffix,
  type FixtureCluster,
  type FixtureUnit,
} from '@epw/testing';
import { startTestSystem, type TestSystem } from '../support/test-system';

interface ImportResult {
  kind: string;
  fileType: string;
  sha256: string;
  rows: number;
  valid: number;
  errorCount: number;
  errors: { row: number; column: string; rule: string; message: string }[];
  applied: boolean;
  importId?: string;
  createdIds?: string[];
  tookMs: number;
  code?: string;
}
interface Problem {
  status: number;
  code: string;
  errors?: { field: string; rule: string }[];
}

const YEAR = 2026;
const FORMS = ['GK-BDV', 'LDTT', 'CSTD-CS', 'BK-UBND'];
const PEOPLE_PER_UNIT = 4;
const personName = (k: number) => `Nguyễn Thị Nhập Liệu ${k + 1}`;

/** A workbook of one sheet: the header row, then the rows. */
async function xlsx(header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A UTF-8 CSV file with a byte order mark, as Excel saves "CSV UTF-8". */
async function csv(header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('csv');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  const text = await workbook.csv.writeBuffer({ sheetName: 'csv' });
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), Buffer.from(text)]);
}

const upload = (fileName: string, bytes: Buffer) => ({
  fileName,
  contentBase64: bytes.toString('base64'),
});

/**
 * Bulk imports from XLSX and CSV: the templates, a thousand earlier awards refused for three bad
 * rows (dry run and apply, nothing written) and then applied after fixing, in one audited
 * transaction; people, units and memberships; who may import.
 */
describe('bulk imports', () => {
  let sys: TestSystem;
  let a: FixtureCluster;
  const suffix = uniqueSuffix();
  const orgAdmin = `org-admin-${suffix.toLowerCase()}`;
  let U: FixtureUnit;

  beforeAll(async () => {
    sys = await startTestSystem();
    a = await createFixtureCluster(sys.prisma, suffix, [YEAR]);
    await ensureCommendationSetup(sys.prisma);
    U = a.units.find((u) => u.role === 'MEMBER') as FixtureUnit;
    await sys.prisma.person.createMany({
      data: a.units.flatMap((u) =>
        Array.from({ length: PEOPLE_PER_UNIT }, (_, k) => ({
          unitId: u.id,
          fullName: personName(k),
          birthYear: 1970 + k,
        })),
      ),
    });
    await sys.prisma.user.create({
      data: {
        username: orgAdmin,
        fullName: 'Quản trị tổ chức',
        roles: ['ORG_ADMIN'],
        unitId: U.id,
        passwordHash: await hash(DEMO_PASSWORD),
      },
    });
  }, 120_000);

  afterAll(async () => {
    await sys?.close();
  });

  const unitIds = () => a.units.map((u) => u.id);
  const awardCount = () => sys.prisma.award.count({ where: { unitId: { in: unitIds() } } });
  const importAudits = (userId?: string) =>
    sys.prisma.auditLog.findMany({
      where: { action: 'import.applied', ...(userId ? { actorUserId: userId } : {}) },
      orderBy: { id: 'asc' },
    });
  const adminId = async () =>
    (await sys.prisma.user.findUniqueOrThrow({ where: { username: a.admin } })).id;
  const post = (user: string, kind: string, mode: string, body: unknown) =>
    sys.http.as<ImportResult & Problem>(user, 'POST', `/imports/${kind}?mode=${mode}`, body);

  it('hands out each template: XLSX with the headers, an example row and notes; CSV with a BOM', async () => {
    const token = await sys.http.login(a.admin);
    const res = await fetch(`${sys.http.baseUrl}/imports/awards/template?format=xlsx`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
    const [data, notes] = workbook.worksheets;
    expect((data?.getRow(1).values as ExcelJS.CellValue[]).slice(1)).toEqual(
      AWARD_IMPORT.columns.map((c) => c.header.vi),
    );
    expect((data?.getRow(2).values as ExcelJS.CellValue[])[1]).toBe('GK-BDV');
    expect(notes?.name).toBe('Hướng dẫn');
    const noteTexts = JSON.stringify(notes?.getSheetValues());
    expect(noteTexts).toContain('tệp này không tạo người mới');

    const csvRes = await fetch(`${sys.http.baseUrl}/imports/people/template?format=csv`, {
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
    });
    expect(csvRes.status).toBe(200);
    const bytes = Buffer.from(await csvRes.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe(
      PERSON_IMPORT.columns.map((c) => c.header.en).join(','),
    );
  });

  describe('a thousand earlier awards', () => {
    const HEADER = AWARD_IMPORT.columns.map((c) => c.header.vi);
    const col = (key: string) => AWARD_IMPORT.columns.findIndex((c) => c.key === key);
    /** Row i of the file (spreadsheet row i + 2): units and people of the fixture, four forms,
     * years, quarters and phases; no two rows the same achievement. */
    const awardRow = (i: number): (string | number)[] => {
      const cells: (string | number)[] = HEADER.map(() => '');
      const unit = a.units[i % a.units.length];
      const year = 2000 + (Math.floor(i / a.units.length) % 25);
      cells[col('formCode')] = FORMS[Math.floor(i / 300)];
      cells[col('unitCode')] = unit.code;
      if (i % 4 === 1) {
        cells[col('recipientKind')] = 'Cá nhân';
        cells[col('fullName')] = personName(i % PEOPLE_PER_UNIT);
      } else {
        cells[col('recipientKind')] = 'UNIT';
      }
      cells[col('movementCode')] = 'DVK';
      cells[col('movementName')] = 'Dân vận khéo';
      cells[col('year')] = year;
      if (i % 10 === 3) {
        cells[col('periodKind')] = 'QUARTER';
        cells[col('quarter')] = 1 + (i % 4);
      } else if (i % 10 === 7) {
        cells[col('periodKind')] = 'PHASE';
        cells[col('startYear')] = year - 2;
      }
      cells[col('decisionNumber')] = `${i + 1}/QĐ-NHAP`;
      cells[col('decisionDate')] = `15/10/${year}`;
      return cells;
    };
    let rows: (string | number)[][] = [];
    let bad: (string | number)[][] = [];
    beforeAll(() => {
      rows = Array.from({ length: 1000 }, (_, i) => awardRow(i));
      bad = rows.map((r) => [...r]);
      const cell = (i: number, key: string, value: string | number) => {
        bad[i][col(key)] = value;
      };
      cell(100, 'year', '20x5');
      cell(500, 'unitCode', `KHONG-CO-${suffix}`);
      cell(900, 'periodKind', 'PHASE');
      cell(900, 'startYear', rows[900][col('year')] as number);
    });
    const expected = [
      { row: 102, column: 'year', rule: 'integer' },
      { row: 502, column: 'unitCode', rule: 'unknownUnit' },
      { row: 902, column: 'startYear', rule: 'range' },
    ];
    const times: Record<string, number> = {};
    const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      const out = await fn();
      times[name] = Math.round(performance.now() - t);
      return out;
    };

    it('lists the three bad rows by row, column and rule in a dry run, and writes nothing', async () => {
      const before = { awards: await awardCount(), audits: (await importAudits()).length };
      const file = upload('khen-thuong-loi.xlsx', await xlsx(HEADER, bad));
      const res = await timed('dryRunBad', () => post(a.admin, 'awards', 'dry-run', file));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        kind: 'awards',
        fileType: 'xlsx',
        rows: 1000,
        valid: 997,
        errorCount: 3,
        applied: false,
      });
      expect(res.body.errors.map(({ row, column, rule }) => ({ row, column, rule }))).toEqual(
        expected,
      );
      expect(res.body.errors[0]?.message).toBe('«Năm» phải là một số nguyên.');
      expect({ awards: await awardCount(), audits: (await importAudits()).length }).toEqual(before);
    });

    it('refuses to apply it (422, the same errors) and writes nothing', async () => {
      const before = { awards: await awardCount(), audits: (await importAudits()).length };
      const file = upload('khen-thuong-loi.xlsx', await xlsx(HEADER, bad));
      const res = await timed('applyBad', () => post(a.admin, 'awards', 'apply', file));
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('IMPORT_ROWS_INVALID');
      expect(res.body.applied).toBe(false);
      expect(res.body.errors.map(({ row, column, rule }) => ({ row, column, rule }))).toEqual(
        expected,
      );
      expect({ awards: await awardCount(), audits: (await importAudits()).length }).toEqual(before);
    });

    it('applies the fixed file in one transaction with one audit entry, in seconds', async () => {
      const before = await awardCount();
      const file = upload('khen-thuong.xlsx', await xlsx(HEADER, rows));
      const dry = await timed('dryRun', () => post(a.admin, 'awards', 'dry-run', file));
      expect(dry.body).toMatchObject({ rows: 1000, valid: 1000, errorCount: 0, applied: false });
      const res = await timed('apply', () => post(a.admin, 'awards', 'apply', file));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ rows: 1000, valid: 1000, errors: [], applied: true });
      expect(res.body.createdIds).toHaveLength(1000);
      expect(await awardCount()).toBe(before + 1000);

      const created = await sys.prisma.award.findMany({
        where: { id: { in: res.body.createdIds } },
      });
      expect(created.every((x) => x.source === 'HISTORY')).toBe(true);
      const quarterly = created.find((x) => x.decisionNumber === '4/QĐ-NHAP');
      expect(quarterly).toMatchObject({
        periodKind: 'QUARTER',
        periodQuarter: 4,
        year: 2000,
        movementCode: 'DVK',
        recipientKind: 'UNIT',
        achievement: 'Khen thưởng quý IV năm 2000',
      });
      const person = created.find((x) => x.decisionNumber === '2/QĐ-NHAP');
      expect(person).toMatchObject({ recipientKind: 'PERSON', recipientName: personName(1) });
      expect(person?.recipientPersonId).not.toBeNull();
      const phase = created.find((x) => x.decisionNumber === '8/QĐ-NHAP');
      expect(phase).toMatchObject({ periodKind: 'PHASE', periodStart: 1998, year: 2000 });

      const audits = (await importAudits(await adminId())).filter(
        (e) => e.entityId === res.body.importId,
      );
      expect(audits).toHaveLength(1);
      expect(audits[0]?.payload).toMatchObject({
        kind: 'awards',
        fileName: 'khen-thuong.xlsx',
        sha256: res.body.sha256,
        rows: 1000,
        created: 1000,
      });
      expect((audits[0]?.payload as { createdIds: string[] }).createdIds).toEqual(
        res.body.createdIds,
      );
      console.log(
        `import of 1000 earlier awards: dry run with 3 bad rows ${times['dryRunBad']} ms, refused apply ${times['applyBad']} ms, dry run ${times['dryRun']} ms + apply ${times['apply']} ms = ${(times['dryRun'] ?? 0) + (times['apply'] ?? 0)} ms (server ${dry.body.tookMs} + ${res.body.tookMs} ms)`,
      );
    });

    it('refuses the same file a second time: every award is already recorded', async () => {
      const file = upload('khen-thuong.xlsx', await xlsx(HEADER, rows));
      const res = await post(a.admin, 'awards', 'dry-run', file);
      expect(res.body.errorCount).toBe(1000);
      expect(new Set(res.body.errors.map((e) => e.rule))).toEqual(new Set(['alreadyRecorded']));
    });
  });

  it('imports people from a CSV file, and refuses them once they are listed', async () => {
    const header = PERSON_IMPORT.columns.map((c) => c.header.en);
    const file = upload(
      'nguoi.csv',
      await csv(header, [
        [U.code, 'Lê Văn Nhập Tệp', 'Chuyên viên, Văn phòng', 1985],
        [U.code, 'Phạm Thị "Hoa" Mai', '', ''],
      ]),
    );
    const dry = await post(a.admin, 'people', 'dry-run', file);
    expect(dry.body).toMatchObject({ fileType: 'csv', rows: 2, valid: 2, errors: [] });
    const res = await post(a.admin, 'people', 'apply', file);
    expect(res.status).toBe(200);
    const people = await sys.prisma.person.findMany({ where: { id: { in: res.body.createdIds } } });
    expect(people.map((p) => [p.unitId, p.fullName, p.position, p.birthYear]).sort()).toEqual(
      [
        [U.id, 'Lê Văn Nhập Tệp', 'Chuyên viên, Văn phòng', 1985],
        [U.id, 'Phạm Thị "Hoa" Mai', null, null],
      ].sort(),
    );
    const again = await post(a.admin, 'people', 'apply', file);
    expect(again.status).toBe(422);
    expect(again.body.errors.map((e) => [e.row, e.rule])).toEqual([
      [2, 'alreadyExists'],
      [3, 'alreadyExists'],
    ]);
  });

  it('imports units under an existing parent and under earlier rows, placing them in the tree', async () => {
    const parent = await sys.prisma.unit.findUniqueOrThrow({ where: { id: U.id } });
    const file = upload(
      'don-vi.xlsx',
      await xlsx(
        ['Mã đơn vị', 'Tên đơn vị', 'Mã đơn vị cấp trên', 'Loại hình tổ chức', 'Cấp', 'Quân số'],
        [
          [`DU-${suffix}-1`, 'Đảng ủy bộ phận 1', U.code, 'PARTY_COMMITTEE', '', 40],
          [`CB-${suffix}-1`, 'Chi bộ 1', `DU-${suffix}-1`, 'PARTY_CELL', '', 12],
        ],
      ),
    );
    const res = await post(orgAdmin, 'units', 'apply', file);
    expect(res.status).toBe(200);
    const [du, cb] = await Promise.all(
      [`DU-${suffix}-1`, `CB-${suffix}-1`].map((code) =>
        sys.prisma.unit.findUniqueOrThrow({ where: { code } }),
      ),
    );
    expect(du?.parentId).toBe(U.id);
    expect(du?.path).toBe(`${parent.path || `/${U.id}/`}${du?.id}/`);
    expect(cb?.parentId).toBe(du?.id);
    expect(cb?.path).toBe(`${du?.path}${cb?.id}/`);
    const orgAdminId = (await sys.prisma.user.findUniqueOrThrow({ where: { username: orgAdmin } }))
      .id;
    expect(await importAudits(orgAdminId)).toHaveLength(1);

    // Outside their organisation an organisation administrator adds nothing.
    const other = a.units.find((u) => u.id !== U.id) as FixtureUnit;
    const outside = await post(
      orgAdmin,
      'units',
      'dry-run',
      upload(
        'ngoai.xlsx',
        await xlsx(
          ['code', 'name', 'parentCode'],
          [[`DU-${suffix}-2`, 'Đơn vị ngoài', other.code]],
        ),
      ),
    );
    expect(outside.body.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [2, 'parentCode', 'outsideScope'],
    ]);
  });

  it("replaces a cluster's member list of a year", async () => {
    const [h, d, m] = a.units;
    const res = await post(
      a.admin,
      'memberships',
      'apply',
      upload(
        'thanh-vien.xlsx',
        await xlsx(
          ['Mã cụm', 'Năm', 'Mã đơn vị', 'Vai trò'],
          [
            [a.clusterCode, 2031, h?.code ?? '', 'HEAD'],
            [a.clusterCode, 2031, d?.code ?? '', 'DEPUTY'],
            [a.clusterCode, 2031, m?.code ?? '', ''],
          ],
        ),
      ),
    );
    expect(res.status).toBe(200);
    const members = await sys.prisma.clusterMembership.findMany({
      where: { clusterId: a.clusterId, year: 2031 },
      orderBy: { position: 'asc' },
    });
    expect(members.map((x) => [x.unitId, x.role, x.position])).toEqual([
      [h?.id, 'HEAD', 0],
      [d?.id, 'DEPUTY', 1],
      [m?.id, 'MEMBER', 2],
    ]);
  });

  it('lets only administrators import, and earlier awards only the global one', async () => {
    const file = upload('x.csv', await csv(['unitCode', 'fullName'], [[U.code, 'Ai Đó']]));
    const officer = await post(U.officer, 'people', 'dry-run', file);
    expect({ status: officer.status, code: officer.body.code }).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    const awards = await post(orgAdmin, 'awards', 'dry-run', file);
    expect({ status: awards.status, code: awards.body.code }).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    const template = await sys.http.as<Problem>(U.signer, 'GET', '/imports/awards/template');
    expect(template.status).toBe(403);
  });

  it('refuses a bad kind, mode or file with the field and the rule', async () => {
    const file = upload('x.csv', await csv(['unitCode', 'fullName'], [[U.code, 'Ai Đó']]));
    const cases: [string, string, unknown, string, string][] = [
      ['proposals', 'dry-run', file, 'kind', 'matches'],
      ['people', 'later', file, 'mode', 'isIn'],
      [
        'people',
        'dry-run',
        upload('latin1.csv', Buffer.from([0x4e, 0x67, 0xe3, 0x79, 0x0a])),
        'contentBase64',
        'utf8',
      ],
      [
        'people',
        'dry-run',
        upload('hong.xlsx', Buffer.from('PK\x03\x04 not really a workbook', 'latin1')),
        'contentBase64',
        'xlsx',
      ],
    ];
    for (const [kind, mode, body, field, rule] of cases) {
      const res = await post(a.admin, kind, mode, body);
      expect({ status: res.status, errors: res.body.errors }).toEqual({
        status: 400,
        errors: [expect.objectContaining({ field, rule })],
      });
    }
  });
});
