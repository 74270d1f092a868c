import { readFileSync } from 'node:fs';
import type { APIRequestContext, Download, Page } from '@playwright/test';
import { expect, openMenuItem, test } from './support/fixtures';
import type { E2eSystemInfo } from './support/e2e-info';

/* The deciding authority's side: a title nomination reaches "awaiting decision" through the API,
 * then the authority (hdtd-cum01.lanhdao) drafts and issues the decision in the browser, previews a
 * certificate and downloads the decision; the award history is filtered, exported, revoked and
 * recovered; the reports page charts the awards and exports them as XLSX and PDF. */
test.describe.configure({ mode: 'serial' });

const suffix = `${Date.now() % 1_000_000}`;
const personName = `Trần Văn Quyết Định ${suffix}`;
const ceremony = `Lễ tuyên dương kiểm thử ${suffix}`;
const number = `${suffix}/QĐ-HĐTĐ-E2E`;

async function token(request: APIRequestContext, base: string, username: string, password: string) {
  const res = await request.post(`${base}/auth/login`, { data: { username, password } });
  expect(res.status(), await res.text()).toBe(200);
  return { Authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
}

/** A "Lao động tiên tiến" nomination of a new person of the other member unit, approved by the
 * unit's head and the board's appraisal: it then waits for the council board's decision. */
async function nominationAwaitingDecision(request: APIRequestContext, sys: E2eSystemInfo) {
  const base = sys.baseURL;
  const officer = await token(request, base, sys.other.officer, sys.password);
  const signer = await token(request, base, sys.other.signer, sys.password);
  const reviewer = await token(request, base, sys.commendation.reviewer, sys.commendation.password);
  const person = await request.post(`${base}/units/${sys.other.unitId}/people`, {
    headers: officer,
    data: { fullName: personName, position: 'Chuyên viên' },
  });
  expect(person.status(), await person.text()).toBe(201);
  const { id: personId } = (await person.json()) as { id: string };
  const file = (kind: string) => ({
    kind,
    fileName: `${kind}.pdf`,
    mediaType: 'application/pdf',
    contentBase64: Buffer.from(`%PDF-1.4\n% ${kind}\n%%EOF\n`).toString('base64'),
  });
  const created = await request.post(`${base}/nominations`, {
    headers: officer,
    data: {
      formCode: 'LDTT',
      nomineeKind: 'PERSON',
      nomineePersonId: personId,
      achievement: `Hoàn thành xuất sắc nhiệm vụ (kiểm thử quyết định ${suffix})`,
      documents: [file('to-trinh'), file('bien-ban-hop-xet')],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const waitFor = async (status: string, step?: string) =>
    expect
      .poll(
        async () => {
          const n = (await (
            await request.get(`${base}/nominations/${id}`, { headers: officer })
          ).json()) as { status: string; currentStep: { key: string } | null };
          return `${n.status}:${n.currentStep?.key ?? ''}`;
        },
        { timeout: 60_000 },
      )
      .toBe(`${status}:${step ?? ''}`);
  for (const [headers, step] of [
    [signer, 'unit-head'],
    [reviewer, 'appraisal'],
  ] as const) {
    await waitFor('IN_REVIEW', step);
    const acted = await request.post(`${base}/nominations/${id}/steps/${step}`, {
      headers,
      data: { decision: 'APPROVE' },
    });
    expect(acted.status(), await acted.text()).toBeLessThan(300);
  }
  await waitFor('AWAITING_DECISION');
}

async function loginAsLeader(page: Page, sys: E2eSystemInfo) {
  await page.goto('login');
  await page.getByLabel(/^Tên đăng nhập/).fill(sys.commendation.leader);
  await page.getByLabel(/^Mật khẩu/).fill(sys.commendation.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** The downloaded file: its name, size and first bytes. */
function saved(download: Download, path: string) {
  const bytes = readFileSync(path);
  return { name: download.suggestedFilename(), size: bytes.length, bytes };
}

async function download(page: Page, click: () => Promise<void>) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await d.path();
  return saved(d, path);
}

test('the authority drafts and issues a decision, previews a certificate and downloads it', async ({
  page,
  sys,
  request,
  shot,
}) => {
  test.setTimeout(180_000);
  await nominationAwaitingDecision(request, sys);
  await loginAsLeader(page, sys);
  await openMenuItem(page, 'Quyết định khen thưởng');
  await expect(
    page.getByRole('heading', { name: 'Quyết định khen thưởng', level: 1 }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Dự thảo quyết định' }).click();
  await expect(page.getByRole('heading', { name: 'Dự thảo quyết định khen thưởng' })).toBeVisible();

  // Nothing chosen and no number: each problem is shown where it is.
  await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await expect(page.getByText('Chọn ít nhất một hồ sơ')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Số quyết định/ })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await page.getByRole('textbox', { name: /^Số quyết định/ }).fill(number);
  await page.getByRole('textbox', { name: /^Họ tên người ký/ }).fill('Nguyễn Văn An');
  await page.getByRole('textbox', { name: /^Buổi lễ/ }).fill(ceremony);
  await page.getByRole('checkbox', { name: `Chọn ${personName}` }).check();
  await expect(page.getByText('Đã chọn 1')).toBeVisible();
  await shot('decisions-01-draft-form');
  await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await expect(page).toHaveURL(/\/decisions\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: `Quyết định số ${number}` })).toBeVisible();
  await expect(page.getByText('Dự thảo', { exact: true })).toBeVisible();
  await shot('decisions-02-draft');

  await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
  await page.getByRole('button', { name: 'Ban hành ngay' }).click();
  await expect(page.getByText('Đã ban hành', { exact: true })).toBeVisible({ timeout: 60_000 });
  const annex = page.getByRole('table', { name: 'Danh sách kèm theo' });
  await expect(annex.getByRole('row').filter({ hasText: personName })).toContainText(
    /HDTD-CUM01\/\d{4}\//,
  );
  await shot('decisions-03-issued');

  // The certificate, fetched with the token and shown from an object URL.
  await page.getByRole('button', { name: `Xem giấy chứng nhận của ${personName}` }).click();
  const frame = page.locator(`iframe[title="Giấy chứng nhận: ${personName}"]`);
  await expect(frame).toHaveAttribute('src', /^blob:/);
  // The same bytes are saved through the download link (the page's CSP lets no script fetch
  // them again).
  const link = page.getByRole('link', { name: /^Tải về giay-chung-nhan-/ });
  await expect(link).toHaveAttribute('href', /^blob:/);
  const certificate = await download(page, () => link.click());
  expect(certificate.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(certificate.size).toBeGreaterThan(5_000);
  await shot('decisions-04-certificate-preview');
  await page.keyboard.press('Escape');

  const decision = await download(page, () =>
    page.getByRole('button', { name: 'Tải quyết định (PDF)' }).click(),
  );
  expect(decision.name).toMatch(/^quyet-dinh-.*\.pdf$/);
  expect(decision.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
  expect(decision.size).toBeGreaterThan(5_000);

  // The list, filtered by the ceremony.
  await page.getByRole('link', { name: '← Danh sách quyết định' }).click();
  await page.getByRole('combobox', { name: 'Buổi lễ' }).click();
  await page.getByRole('option', { name: ceremony }).click();
  const rows = page.getByRole('table', { name: 'Quyết định khen thưởng' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(number);
  await expect(rows.nth(1)).toContainText('Đã ban hành');
  await shot('decisions-05-list-by-ceremony');
});

test('the award history is filtered, exported, revoked and recovered', async ({
  page,
  sys,
  shot,
}) => {
  await loginAsLeader(page, sys);
  await openMenuItem(page, 'Lịch sử khen thưởng');
  await expect(page.getByRole('heading', { name: 'Lịch sử khen thưởng', level: 1 })).toBeVisible();
  await page
    .locator('label')
    .filter({ hasText: /^Cá nhân$/ })
    .click();
  await page.getByRole('combobox', { name: 'Đơn vị' }).click();
  await page.getByRole('option', { name: `${sys.other.unitName} · ${sys.other.unitCode}` }).click();
  const row = page.getByRole('row').filter({ hasText: personName });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Còn hiệu lực');
  await shot('decisions-06-award-history');

  const xlsx = await download(page, async () => {
    await page.getByRole('button', { name: 'Xuất tệp' }).click();
    await page.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click();
  });
  expect(xlsx.name).toMatch(/\.xlsx$/);
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(xlsx.size).toBeGreaterThan(4_000);
  const csv = await download(page, async () => {
    await page.getByRole('button', { name: 'Xuất tệp' }).click();
    await page.getByRole('menuitem', { name: 'CSV (.csv)' }).click();
  });
  expect(csv.name).toMatch(/\.csv$/);
  const csvText = csv.bytes.toString('utf8');
  expect(csvText.startsWith('\uFEFFNăm,')).toBe(true);
  expect(csvText).toContain(personName);

  // Revoking needs a reason, shown next to its field when missing.
  await row.getByRole('button', { name: `Hủy bỏ khen thưởng của ${personName}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Xác nhận hủy bỏ' }).click();
  await expect(dialog.getByText('Cần ít nhất 5 ký tự')).toBeVisible();
  await dialog
    .getByRole('textbox', { name: /^Lý do hủy bỏ/ })
    .fill('Hồ sơ kê khai không trung thực (kiểm thử)');
  await shot('decisions-07-revoke-dialog');
  await dialog.getByRole('button', { name: 'Xác nhận hủy bỏ' }).click();
  await expect(row).toContainText('Đã hủy bỏ');
  await row.getByRole('button', { name: `Ghi nhận thu hồi hiện vật của ${personName}` }).click();
  await page
    .getByRole('dialog')
    .getByRole('textbox', { name: /^Nội dung đã thu hồi/ })
    .fill('Đã thu hồi giấy chứng nhận và tiền thưởng');
  await page.getByRole('dialog').getByRole('button', { name: 'Ghi nhận thu hồi' }).click();
  await expect(row).toContainText('đã thu hồi');
  await shot('decisions-08-revoked');
});

test('the reports page charts the awards and exports them as XLSX and PDF', async ({
  page,
  sys,
  shot,
}) => {
  await loginAsLeader(page, sys);
  await openMenuItem(page, 'Báo cáo thống kê');
  await expect(
    page.getByRole('heading', { name: 'Báo cáo thống kê khen thưởng', level: 1 }),
  ).toBeVisible();
  const chart = page.getByRole('img', { name: /Biểu đồ cột: số khen thưởng mỗi năm/ });
  await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Theo cấp khen thưởng' })).toContainText('Cơ sở');
  await shot('decisions-09-reports');

  // A period that ends before it starts: the API's refusal sits under "Đến năm".
  const to = page.getByRole('combobox', { name: 'Đến năm' });
  const previous = await to.inputValue();
  await to.click();
  await page.getByRole('option', { name: '2020', exact: true }).click();
  await expect(page.getByText('Năm kết thúc không được trước năm bắt đầu')).toBeVisible();
  await to.click();
  await page.getByRole('option', { name: previous, exact: true }).click();
  await expect(chart).toBeVisible();

  const xlsx = await download(page, () => page.getByRole('button', { name: 'Xuất Excel' }).click());
  expect(xlsx.name).toMatch(/^bao-cao-khen-thuong-.*\.xlsx$/);
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(xlsx.size).toBeGreaterThan(4_000);
  const pdf = await download(page, () => page.getByRole('button', { name: 'Xuất PDF' }).click());
  expect(pdf.name).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
  expect(pdf.size).toBeGreaterThan(5_000);

  // In English, with the numbers still written the Vietnamese way.
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Awards report', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'By level', exact: true })).toContainText(
    'Grassroots',
  );
  await shot('decisions-10-reports-en');
  await page.getByText('VI', { exact: true }).click();
});
