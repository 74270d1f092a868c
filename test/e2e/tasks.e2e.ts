import { authHeaders, expect, openMenuItem, test } from './support/fixtures';

/* The to-do list, the first page after login: the cluster head finds the approval waiting for him
 * (it appears while the list is open, without a reload), counted in the menu; he acts and it is
 * gone; then a council member finds his uncast ballot, which goes once it is cast. */
test.describe.configure({ mode: 'serial' });

const formCode = `TODO-E2E-${Date.now().toString(36).toUpperCase()}`;
const formName = `Giấy khen kiểm thử việc cần làm ${formCode}`;
const councilMember = 'hdtd-cum01.hd1';
let nominationId = '';

test('the cluster head sees the approval waiting for him, counted in the menu, gone once he acts', async ({
  page,
  request,
  sys,
  login,
  shot,
}) => {
  const base = sys.baseURL;
  // A form of the cluster's council whose chain passes the cluster head, then the council vote.
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
        {
          key: 'council-vote',
          kind: 'COUNCIL_VOTE',
          actor: 'AUTHORITY_COUNCIL',
          title: { vi: 'Hội đồng bỏ phiếu', en: 'Council vote' },
          slaWorkingDays: 20,
          thresholdPercent: 50,
        },
      ],
      reminders: { offsetsWorkingDays: [1] },
      quota: null,
      eligibility: null,
      certificate: { signerTitle: 'CHỦ TỊCH', achievementTemplate: 'Thành tích năm {year}' },
    },
  });
  expect(form.status(), await form.text()).toBe(201);

  // After login the head lands on his to-do list.
  await login(sys.head.signer);
  await expect(page).toHaveURL(/\/app\/tasks$/);
  await expect(page.getByRole('heading', { name: 'Việc cần làm', level: 1 })).toBeVisible();

  // The member's officer submits a dossier while the list is open: it appears without a reload.
  const officer = await authHeaders(request, base, sys.member.officer, sys.password);
  const created = await request.post(`${base}/nominations`, {
    headers: officer,
    data: {
      formCode,
      nomineeKind: 'UNIT',
      nomineeUnitId: sys.member.unitId,
      year: Number(sys.cycleEndsOn.slice(0, 4)),
      achievement: 'Hoàn thành xuất sắc nhiệm vụ công tác dân vận (kiểm thử việc cần làm)',
      documents: [
        {
          kind: 'to-trinh',
          fileName: 'to-trinh.pdf',
          mediaType: 'application/pdf',
          contentBase64: Buffer.from('%PDF-1.4\n% todo\n%%EOF\n').toString('base64'),
        },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  nominationId = ((await created.json()) as { id: string }).id;

  const card = page.getByTestId('todo-approve-step').filter({ hasText: formName });
  await expect(card).toBeVisible({ timeout: 20_000 });
  await expect(card).toContainText(sys.member.unitName);
  await expect(card).toContainText('Hạn');
  await expect(page.getByTestId('menu-count-approvals')).toBeVisible();
  await expect(page.getByTestId('menu-count-tasks')).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'Trình đơn chính' })
      .getByRole('link', { name: /Hồ sơ chờ xử lý \d+ việc đang chờ/ }),
  ).toBeVisible();
  await shot('tasks-01-head-todo');

  // One clear action: it opens the dossier at his step; he approves it.
  await card.getByRole('button', { name: /^Thực hiện/ }).click();
  await expect(page).toHaveURL(new RegExp(`/nominations/${nominationId}$`));
  await page.getByRole('button', { name: 'Đồng ý', exact: true }).click();
  await expect(page.getByText('Đã ghi nhận ý kiến.')).toBeVisible();

  // Back to the list (no reload): the approval is gone.
  await openMenuItem(page, 'Việc cần làm');
  await expect(page.getByRole('heading', { name: 'Việc cần làm', level: 1 })).toBeVisible();
  await expect(page.getByTestId('todo-approve-step').filter({ hasText: formName })).toHaveCount(0);
  await shot('tasks-02-head-done');
});

test('a council member sees his uncast ballot; once cast it leaves the list without a reload', async ({
  page,
  request,
  sys,
  shot,
}) => {
  expect(nominationId).not.toBe('');
  await page.goto('login');
  await page.getByLabel(/^Tên đăng nhập/).fill(councilMember);
  await page.getByLabel(/^Mật khẩu/).fill(sys.commendation.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/app\/tasks$/);
  const ballot = page.getByTestId('todo-council-ballot').filter({ hasText: formName });
  await expect(ballot).toBeVisible({ timeout: 20_000 });
  await expect(ballot).toContainText(sys.member.unitName);
  await expect(page.getByTestId('menu-count-tasks')).toBeVisible();
  await shot('tasks-03-council-todo');

  // The ballot is cast (through the API here; the ballot page has its own test): the list,
  // still open, drops it by itself.
  const member = await authHeaders(request, sys.baseURL, councilMember, sys.commendation.password);
  const cast = await request.post(`${sys.baseURL}/nominations/${nominationId}/council-ballots`, {
    headers: member,
    data: { approve: true },
  });
  expect(cast.status(), await cast.text()).toBe(200);
  await expect(ballot).toHaveCount(0, { timeout: 20_000 });
  await shot('tasks-04-council-done');
});
