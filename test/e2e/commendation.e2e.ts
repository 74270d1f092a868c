import { expect, openMenuItem, test } from './support/fixtures';

/* From nomination to certificate: the officer submits a dossier with its files, the unit's signer
 * approves from the inbox, the board's reviewer appraises, the deciding authority issues a decision
 * (through the API here: drafting and issuing on the decisions page is covered by
 * decisions.e2e.ts) and anyone verifies the certificate. */
test.describe.configure({ mode: 'serial' });

let nominationUrl = '';

test('the officer submits a nomination with its dossier files', async ({
  page,
  sys,
  login,
  shot,
}) => {
  await login(sys.member.officer);
  await openMenuItem(page, 'Hồ sơ đề nghị khen thưởng');
  await expect(
    page.getByRole('heading', { name: 'Hồ sơ đề nghị khen thưởng', level: 1 }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Lập hồ sơ đề nghị' }).click();
  await page.getByRole('combobox', { name: /^Hình thức khen thưởng/ }).click();
  await page.getByRole('option', { name: 'Danh hiệu "Lao động tiên tiến"' }).click();
  await expect(page.getByRole('combobox', { name: /^Đối tượng/ })).toHaveValue('Cá nhân');
  await page.getByRole('combobox', { name: /^Cá nhân được đề nghị/ }).click();
  await page.getByRole('option', { name: new RegExp(sys.commendation.personName) }).click();
  await page
    .getByRole('textbox', { name: /^Thành tích/ })
    .fill('Hoàn thành xuất sắc nhiệm vụ công tác dân vận năm 2026');
  // Submitting without the files: the API names what the dossier lacks.
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /hồ sơ|Hồ sơ/ })).toBeVisible();
  await shot('commendation-01-dossier-incomplete');

  const pdf = (name: string) => ({
    name,
    mimeType: 'application/pdf',
    buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`),
  });
  const inputs = page.locator('input[type="file"]');
  await expect(inputs).toHaveCount(2);
  await inputs.nth(0).setInputFiles(pdf('to-trinh.pdf'));
  await inputs.nth(1).setInputFiles(pdf('bien-ban-hop-xet.pdf'));
  await shot('commendation-02-form-filled');
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await expect(page.getByText('Đã nộp hồ sơ đề nghị khen thưởng.')).toBeVisible();
  await expect(page).toHaveURL(/\/nominations\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Đang xét duyệt').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'to-trinh.pdf' })).toBeVisible();
  nominationUrl = new URL(page.url()).pathname.replace(/^\/app\//, '');
  await shot('commendation-03-submitted');

  await openMenuItem(page, 'Hồ sơ đề nghị khen thưởng');
  const row = page.getByRole('row').filter({ hasText: sys.commendation.personName });
  await expect(row).toContainText('Đang xét duyệt');
  await shot('commendation-04-list');
});

test('the unit signer approves it from the inbox', async ({ page, sys, login, shot }) => {
  expect(nominationUrl).not.toBe('');
  await login(sys.member.signer);
  await openMenuItem(page, 'Hồ sơ chờ xử lý');
  const row = page.getByRole('row').filter({ hasText: sys.commendation.personName });
  await expect(row).toBeVisible();
  await shot('commendation-05-signer-inbox');
  await row.getByRole('link', { name: sys.commendation.personName }).click();
  await expect(page.getByText('Ý kiến của bạn ở bước này')).toBeVisible();
  await shot('commendation-06-signer-detail');
  await page.getByRole('button', { name: 'Đồng ý', exact: true }).click();
  await expect(page.getByText('Đã ghi nhận ý kiến.')).toBeVisible();
  await expect(page.getByText('Ý kiến của bạn ở bước này')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Lịch sử xử lý' })).toContainText('Đồng ý');
});

test('the reviewer approves; the authority issues the decision; the certificate verifies', async ({
  page,
  sys,
  shot,
  request,
}) => {
  expect(nominationUrl).not.toBe('');
  await page.goto('login');
  await page.getByLabel(/^Tên đăng nhập/).fill(sys.commendation.reviewer);
  await page.getByLabel(/^Mật khẩu/).fill(sys.commendation.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await openMenuItem(page, 'Hồ sơ chờ xử lý');
  await page
    .getByRole('row')
    .filter({ hasText: sys.commendation.personName })
    .getByRole('link')
    .click();
  await page.getByRole('button', { name: 'Đồng ý', exact: true }).click();
  await expect(page.getByText('Đã ghi nhận ý kiến.')).toBeVisible();
  await expect(page.getByText('Chờ quyết định').first()).toBeVisible();
  await shot('commendation-07-awaiting-decision');
  const nominationId = nominationUrl.split('/').pop() ?? '';

  // The authority drafts and issues the decision through the API (the decisions page has its own
  // test, decisions.e2e.ts).
  const base = sys.baseURL;
  const login = await request.post(`${base}/auth/login`, {
    data: { username: sys.commendation.leader, password: sys.commendation.password },
  });
  expect(login.status()).toBe(200);
  const { accessToken: token } = (await login.json()) as { accessToken: string };
  const headers = { Authorization: `Bearer ${token}` };
  const draft = await request.post(`${base}/decisions`, {
    headers,
    data: {
      number: `${Date.now() % 100000}/QĐ-HĐTĐ-E2E`,
      signedOn: new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10),
      title: 'Quyết định về việc công nhận danh hiệu Lao động tiên tiến (kiểm thử)',
      signerTitle: 'CHỦ TỊCH HỘI ĐỒNG',
      nominationIds: [nominationId],
    },
  });
  expect(draft.status(), await draft.text()).toBe(201);
  const { id: decisionId } = (await draft.json()) as { id: string };
  const issued = await request.post(`${base}/decisions/${decisionId}/issue`, {
    headers,
    timeout: 60_000,
  });
  expect(issued.status(), await issued.text()).toBe(200);
  const certificates = await request.get(`${base}/decisions/${decisionId}/certificates`, {
    headers,
  });
  expect(certificates.status()).toBe(200);
  expect(certificates.headers()['content-type']).toContain('application/pdf');

  await page.goto(nominationUrl);
  await expect(page.getByText('Đã khen thưởng').first()).toBeVisible({ timeout: 30_000 });
  const code = page.getByRole('alert').filter({ hasText: 'Mã xác thực' }).getByRole('link');
  await expect(code).toBeVisible();
  await shot('commendation-08-awarded');

  // Public, without a session.
  await page.evaluate('localStorage.clear(); sessionStorage.clear()');
  await code.click();
  await expect(page.getByText('Giấy chứng nhận hợp lệ')).toBeVisible();
  await expect(page.getByText(sys.commendation.personName)).toBeVisible();
  await shot('commendation-09-verify-valid');
  await page.goto('verify/ZZZZ-ZZZZ-ZZZZ');
  await expect(
    page.getByText('Không tìm thấy giấy chứng nhận có mã ZZZZ-ZZZZ-ZZZZ.'),
  ).toBeVisible();
});

test('the login page links to certificate verification and the public posting', async ({
  page,
  shot,
}) => {
  await page.goto('login');
  await page.getByRole('link', { name: 'Công khai danh sách đề nghị khen thưởng' }).click();
  await expect(
    page.getByRole('heading', { name: 'Công khai danh sách đề nghị khen thưởng' }),
  ).toBeVisible();
  await shot('commendation-10-postings');
  await page.goto('login');
  await page.getByRole('link', { name: 'Xác thực giấy chứng nhận' }).click();
  await expect(page.getByRole('heading', { name: 'Xác thực giấy chứng nhận' })).toBeVisible();
});
