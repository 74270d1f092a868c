import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { authHeaders, expect, expectAccessible, openMenuItem, test } from './support/fixtures';
import type { E2eSystemInfo } from './support/e2e-info';
import { ARTIFACTS_DIR } from './support/paths';

/* Event notices and the time to a usable page: a dossier the cluster head returns waits in the
 * proposer's to-do list with the reason, and an in-app notice tells him so; then the time from
 * signing in to a usable to-do list and three other key pages, measured in the browser. */
test.describe.configure({ mode: 'serial' });

const formCode = `RET-E2E-${Date.now().toString(36).toUpperCase()}`;
const formName = `Giấy khen kiểm thử trả lại hồ sơ ${formCode}`;
const reason = 'Bổ sung báo cáo thành tích có xác nhận của cấp ủy';

test('a returned dossier waits in the proposer’s to-do list with the reason, with an in-app notice', async ({
  page,
  request,
  sys,
  login,
  shot,
}) => {
  test.setTimeout(120_000);
  const base = sys.baseURL;
  const admin = await authHeaders(request, base, sys.admin, sys.password);
  const form = await request.post(`${base}/award-forms`, {
    headers: admin,
    data: {
      code: formCode,
      name: { vi: formName, en: `Test certificate ${formCode}` },
      category: 'TITLE',
      level: 'BASE',
      authorityCode: 'HDTD-CUM01',
      nomineeKinds: ['UNIT'],
      dossier: [{ kind: 'to-trinh', label: { vi: 'Tờ trình', en: 'Memo' }, required: true }],
      chain: [
        {
          key: 'cluster-head',
          kind: 'APPROVAL',
          actor: 'CLUSTER_HEAD',
          title: { vi: 'Cụm trưởng xét duyệt', en: 'Cluster head review' },
          slaWorkingDays: 20,
        },
      ],
      reminders: { offsetsWorkingDays: [1] },
      quota: null,
      eligibility: null,
      certificate: { signerTitle: 'CHỦ TỊCH', achievementTemplate: 'Thành tích năm {year}' },
    },
  });
  expect(form.status(), await form.text()).toBe(201);

  const officer = await authHeaders(request, base, sys.member.officer, sys.password);
  const created = await request.post(`${base}/nominations`, {
    headers: officer,
    data: {
      formCode,
      nomineeKind: 'UNIT',
      nomineeUnitId: sys.member.unitId,
      year: Number(sys.cycleEndsOn.slice(0, 4)),
      achievement: 'Hoàn thành xuất sắc nhiệm vụ công tác dân vận (kiểm thử trả lại hồ sơ)',
      documents: [
        {
          kind: 'to-trinh',
          fileName: 'to-trinh.pdf',
          mediaType: 'application/pdf',
          contentBase64: Buffer.from('%PDF-1.4\n% returned\n%%EOF\n').toString('base64'),
        },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const nominationId = ((await created.json()) as { id: string }).id;

  // The cluster head returns it, with the reason.
  const head = await authHeaders(request, base, sys.head.signer, sys.password);
  await expect
    .poll(
      async () => {
        const res = await request.post(`${base}/nominations/${nominationId}/steps/cluster-head`, {
          headers: { ...head, 'idempotency-key': `return-${nominationId}` },
          data: { decision: 'RETURN', reason },
        });
        return res.status();
      },
      { timeout: 30_000, message: 'the head returns the dossier' },
    )
    .toBe(200);

  // The proposer's officer: the dossier to revise heads his to-do list, with the reason.
  await login(sys.member.officer);
  await expect(page).toHaveURL(/\/app\/tasks$/);
  const card = page.getByTestId('todo-revise-returned').filter({ hasText: formName });
  await expect(card).toBeVisible({ timeout: 20_000 });
  await expect(card).toContainText(reason);
  await shot('notices-01-returned-in-todo');

  // The in-app notice says it was returned, and why.
  await openMenuItem(page, 'Hộp thư nhắc việc');
  const notice = page
    .getByTestId('notification')
    .filter({ hasText: `Hồ sơ bị trả lại: ${formName}` });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText(`Lý do: ${reason}`);
  await shot('notices-02-returned-notice');

  // Acting on the card opens the dossier, where it can be revised and resubmitted.
  await openMenuItem(page, 'Việc cần làm');
  await card.getByRole('button', { name: /^Thực hiện/ }).click();
  await expect(page).toHaveURL(new RegExp(`/nominations/${nominationId}$`));
  await expect(page.getByRole('button', { name: /Nộp lại/ }).first()).toBeVisible();
});

/** Milliseconds from `act` until `ready` is visible. */
async function timeTo(page: Page, act: () => Promise<unknown>, ready: () => Promise<void>) {
  const t0 = Date.now();
  await act();
  await ready();
  return Date.now() - t0;
}

test('time to a usable page: login → to-do list, then the board, the pledge and the dossiers', async ({
  page,
  sys,
}) => {
  const timings: Record<string, number> = {};
  const heading = (name: string) => page.getByRole('heading', { name, level: 1 });

  await page.goto('login');
  await page.getByLabel(/^Tên đăng nhập/).fill(sys.head.signer);
  await page.getByLabel(/^Mật khẩu/).fill(sys.password);
  timings['login → to-do list'] = await timeTo(
    page,
    () => page.getByRole('button', { name: 'Đăng nhập' }).click(),
    async () => {
      await expect(heading('Việc cần làm')).toBeVisible();
      await expect(
        page.getByTestId('todo-summary').or(page.getByTestId('todo-empty')),
      ).toBeVisible();
    },
  );
  timings['board (Điều hành cụm)'] = await timeTo(
    page,
    () => openMenuItem(page, 'Điều hành cụm'),
    () => expect(page.getByTestId('stat-signed')).toBeVisible(),
  );
  timings['pledge (Giao ước thi đua)'] = await timeTo(
    page,
    () => openMenuItem(page, 'Giao ước thi đua'),
    () => expect(page.getByTestId('pledge-text')).toBeVisible(),
  );
  timings['dossiers waiting (Hồ sơ chờ xử lý)'] = await timeTo(
    page,
    () => openMenuItem(page, 'Hồ sơ chờ xử lý'),
    () =>
      expect(
        page
          .getByRole('table')
          .or(page.getByText(/^(Chưa|Không) có hồ sơ/))
          .first(),
      ).toBeVisible(),
  );

  // Measured, never asserted (timings are reported, as in bench/).
  const line = Object.entries(timings)
    .map(([k, ms]) => `${k}: ${ms} ms`)
    .join('; ');
  console.log(`time to a usable page (head, laptop): ${line}`);
  writeFileSync(
    path.join(ARTIFACTS_DIR, 'time-to-usable.json'),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), user: 'cluster head', timings }, null, 2)}\n`,
  );
  test.info().annotations.push({ type: 'time to a usable page', description: line });
});

/* A normal session asks the API only what the user may see (it asks what the user belongs to
 * first): every page of each role's menu, and not one background request answered 403 or 409. */
const ROLES = [
  { role: 'cluster head', user: (sys: E2eSystemInfo) => sys.head.signer },
  { role: 'member signer', user: (sys: E2eSystemInfo) => sys.member.signer },
  { role: 'member officer', user: (sys: E2eSystemInfo) => sys.member.officer },
  { role: 'authority reviewer', user: (sys: E2eSystemInfo) => sys.commendation.reviewer },
  { role: 'administrator', user: (sys: E2eSystemInfo) => sys.admin },
];
for (const { role, user } of ROLES) {
  test(`a normal session of the ${role} asks the API nothing it refuses: every menu page, no 403 or 409`, async ({
    page,
    sys,
  }) => {
    test.setTimeout(240_000);
    // 403: the app asked for something of a unit, cluster or role that is not the user's. 409: a
    // conflict (a step not open yet reads as such, 200 with `opened: false`, never 409).
    const refused: Promise<string>[] = [];
    page.on('response', (res) => {
      const url = new URL(res.url());
      if (url.pathname.startsWith('/app/') || ![403, 409].includes(res.status())) return;
      const what = `${res.request().method()} ${url.pathname}${url.search} → ${res.status()}`;
      refused.push(
        res
          .json()
          .then((body: { code?: string }) => `${what} ${body.code}`)
          .catch(() => what),
      );
    });
    const username = user(sys);
    const password =
      username === sys.commendation.reviewer ? sys.commendation.password : sys.password;
    await page.goto('login');
    await page.getByLabel(/^Tên đăng nhập/).fill(username);
    await page.getByLabel(/^Mật khẩu/).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page).not.toHaveURL(/\/login/);
    const nav = page.getByRole('navigation', { name: 'Trình đơn chính' });
    await expect(nav).toBeAttached();
    const hrefs = await nav
      .getByRole('link')
      .evaluateAll((links) => links.map((l) => (l as unknown as { href: string }).href));
    expect(hrefs.length).toBeGreaterThan(2);
    const took: string[] = [];
    for (const href of [...new Set(hrefs)]) {
      const started = Date.now();
      // Within the app (no reload): the session and its live stream stay as a user has them.
      await page.evaluate(
        `history.pushState({}, '', ${JSON.stringify(href)}); dispatchEvent(new PopStateEvent('popstate'))`,
      );
      await expect(page).toHaveURL(href);
      await expect(page.getByRole('main')).toBeVisible();
      await expect(page.locator('.mantine-Loader')).toHaveCount(0, { timeout: 15_000 });
      // Each menu page as the user reaches it, checked by axe-core where it stands.
      await expectAccessible(page, `${role}: ${new URL(href).pathname}`);
      took.push(`${new URL(href).pathname} ${Date.now() - started} ms`);
    }
    // Measured, not asserted: where a slow page shows.
    test
      .info()
      .annotations.push({ type: 'page and its axe-core check', description: took.join('; ') });
    console.log(`${role}: ${took.join('; ')}`);
    expect(await Promise.all(refused)).toEqual([]);
  });
}
