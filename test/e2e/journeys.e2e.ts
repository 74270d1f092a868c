import type { APIRequestContext, Page } from '@playwright/test';
import { authHeaders, chooseCycle, expect, openMenuItem, test } from './support/fixtures';
import type { E2eSystemInfo } from './support/e2e-info';

/* Each action once, clearly: a council member casts one ballot, confirmed first and then locked
 * with the time it was recorded (a second ballot is refused naming the person), and records an
 * absent member's written ballot picked by name; the cluster head opens a signing round and the
 * board says it is open without a reload, then amends the text with the changes shown; a member
 * reads the text, what changed and every member's status before the sign button at its end; a
 * model is nominated with the picker; a cycle without results says so. */

const suffix = `${Date.now() % 1_000_000}`;

const pdf = (kind: string) => ({
  kind,
  fileName: `${kind}.pdf`,
  mediaType: 'application/pdf',
  contentBase64: Buffer.from(`%PDF-1.4\n% ${kind}\n%%EOF\n`).toString('base64'),
});

/** A "Kỷ niệm chương" nomination of a new person of the other member unit, approved by the unit's
 * head and the central board's appraisal: it then waits for the board's council (5 members). */
async function nominationInCouncilVote(request: APIRequestContext, sys: E2eSystemInfo) {
  const base = sys.baseURL;
  const officer = await authHeaders(request, base, sys.other.officer, sys.password);
  const signer = await authHeaders(request, base, sys.other.signer, sys.password);
  const reviewer = await authHeaders(request, base, 'bdv-tw.reviewer', sys.commendation.password);
  const person = await request.post(`${base}/units/${sys.other.unitId}/people`, {
    headers: officer,
    data: { fullName: `Lê Thị Bỏ Phiếu ${suffix}`, position: 'Chuyên viên' },
  });
  expect(person.status(), await person.text()).toBe(201);
  const { id: personId } = (await person.json()) as { id: string };
  const created = await request.post(`${base}/nominations`, {
    headers: officer,
    data: {
      formCode: 'KNC-DV',
      nomineeKind: 'PERSON',
      nomineePersonId: personId,
      achievement: `Nhiều đóng góp cho sự nghiệp dân vận (kiểm thử bỏ phiếu ${suffix})`,
      documents: [pdf('to-trinh'), pdf('bao-cao-thanh-tich')],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const where = async () => {
    const n = (await (
      await request.get(`${base}/nominations/${id}`, { headers: officer })
    ).json()) as { status: string; currentStep: { key: string } | null };
    return `${n.status}:${n.currentStep?.key ?? ''}`;
  };
  for (const [headers, step] of [
    [signer, 'unit-head'],
    [reviewer, 'appraisal'],
  ] as const) {
    await expect.poll(where, { timeout: 60_000 }).toBe(`IN_REVIEW:${step}`);
    const acted = await request.post(`${base}/nominations/${id}/steps/${step}`, {
      headers,
      data: { decision: 'APPROVE' },
    });
    expect(acted.status(), await acted.text()).toBeLessThan(300);
  }
  await expect.poll(where, { timeout: 60_000 }).toBe('VOTING:council-vote');
  return id;
}

async function loginWith(page: Page, username: string, password: string) {
  await page.goto('login');
  await page.getByLabel(/^Tên đăng nhập/).fill(username);
  await page.getByLabel(/^Mật khẩu/).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

test('a council member votes once: confirmed, then locked with the time; a written ballot by name', async ({
  page,
  request,
  sys,
  shot,
}) => {
  test.setTimeout(180_000);
  const id = await nominationInCouncilVote(request, sys);
  await loginWith(page, 'bdv-tw.hd1', sys.commendation.password);
  await page.goto(`nominations/${id}`);
  const ballot = page.getByTestId('council-ballot');
  await expect(ballot.getByRole('heading', { name: 'Bỏ phiếu kín của Hội đồng' })).toBeVisible();
  // One ballot only: no step opinion panel with a second set of buttons.
  await expect(page.getByText('Ý kiến của bạn ở bước này')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Đồng ý', exact: true })).toHaveCount(1);
  await expect(ballot.getByTestId('council-members')).toContainText('Chưa bỏ phiếu');
  await shot('journeys-01-council-ballot');

  // Casting asks for confirmation first; cancelling changes nothing.
  await ballot.getByRole('button', { name: 'Đồng ý', exact: true }).click();
  let dialog = page.getByRole('dialog', { name: 'Xác nhận bỏ phiếu' });
  await expect(dialog).toContainText('Bạn bỏ phiếu: Đồng ý.');
  await expect(dialog).toContainText('không thể thay đổi');
  await shot('journeys-02-council-confirm');
  await dialog.getByRole('button', { name: 'Bỏ phiếu' }).click();
  await expect(page.getByText('Đã ghi nhận phiếu.')).toBeVisible();

  const mine = page.getByTestId('my-ballot');
  await expect(mine).toContainText('Lựa chọn của bạn: Đồng ý');
  await expect(mine).toContainText(/Bạn đã bỏ phiếu lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
  await expect(ballot.getByRole('button', { name: 'Đồng ý', exact: true })).toBeDisabled();
  await expect(ballot.getByRole('button', { name: 'Không đồng ý', exact: true })).toBeDisabled();
  await shot('journeys-03-council-voted');

  // Still locked after a reload: the time is the API's, the choice stays sealed.
  await page.reload();
  await expect(mine).toContainText(/Bạn đã bỏ phiếu lúc/);
  await expect(mine).toContainText('không hiển thị lại');
  await expect(ballot.getByRole('button', { name: 'Đồng ý', exact: true })).toBeDisabled();

  // A second ballot through the API is refused, naming the person.
  const member = await authHeaders(request, sys.baseURL, 'bdv-tw.hd1', sys.commendation.password);
  const twice = await request.post(`${sys.baseURL}/nominations/${id}/council-ballots`, {
    headers: member,
    data: { approve: false },
  });
  expect(twice.status()).toBe(409);
  const problem = (await twice.json()) as { code: string; detail?: string; title?: string };
  expect(problem.code).toBe('ALREADY_VOTED');
  expect(JSON.stringify(problem)).toContain('Bạn đã bỏ phiếu');

  // An absent member's written ballot: picked by name, confirmed, then shown as written.
  const absentName = 'Ủy viên Hội đồng Thi đua – Khen thưởng số 2 – Ban Dân vận Trung ương';
  await ballot
    .getByRole('combobox', { name: 'Ghi phiếu bằng văn bản của thành viên vắng mặt' })
    .click();
  await page.getByRole('option', { name: absentName }).click();
  await ballot.getByRole('button', { name: 'Ghi phiếu không đồng ý' }).click();
  dialog = page.getByRole('dialog', { name: 'Xác nhận bỏ phiếu' });
  await expect(dialog).toContainText(`Ghi phiếu bằng văn bản của ${absentName}: Không đồng ý.`);
  await dialog.getByRole('button', { name: 'Bỏ phiếu' }).click();
  await expect(
    ballot.getByTestId('council-members').getByRole('listitem').filter({ hasText: absentName }),
  ).toContainText('Đã bỏ phiếu (bằng văn bản)');
  await expect(ballot).toContainText('Đã bỏ phiếu: 2/5 thành viên');
  await shot('journeys-04-council-written');
});

test('the head opens a round and the board shows it open at once; an amendment shows its changes', async ({
  page,
  request,
  sys,
  login,
  shot,
}) => {
  test.setTimeout(120_000);
  const deadline = new Date(Date.now() + 7 * 3_600_000 + 60 * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .split('-')
    .reverse()
    .join('/');
  await login(sys.head.signer);
  await chooseCycle(page, sys.phasesCycle.movementCode);
  await openMenuItem(page, 'Điều hành cụm');
  await expect(page.getByTestId('stat-signed')).toContainText('chưa mở');
  const field = page.getByRole('textbox', { name: 'Hạn ký' });
  await field.fill(deadline);
  await field.press('Tab');
  const open = page.getByRole('button', { name: 'Mở đợt ký', exact: true });
  await open.click();
  await expect(page.getByText('Đã mở đợt ký kết giao ước.')).toBeVisible();
  // Without a reload: the board says the round is open, and there is nothing to click twice.
  await expect(page.getByTestId('stat-signed')).toContainText('Đang ký');
  await expect(page.getByTestId('stat-signed')).not.toContainText('chưa mở');
  await expect(page.getByTestId('cycle-summary')).toContainText('Đang ký');
  await expect(open).toHaveCount(0);
  await shot('journeys-05-round-opened');

  // The head amends the text: the changes are shown before confirming.
  const added = `Tổ chức ít nhất 2 hoạt động "Dân vận khéo" mỗi quý (sửa đổi ${suffix})`;
  const items = page.getByRole('textbox', { name: 'Các nội dung giao ước' });
  await items.fill(`${await items.inputValue()}\n${added}`);
  await page.getByRole('textbox', { name: 'Lý do sửa đổi' }).fill('Bổ sung chỉ tiêu theo góp ý');
  await page.getByRole('button', { name: 'Xem thay đổi' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sửa đổi từ phiên bản 1 sang phiên bản 2' });
  await expect(dialog.getByTestId('amend-diff')).toContainText(`Thêm: ${added}`);
  await shot('journeys-06-amend-diff');
  await dialog.getByRole('button', { name: 'Xác nhận sửa đổi' }).click();
  await expect(page.getByText('Đã sửa đổi giao ước: phiên bản 2 chờ các đơn vị ký.')).toBeVisible();

  // A member declines through the API; every member sees it with the reason.
  const other = await authHeaders(request, sys.baseURL, sys.other.signer, sys.password);
  const roundId = `pledge-signing-${sys.phasesCycle.cycleKey}`;
  const declined = await request.post(`${sys.baseURL}/signing-rounds/${roundId}/decline`, {
    headers: other,
    data: {
      unitId: sys.other.unitId,
      version: 2,
      reason: 'Đề nghị làm rõ chỉ tiêu mới trước khi ký',
    },
  });
  expect(declined.status(), await declined.text()).toBeLessThan(300);

  // The head is told in the app which unit declined, and why.
  await openMenuItem(page, 'Hộp thư nhắc việc');
  const notice = page
    .getByTestId('notification')
    .filter({ hasText: `Đơn vị từ chối ký giao ước: ${sys.other.unitName}` });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText('Lý do: Đề nghị làm rõ chỉ tiêu mới trước khi ký');
  await shot('journeys-06b-head-told-of-decline');

  // The member's signer: the text, what changed, then the action at its end; everyone's status.
  await page.evaluate('localStorage.clear(); sessionStorage.clear()');
  await login(sys.member.signer);
  await chooseCycle(page, sys.phasesCycle.movementCode);
  await openMenuItem(page, 'Giao ước thi đua');
  await expect(page.getByTestId('version-changes')).toContainText(`Thêm: ${added}`);
  await expect(page.getByTestId('version-changes')).toContainText('Bổ sung chỉ tiêu theo góp ý');
  const text = page.getByTestId('pledge-text');
  await expect(text.getByTestId('pledge-items')).toContainText(added);
  await expect(text.getByTestId('sign-open')).toBeVisible();
  // The sign button comes after the last item of the text.
  const lastItem = await text
    .getByTestId('pledge-items')
    .getByRole('listitem')
    .last()
    .boundingBox();
  const signButton = await text.getByTestId('sign-open').boundingBox();
  expect(signButton && lastItem && signButton.y > lastItem.y).toBe(true);
  await expect(page.getByTestId(`signature-${sys.other.unitCode}`)).toContainText(
    'Lý do từ chối: Đề nghị làm rõ chỉ tiêu mới trước khi ký',
  );
  await expect(page.getByTestId('signature-counts')).toContainText('0 đã ký · 1 từ chối');
  await expect(page.getByRole('button', { name: 'Tải bộ tài liệu hội nghị (PDF)' })).toBeVisible();
  await shot('journeys-07-pledge-text-first');
});

test('a model is nominated with the picker, never by its id', async ({
  page,
  request,
  sys,
  login,
  shot,
}) => {
  test.setTimeout(120_000);
  // A unit other than those the other journeys follow registers a model (through the API).
  const unit = sys.units.find(
    (u) => ![sys.member.unitId, sys.other.unitId, sys.head.unitId].includes(u.unitId),
  );
  if (!unit) throw new Error('too few members');
  const officer = await authHeaders(request, sys.baseURL, unit.officer, sys.password);
  const title = `Mô hình "Tổ tự quản kiểm thử ${suffix}"`;
  const registered = await request.post(`${sys.baseURL}/cycles/${sys.cycleId}/registrations`, {
    headers: officer,
    data: {
      unitId: unit.unitId,
      titles: ['Tập thể lao động xuất sắc'],
      initiatives: [
        {
          kind: 'MODEL',
          field: 'Xây dựng Đảng',
          isNew: true,
          ownerType: 'COLLECTIVE',
          ownerName: 'Chi bộ Khu phố 3',
          title,
          description: 'Tổ tự quản giữ gìn an ninh trật tự, vệ sinh môi trường khu phố.',
        },
      ],
    },
  });
  expect(registered.status(), await registered.text()).toBeLessThan(300);
  await expect
    .poll(
      async () =>
        (
          (await (
            await request.get(`${sys.baseURL}/models?unitId=${unit.unitId}`, { headers: officer })
          ).json()) as { title: string }[]
        ).some((m) => m.title === title),
      { timeout: 30_000 },
    )
    .toBe(true);

  await login(unit.officer);
  await openMenuItem(page, 'Hồ sơ đề nghị khen thưởng');
  await page.getByRole('link', { name: 'Lập hồ sơ đề nghị' }).click();
  await page.getByRole('combobox', { name: /^Hình thức khen thưởng/ }).click();
  await page.getByRole('option', { name: 'Điển hình "Dân vận khéo" cấp cơ sở' }).click();
  const picker = page.getByRole('combobox', { name: /^Mô hình, sáng kiến/ });
  await picker.fill('Tổ tự quản');
  await page.getByRole('option', { name: new RegExp(`Tổ tự quản kiểm thử ${suffix}`) }).click();
  await expect(picker).toHaveValue(new RegExp(`Tổ tự quản kiểm thử ${suffix}`));
  await page
    .getByRole('textbox', { name: /^Thành tích/ })
    .fill('Mô hình được nhân dân đồng tình, góp phần giữ gìn an ninh trật tự khu phố');
  const inputs = page.locator('input[type="file"]');
  await expect(inputs).toHaveCount(2);
  const file = (name: string) => ({
    name,
    mimeType: 'application/pdf',
    buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`),
  });
  await inputs.nth(0).setInputFiles(file('to-trinh.pdf'));
  await inputs.nth(1).setInputFiles(file('bao-cao.pdf'));
  await shot('journeys-08-model-picked');
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await expect(page.getByText('Đã nộp hồ sơ đề nghị khen thưởng.')).toBeVisible();
  await expect(page).toHaveURL(/\/nominations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    `Tổ tự quản kiểm thử ${suffix}`,
  );
});

test('the results of a cycle without results say so, with no ranks of zeros and no minutes', async ({
  page,
  sys,
  login,
  shot,
}) => {
  await login(sys.member.signer);
  await chooseCycle(page, sys.leadCycle.movementCode);
  await openMenuItem(page, 'Kết quả, xếp hạng');
  await expect(page.getByRole('heading', { name: 'Kết quả, xếp hạng', level: 1 })).toBeVisible();
  await expect(page.getByTestId('results-none')).toContainText('Chưa có kết quả');
  await expect(page.getByRole('table', { name: 'Xếp hạng' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Biên bản kiểm phiếu' })).toHaveCount(0);
  await shot('journeys-09-no-results');
});
