import type { APIRequestContext, Page } from '@playwright/test';
import type { E2eSystemInfo } from './support/e2e-info';
import { authHeaders, expect, test } from './support/fixtures';

/* What was reachable only through the API, now in the app: an objection filed from the public
 * posting page without an account and resolved by the board; an administrator adds a person to a
 * unit and enters an earlier award; the signing round's audit trail; the deciding authorities. */
test.describe.configure({ mode: 'serial' });

const BOARD_REVIEWER = 'bdv-tu.reviewer';
const year = Number(
  new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(
    new Date(),
  ),
);
const pdf = (kind: string) => ({
  kind,
  fileName: `${kind}.pdf`,
  mediaType: 'application/pdf',
  contentBase64: Buffer.from(`%PDF-1.4\n% ${kind}\n%%EOF\n`).toString('base64'),
});

/** A unit of the cluster no other browser test acts for. */
const spareUnit = (sys: E2eSystemInfo) => {
  const used = [sys.head.unitCode, sys.member.unitCode, sys.other.unitCode];
  const unit = sys.units.filter((u) => !used.includes(u.unitCode)).at(-1);
  if (!unit) throw new Error('the cluster has no spare unit');
  return unit;
};

function tokenOf(request: APIRequestContext, sys: E2eSystemInfo, username: string) {
  const password = username === BOARD_REVIEWER ? sys.commendation.password : sys.password;
  return authHeaders(request, sys.baseURL, username, password);
}

async function signIn(page: Page, username: string, password: string) {
  await page.goto('login');
  await page.getByLabel(/^Tên đăng nhập/).fill(username);
  await page.getByLabel(/^Mật khẩu/).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

let posted: { id: string; nomineeName: string; achievement: string } | null = null;
const objection = {
  text: `Đơn vị chưa hoàn thành chỉ tiêu phát triển đảng viên mới năm ${year} (phản ánh kiểm thử)`,
  name: 'Trần Văn Phản Ánh',
  contact: 'phananh@example.vn',
};

test('a nomination reaches its public posting (through the API)', async ({ sys, request }) => {
  const unit = spareUnit(sys);
  // Its own words: earlier runs left postings of units of the same name.
  const achievement = `Thành tích xuất sắc trong công tác dân vận năm ${year} (lượt ${Date.now()})`;
  const officer = await tokenOf(request, sys, unit.officer);
  const created = await request.post(`${sys.baseURL}/nominations`, {
    headers: officer,
    data: {
      cycleId: sys.cycleId,
      year,
      formCode: 'GK-BDV',
      nomineeKind: 'UNIT',
      nomineeUnitId: unit.unitId,
      achievement,
      documents: ['to-trinh', 'bao-cao-thanh-tich', 'bien-ban-hop-xet'].map(pdf),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const board = await tokenOf(request, sys, BOARD_REVIEWER);
  const detail = async () =>
    (await (await request.get(`${sys.baseURL}/nominations/${id}`, { headers: board })).json()) as {
      status: string;
      nomineeName: string;
      currentStep: { key: string } | null;
    };
  for (const [username, step] of [
    [unit.signer, 'unit-head'],
    [sys.head.signer, 'cluster-head'],
    [BOARD_REVIEWER, 'appraisal'],
  ] as const) {
    await expect.poll(async () => (await detail()).currentStep?.key).toBe(step);
    const acted = await request.post(`${sys.baseURL}/nominations/${id}/steps/${step}`, {
      headers: await tokenOf(request, sys, username),
      data: { decision: 'APPROVE' },
    });
    expect(acted.status(), await acted.text()).toBe(200);
  }
  await expect.poll(async () => (await detail()).status).toBe('POSTED');
  posted = { id, nomineeName: (await detail()).nomineeName, achievement };
});

test('anyone files an objection from the public posting page, without an account', async ({
  page,
  shot,
}) => {
  expect(posted).not.toBeNull();
  const { nomineeName, achievement } = posted!;
  await page.goto('postings');
  await page
    .getByRole('row')
    .filter({ hasText: achievement })
    .getByRole('button', { name: `Gửi phản ánh về ${nomineeName}` })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Ý kiến phản ánh' });
  await expect(dialog).toContainText(nomineeName);
  // The contact is checked before anything is sent.
  await dialog.getByRole('textbox', { name: /^Nội dung phản ánh/ }).fill(objection.text);
  await dialog.getByRole('textbox', { name: /^Họ và tên người phản ánh/ }).fill(objection.name);
  await dialog.getByRole('textbox', { name: /^Điện thoại hoặc thư điện tử/ }).fill('không có');
  await dialog.getByRole('button', { name: 'Gửi phản ánh' }).click();
  await expect(dialog.getByText('Nhập số điện thoại hoặc địa chỉ thư điện tử')).toBeVisible();
  await dialog
    .getByRole('textbox', { name: /^Điện thoại hoặc thư điện tử/ })
    .fill(objection.contact);
  await shot('coverage-01-public-objection-form');
  await dialog.getByRole('button', { name: 'Gửi phản ánh' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Đã nhận ý kiến phản ánh' }),
  ).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await shot('coverage-02-public-objection-filed');
});

test('the board sees who objected and resolves the objection in the app', async ({
  page,
  sys,
  shot,
}) => {
  expect(posted).not.toBeNull();
  await signIn(page, BOARD_REVIEWER, sys.commendation.password);
  await page.goto(`nominations/${posted!.id}`);
  // The objection in the objections card (the history table repeats its text).
  const filed = page.getByRole('paragraph').filter({ hasText: objection.text });
  await expect(filed).toBeVisible();
  const card = filed.locator('..');
  await expect(
    page.getByText(`Người phản ánh: ${objection.name} · liên hệ: ${objection.contact}`),
  ).toBeVisible();
  await card
    .getByRole('textbox', { name: 'Kết quả xác minh' })
    .fill('Đơn vị đã hoàn thành chỉ tiêu, có số liệu kèm theo');
  await shot('coverage-03-board-objection');
  await card.getByRole('button', { name: 'Không có cơ sở' }).click();
  await expect(card).toContainText('Đơn vị đã hoàn thành chỉ tiêu, có số liệu kèm theo');
  await expect(card.getByRole('button', { name: 'Không có cơ sở' })).toHaveCount(0);
});

test('an administrator adds a person to a unit from the organisation tree', async ({
  page,
  sys,
  login,
  shot,
}) => {
  const unit = spareUnit(sys);
  const fullName = `Lê Thị Thêm Mới ${Date.now() % 100000}`;
  await login(sys.admin);
  await page.goto('admin/organisations');
  await page.getByRole('textbox', { name: /^Tìm đơn vị/ }).fill(unit.unitCode);
  await page
    .getByRole('button', { name: new RegExp(`^Tài khoản và cán bộ của ${unit.unitCode}:`) })
    .click();
  const drawer = page.getByRole('dialog', { name: `Tài khoản và cán bộ của ${unit.unitCode}` });
  const form = drawer.getByRole('form', { name: 'Thêm cá nhân' });
  await form.getByRole('textbox', { name: /^Họ và tên/ }).fill(fullName);
  await form.getByRole('textbox', { name: /^Chức vụ/ }).fill('Chuyên viên');
  await form.getByRole('textbox', { name: /^Năm sinh/ }).fill('1990');
  await form.getByRole('button', { name: 'Thêm cá nhân' }).click();
  await expect(page.getByText(`Đã thêm ${fullName}`)).toBeVisible();
  const people = drawer.getByRole('table', { name: 'Cán bộ, đảng viên' });
  await expect(people.getByRole('row').filter({ hasText: fullName })).toContainText('1990');
  await expect(form.getByRole('textbox', { name: /^Họ và tên/ })).toHaveValue('');
  await shot('coverage-04-person-added');
});

test('an administrator enters an earlier award and sees it in the history', async ({
  page,
  sys,
  login,
  shot,
}) => {
  const unit = spareUnit(sys);
  const decision = `${Date.now() % 100000}/QĐ-BDVTU`;
  await login(sys.admin);
  await page.goto('admin/award-forms');
  await page.getByRole('link', { name: 'Nhập khen thưởng trước đây' }).click();
  await expect(
    page.getByRole('heading', { name: 'Nhập khen thưởng trước đây', level: 1 }),
  ).toBeVisible();
  const unitPicker = page.getByRole('combobox', { name: /^Đơn vị/ });
  await unitPicker.click();
  await unitPicker.fill(unit.unitCode);
  await page.getByRole('option', { name: new RegExp(`\\(${unit.unitCode}\\)$`) }).click();
  await expect(page.getByText('Chưa có khen thưởng nào.')).toBeVisible();
  await page.getByRole('combobox', { name: /^Hình thức khen thưởng/ }).click();
  await page
    .getByRole('option', { name: /^Giấy khen của Ban Dân vận Thành ủy —/ })
    .first()
    .click();
  await page.getByRole('textbox', { name: /^Năm/ }).fill(String(year - 2));
  await page.getByRole('textbox', { name: /^Số quyết định/ }).fill(decision);
  await page
    .getByRole('textbox', { name: /^Thành tích/ })
    .fill(`Hoàn thành xuất sắc nhiệm vụ năm ${year - 2}`);
  await page.getByRole('button', { name: 'Ghi nhận khen thưởng' }).click();
  await expect(page.getByText('Đã ghi nhận khen thưởng vào lịch sử')).toBeVisible();
  const row = page.getByTestId('past-award-history').getByRole('row').filter({ hasText: decision });
  await expect(row).toContainText(String(year - 2));
  await expect(row).toContainText('Nhập từ hồ sơ cũ');
  await shot('coverage-05-earlier-award');
});

test("the signing round's audit trail shows who signed and when", async ({
  page,
  sys,
  login,
  request,
  shot,
}) => {
  // A unit no other test acts for signs the main round's pledge (through the API).
  const unit = spareUnit(sys);
  const signer = await tokenOf(request, sys, unit.signer);
  const round = await request.get(`${sys.baseURL}/signing-rounds/${sys.roundId}`, {
    headers: signer,
  });
  expect(round.status()).toBe(200);
  const { pledge } = (await round.json()) as { pledge: { version: number } };
  const signed = await request.post(`${sys.baseURL}/signing-rounds/${sys.roundId}/sign`, {
    headers: signer,
    data: { unitId: unit.unitId, version: pledge.version },
  });
  expect([200, 409], await signed.text()).toContain(signed.status());

  await login(sys.admin);
  await page.goto('admin/cycles');
  await page.getByRole('link', { name: `Nhật ký đợt ký kết ${sys.movementCode} ${year}` }).click();
  await expect(
    page.getByRole('heading', { name: 'Nhật ký đợt ký kết giao ước', level: 1 }),
  ).toBeVisible();
  const trail = page.getByTestId('round-audit');
  await expect(trail.getByRole('listitem').first()).toContainText('Mở đợt ký kết');
  await expect(
    trail
      .getByRole('listitem')
      .filter({ hasText: 'Ký giao ước' })
      .filter({ hasText: /Phiên bản giao ước \d+/ }),
  ).not.toHaveCount(0);
  await shot('coverage-06-round-audit');
});

test('everyone finds the deciding authorities and their award forms', async ({
  page,
  sys,
  login,
  shot,
}) => {
  await login(sys.admin);
  await page.goto('admin/award-forms');
  await page.getByRole('link', { name: 'Cơ quan có thẩm quyền' }).click();
  const board = page.getByRole('region', { name: 'Ban Dân vận Thành ủy Thành phố Hồ Chí Minh' });
  await expect(board).toContainText('GK-BDV');
  await shot('coverage-07-authorities');
});
