import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import type { E2eSystemInfo } from './support/e2e-info';
import { expect, test } from './support/fixtures';

/* Organisations at every level: the administrator checks a bulk import of people (one bad row is
 * named by row, column and rule, nothing is written), and an officer picks a registered model by
 * name when nominating it. A district's administrator sees its own subtree on the organisation
 * tree (never its sibling district), moves and adds units there; the district's office proposes a
 * ward in a proposal list and follows its nomination; the reports page is scoped to the district
 * and its filters narrow it. */
test.describe.configure({ mode: 'serial' });

interface Unit {
  id: string;
  code: string;
  name: string;
}
interface DistrictTree {
  city: Unit;
  district: Unit;
  sibling: Unit;
  ward: Unit;
  cell: Unit;
  admin: string;
  officer: string;
  formName: string;
}

let seeded: DistrictTree | undefined;

/**
 * A city with two districts (like Quận 3 and Quận 1) beneath it, a ward's party committee and a
 * party cell beneath the first district; the first district's administrator (ORG_ADMIN), office
 * officer, signer and board reviewer; and the district's own Giấy khen. Seeded once through the
 * API as the global administrator (the e2e database has no demo tree of its own).
 */
async function districtTree(request: APIRequestContext, sys: E2eSystemInfo): Promise<DistrictTree> {
  if (seeded) return seeded;
  const sfx = randomUUID().slice(0, 6);
  const SFX = sfx.toUpperCase();
  const auth = await request.post(`${sys.baseURL}/auth/login`, {
    data: { username: sys.admin, password: sys.password },
  });
  expect(auth.status()).toBeLessThan(300);
  const { accessToken } = (await auth.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };
  const post = async <T>(path: string, data: object): Promise<T> => {
    const res = await request.post(`${sys.baseURL}${path}`, { headers, data });
    expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as T;
  };
  const unit = (
    code: string,
    name: string,
    parentId: string | null,
    level: string | null,
    orgKind: string,
  ) => post<Unit>('/admin/units', { code, name, parentId, level, orgKind });
  const city = await unit(
    `E2E-TP-${SFX}`,
    `Thành ủy kiểm thử ${SFX}`,
    null,
    'PROVINCE',
    'PARTY_COMMITTEE',
  );
  const district = await unit(
    `QU-Q3-${SFX}`,
    `Quận ủy Quận 3 ${SFX}`,
    city.id,
    'DISTRICT',
    'PARTY_COMMITTEE',
  );
  const sibling = await unit(
    `QU-Q1-${SFX}`,
    `Quận ủy Quận 1 ${SFX}`,
    city.id,
    'DISTRICT',
    'PARTY_COMMITTEE',
  );
  const ward = await unit(
    `DU-P-${SFX}`,
    `Đảng ủy Phường Võ Thị Sáu ${SFX}`,
    district.id,
    'BASE',
    'PARTY_COMMITTEE',
  );
  const cell = await unit(`CB-KP1-${SFX}`, `Chi bộ Khu phố 1 ${SFX}`, ward.id, null, 'PARTY_CELL');
  const account = async (role: string, roles: string[]) => {
    const username = `qu-q3-${sfx}.${role}`;
    await post('/admin/users', {
      username,
      fullName: `${role} – ${district.name}`,
      unitId: district.id,
      roles,
      password: sys.password,
    });
    return username;
  };
  const admin = await account('admin', ['ORG_ADMIN']);
  const officer = await account('officer', ['UNIT_OFFICER']);
  await account('signer', ['UNIT_SIGNER']);
  await account('reviewer', ['REVIEWER']);
  // The district decides its own Giấy khen: its office proposes, its head and its board approve.
  const formName = `Giấy khen của Quận ủy Quận 3 ${SFX}`;
  await post('/award-forms', {
    code: `GK-Q3-${SFX}`,
    name: { vi: formName, en: `District certificate ${SFX}` },
    category: 'COMMENDATION',
    level: 'DISTRICT',
    authorityCode: district.code,
    nomineeKinds: ['UNIT', 'PERSON'],
    dossier: [{ kind: 'to-trinh', label: { vi: 'Tờ trình', en: 'Memo' }, required: true }],
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
  });
  seeded = { city, district, sibling, ward, cell, admin, officer, formName };
  return seeded;
}

test('the administrator checks a people import and sees the bad row', async ({
  page,
  sys,
  login,
  shot,
}) => {
  await login(sys.admin);
  await page.goto('admin/import');
  await expect(
    page.getByRole('heading', { name: 'Nhập dữ liệu hàng loạt', level: 1 }),
  ).toBeVisible();
  await page.getByRole('combobox', { name: /^Loại dữ liệu/ }).click();
  await page.getByRole('option', { name: 'Người của đơn vị' }).click();
  const csv = [
    'Mã đơn vị,Họ và tên,Chức vụ,Năm sinh',
    `${sys.member.unitCode},Nguyễn Văn Nhập,Chuyên viên,1985`,
    `${sys.member.unitCode},Trần Thị Lỗi,Chuyên viên,năm ngoái`,
  ].join('\n');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'nguoi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Kiểm tra (chạy thử)' }).click();
  const row = page.getByRole('row').filter({ hasText: 'birthYear' });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').first()).toHaveText('3');
  await expect(page.getByRole('button', { name: 'Nhập dữ liệu' })).toBeDisabled();
  await shot('organisations-01-import-errors');
});

test('the officer picks a registered model by name when nominating it', async ({
  page,
  sys,
  login,
  request,
  shot,
}) => {
  const title = `Mô hình dân vận khéo ${randomUUID().slice(0, 8)}`;
  const auth = await request.post(`${sys.baseURL}/auth/login`, {
    data: { username: sys.other.officer, password: sys.password },
  });
  expect(auth.status()).toBeLessThan(300);
  const { accessToken } = (await auth.json()) as { accessToken: string };
  const registered = await request.post(`${sys.baseURL}/cycles/${sys.cycleId}/registrations`, {
    headers: { authorization: `Bearer ${accessToken}`, 'idempotency-key': randomUUID() },
    data: {
      unitId: sys.other.unitId,
      titles: ['Tập thể lao động xuất sắc'],
      initiatives: [
        {
          kind: 'MODEL',
          field: 'Dân vận',
          isNew: true,
          ownerType: 'COLLECTIVE',
          ownerName: sys.other.unitName,
          title,
          description: 'Mô hình dân vận khéo ở khu dân cư',
        },
      ],
    },
  });
  expect(registered.status(), await registered.text()).toBeLessThan(300);

  await login(sys.other.officer);
  await page.goto('nominations/new');
  await page.getByRole('combobox', { name: /^Đối tượng/ }).click();
  await page.getByRole('option', { name: 'Mô hình, sáng kiến' }).click();
  const picker = page.getByRole('combobox', { name: /^Mô hình, sáng kiến/ });
  await picker.click();
  await picker.fill(title.slice(0, 20));
  await expect(page.getByRole('option', { name: new RegExp(title) })).toBeVisible();
  await shot('organisations-02-model-picker');
});

test("a district's administrator sees its own subtree only, and moves and adds units in it", async ({
  page,
  sys,
  login,
  request,
  shot,
}) => {
  const tree = await districtTree(request, sys);
  await login(tree.admin);
  await page.goto('admin/organisations');
  await expect(page.getByRole('heading', { name: 'Cây tổ chức', level: 1 })).toBeVisible();
  const orgTree = page.getByTestId('org-tree');
  await expect(orgTree.getByText(tree.district.name, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Mở rộng tất cả' }).click();
  await expect(orgTree.getByText(tree.ward.name, { exact: true })).toBeVisible();
  await expect(orgTree.getByText(tree.cell.name, { exact: true })).toBeVisible();
  // The sibling district and the city are not in the tree; the city shows only as "above".
  await expect(orgTree.getByText(tree.sibling.name)).toHaveCount(0);
  await expect(orgTree.getByText(tree.city.name)).toHaveCount(0);
  await expect(page.getByTestId('org-ancestors')).toContainText(tree.city.name);
  // Level and kind of each organisation; its own organisation cannot be moved by it.
  await expect(page.getByTestId(`org-${tree.cell.code}`)).toContainText('Chi bộ');
  await expect(page.getByTestId(`org-${tree.ward.code}`).first()).toContainText('Cơ sở');
  await expect(
    page.getByRole('button', { name: `Chuyển đơn vị ${tree.district.code}` }),
  ).toHaveCount(0);
  await shot('organisations-03-tree-district');

  // The sibling's tree is refused by the API too.
  const auth = await request.post(`${sys.baseURL}/auth/login`, {
    data: { username: tree.admin, password: sys.password },
  });
  const { accessToken } = (await auth.json()) as { accessToken: string };
  const sibling = await request.get(`${sys.baseURL}/organisations/${tree.sibling.id}/tree`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(sibling.status()).toBe(403);

  // Moving the ward beneath its own party cell: the API's ORGANISATION_CYCLE, in Vietnamese.
  await page.getByRole('button', { name: `Chuyển đơn vị ${tree.ward.code}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: /^Đơn vị cấp trên mới/ }).click();
  await page.getByRole('option', { name: new RegExp(tree.cell.code) }).click();
  await dialog.getByRole('button', { name: 'Chuyển đơn vị' }).click();
  await expect(dialog.getByText(/nằm trong chính nhánh của đơn vị được chuyển/)).toBeVisible();
  await shot('organisations-04-move-refused');
  await dialog.getByRole('button', { name: 'Hủy' }).click();

  // A new party cell beneath the ward.
  const code = `CB-KP2-${tree.district.code.slice(-6)}`;
  await page.getByRole('button', { name: `Thêm đơn vị trực thuộc ${tree.ward.code}` }).click();
  await dialog.getByRole('textbox', { name: /^Mã đơn vị/ }).fill(code);
  await dialog.getByRole('textbox', { name: /^Tên đơn vị/ }).fill(`Chi bộ Khu phố 2 ${code}`);
  await dialog.getByRole('combobox', { name: /^Loại hình tổ chức/ }).click();
  await page.getByRole('option', { name: 'Chi bộ' }).click();
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(orgTree.getByText(`Chi bộ Khu phố 2 ${code}`)).toBeVisible();

  // The district's accounts, from the tree.
  await page.getByRole('button', { name: `Tài khoản và cán bộ của ${tree.district.code}` }).click();
  await expect(page.getByRole('dialog').getByText(tree.officer)).toBeVisible();
  await shot('organisations-05-accounts');
});

test("the district's office proposes a ward in a proposal list and follows its nomination", async ({
  page,
  sys,
  login,
  request,
  shot,
}) => {
  const tree = await districtTree(request, sys);
  await login(tree.officer);
  await page.goto('proposals');
  await expect(
    page.getByRole('heading', { name: 'Tờ trình đề nghị khen thưởng', level: 1 }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Lập tờ trình' }).click();
  await expect(
    page.getByRole('heading', { name: 'Lập tờ trình đề nghị khen thưởng', level: 1 }),
  ).toBeVisible();
  await page.getByRole('combobox', { name: /^Hình thức khen thưởng/ }).click();
  await page.getByRole('option', { name: tree.formName }).click();
  const title = `Tờ trình đề nghị tặng Giấy khen ${tree.district.code}`;
  await page.getByRole('textbox', { name: /^Trích yếu tờ trình/ }).fill(title);
  await page.getByRole('textbox', { name: /^Số tờ trình/ }).fill('15-TTr/QU');
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles({
      name: 'to-trinh.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% to-trinh\n%%EOF\n'),
    });
  await page.getByRole('combobox', { name: /^Tập thể được đề nghị thứ 1/ }).click();
  await page.getByRole('option', { name: new RegExp(tree.ward.name) }).click();
  await page
    .getByRole('textbox', { name: /^Thành tích của đối tượng thứ 1/ })
    .fill('Hoàn thành xuất sắc nhiệm vụ công tác dân vận của phường');
  await shot('organisations-06-proposal-form');
  await page.getByRole('button', { name: /^Gửi tờ trình/ }).click();

  await expect(page).toHaveURL(/\/proposals\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const nominations = page.getByTestId('proposal-nominations');
  const row = nominations.getByRole('row').filter({ hasText: tree.ward.name });
  await expect(row).toContainText('Đang xét duyệt');
  await expect(row.getByRole('link', { name: tree.ward.name })).toHaveAttribute(
    'href',
    /\/nominations\//,
  );
  await shot('organisations-07-proposal-detail');

  await page.getByRole('link', { name: 'Danh sách tờ trình' }).click();
  await expect(
    page.getByTestId('proposals-table').getByRole('link', { name: title }),
  ).toBeVisible();
});

test("the district's report is of its subtree, by child, narrowed by the filters", async ({
  page,
  sys,
  login,
  request,
  shot,
}) => {
  const tree = await districtTree(request, sys);
  await login(tree.admin);
  await page.goto('reports');
  await expect(
    page.getByRole('heading', { name: 'Báo cáo thống kê khen thưởng', level: 1 }),
  ).toBeVisible();
  // The caller's own organisation by default, with a row per organisation directly beneath it.
  await expect(page.getByTestId('report-scope')).toHaveText(
    `Báo cáo của ${tree.district.name} và các đơn vị trực thuộc.`,
  );
  const children = page.getByTestId('report-children');
  await expect(children.getByRole('button', { name: tree.ward.name })).toBeVisible();
  await expect(children).not.toContainText(tree.sibling.name);

  // The organisation filter offers the subtree (and the city above), never the sibling.
  const organisation = page.getByRole('combobox', { name: /^Tổ chức/ });
  await organisation.click();
  await expect(page.getByRole('option', { name: new RegExp(tree.sibling.name) })).toHaveCount(0);
  await page.getByRole('option', { name: new RegExp(tree.ward.name) }).click();
  await expect(page.getByTestId('report-scope')).toHaveText(
    `Báo cáo của ${tree.ward.name} và các đơn vị trực thuộc.`,
  );

  // An exact quarter replaces the range of years; level and recipient kind narrow further.
  await page.getByRole('combobox', { name: /^Kỳ/ }).click();
  await page.getByRole('option', { name: 'Quý' }).click();
  await expect(page.getByRole('combobox', { name: /^Quý/ })).toBeVisible();
  await expect(page.getByRole('combobox', { name: /^Từ năm/ })).toHaveCount(0);
  await page.getByRole('combobox', { name: /^Cấp khen thưởng/ }).click();
  await page.getByRole('option', { name: 'Cơ sở' }).click();
  await page.getByRole('combobox', { name: /^Đối tượng/ }).click();
  await page.getByRole('option', { name: 'Đơn vị (tập thể)' }).click();
  await expect(page.getByTestId('report-scope')).toBeVisible();
  // The filters narrow to nothing: the empty report says so, and no error is shown.
  await expect(page.getByRole('alert')).toHaveText('Không có khen thưởng nào trong kỳ báo cáo.');
  await shot('organisations-08-report-filters');
});
