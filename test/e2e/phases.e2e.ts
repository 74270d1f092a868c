import type { APIRequestContext, Locator } from '@playwright/test';
import { chooseCycle, expect, openMenuItem, test } from './support/fixtures';

/* The later phases of a year, on the seeded cycle whose registration has closed and whose reviews,
 * vote and election are open (see support/e2e-system.ts): a member's officer assesses its own unit
 * and the units assigned to it, its signer casts the vote ballot, and the cluster head decides on
 * late registrations. */

const SCORES: Record<string, string> = { C1: '18', C2: '27,5', C3: '22', C4: '13', C5: '9' };

async function fillScores(scope: Locator): Promise<void> {
  for (const [code, value] of Object.entries(SCORES)) {
    await scope.getByRole('textbox', { name: new RegExp(`^${code}\\. `) }).fill(value);
  }
}

async function tokenOf(
  request: APIRequestContext,
  base: string,
  username: string,
  password: string,
) {
  const res = await request.post(`${base}/auth/login`, { data: { username, password } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

test("the member's officer sends its final self-assessment and scores the units assigned to it", async ({
  page,
  sys,
  login,
  shot,
}) => {
  await login(sys.member.officer);
  await chooseCycle(page, sys.phasesCycle.movementCode);
  await openMenuItem(page, 'Sơ kết – tổng kết');
  await page.getByRole('tab', { name: 'Tổng kết' }).click();
  // The interim tab's panel stays mounted (hidden): look inside the final review's only.
  const final = page.getByRole('tabpanel', { name: 'Tổng kết' });
  await expect(final.getByRole('heading', { name: 'Tự chấm điểm' })).toBeVisible();
  await expect(final.getByText('Chưa gửi')).toBeVisible();
  await fillScores(final);
  await expect(final.getByText('Tổng: 89,5/100 điểm')).toBeVisible();
  await final
    .getByRole('textbox', { name: 'Minh chứng' })
    .fill('Báo cáo tổng kết số 12/BC-DV ngày 15/12');
  await shot('phases-01-self-assessment');
  await final.getByRole('button', { name: 'Gửi bảng tự chấm' }).click();
  await expect(page.getByText('Đã gửi bảng tự chấm điểm.')).toBeVisible();
  await expect(final.getByText('Đã gửi', { exact: true })).toBeVisible();

  await openMenuItem(page, 'Chấm điểm chéo');
  const table = page.getByRole('table', { name: 'Các đơn vị được phân công chấm' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const row = table.getByRole('row').filter({ hasText: sys.other.unitName });
  await expect(row).toContainText('Chưa chấm');
  await shot('phases-02-peer-review-list');
  await row.getByRole('button', { name: 'Chấm điểm' }).click();
  const dialog = page.getByRole('dialog', { name: `Chấm điểm: ${sys.other.unitName}` });
  await fillScores(dialog);
  await shot('phases-03-peer-review-form');
  await dialog.getByRole('button', { name: 'Gửi bảng điểm' }).click();
  await expect(page.getByText(`Đã gửi bảng điểm cho ${sys.other.unitName}.`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Đã chấm: 89,5 điểm');
  // Once a sheet is in, conflicts of interest can no longer be declared.
  await expect(
    page.getByText('Đã có bảng điểm chéo được gửi: không khai báo thêm được.'),
  ).toBeVisible();
  await shot('phases-04-peer-review-sent');
});

test("the member's signer casts the unit's secret vote ballot", async ({
  page,
  sys,
  login,
  shot,
}) => {
  await login(sys.member.signer);
  await chooseCycle(page, sys.phasesCycle.movementCode);
  await openMenuItem(page, 'Bỏ phiếu, bầu cử');
  await expect(page.getByRole('tab', { name: 'Bình xét, suy tôn' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const ballot = page.getByRole('group', { name: 'Đồng ý suy tôn' });
  await ballot.getByRole('checkbox', { name: sys.other.unitName }).check();
  await shot('phases-05-vote-ballot');
  await page.getByRole('button', { name: 'Gửi phiếu' }).click();
  await expect(page.getByText('Đã ghi nhận phiếu của đơn vị.')).toBeVisible();
  await expect(page.getByText('Đơn vị đã bỏ phiếu.')).toBeVisible();
  await expect(page.getByText(/^\d+\/12 thành viên đã bỏ phiếu/)).toBeVisible();
  await shot('phases-06-vote-cast');
});

test('the cluster head approves one late registration and refuses another with a reason', async ({
  page,
  request,
  sys,
  login,
  shot,
}) => {
  // Two members ask to register late (through the API; registration closed before the run).
  const [approved, refused] = sys.units.filter(
    (u) => u.unitId !== sys.member.unitId && u.unitId !== sys.head.unitId,
  );
  if (!approved || !refused) throw new Error('too few members');
  for (const [unit, reason] of [
    [approved, 'Đơn vị tổ chức đại hội chi bộ trong tuần đăng ký'],
    [refused, 'Cán bộ phụ trách nghỉ phép nên chưa kịp đăng ký'],
  ] as const) {
    const token = await tokenOf(request, sys.baseURL, unit.officer, sys.password);
    const res = await request.post(
      `${sys.baseURL}/cycles/${sys.phasesCycle.cycleId}/registrations/late`,
      {
        headers: { authorization: `Bearer ${token}` },
        data: {
          unitId: unit.unitId,
          titles: ['Tập thể lao động xuất sắc'],
          initiatives: [],
          reason,
        },
      },
    );
    expect(res.status(), await res.text()).toBeLessThan(300);
  }

  await login(sys.head.signer);
  await chooseCycle(page, sys.phasesCycle.movementCode);
  await openMenuItem(page, 'Điều hành cụm');
  // One card per pending request, inside the card of the section.
  const requestCard = (reason: string) =>
    page
      .locator('.mantine-Card-root')
      .filter({ hasText: reason })
      .filter({ hasNot: page.getByText('Đề nghị đăng ký muộn') });
  const approvedCard = requestCard('Đơn vị tổ chức đại hội chi bộ');
  const refusedCard = requestCard('Cán bộ phụ trách nghỉ phép');
  await expect(approvedCard).toBeVisible();
  await expect(refusedCard).toBeVisible();
  await shot('phases-07-head-late-requests');

  await approvedCard.getByRole('button', { name: 'Chấp thuận' }).click();
  let dialog = page.getByRole('dialog', { name: /^Chấp thuận đăng ký muộn: / });
  await dialog.getByRole('textbox', { name: 'Ý kiến' }).fill('Đồng ý cho đăng ký muộn');
  await dialog.getByRole('button', { name: 'Chấp thuận' }).click();
  await expect(page.getByText('Đã ghi nhận quyết định.')).toBeVisible();
  await expect(approvedCard).toHaveCount(0);

  await refusedCard.getByRole('button', { name: 'Từ chối' }).click();
  dialog = page.getByRole('dialog', { name: /^Từ chối đăng ký muộn: / });
  // The reason is required.
  await dialog.getByRole('button', { name: 'Từ chối' }).click();
  await expect(dialog.getByText('Ý kiến cần ít nhất 3 ký tự')).toBeVisible();
  await shot('phases-08-head-refuse-needs-reason');
  await dialog
    .getByRole('textbox', { name: 'Ý kiến' })
    .fill('Quá hạn đăng ký, lý do chưa chính đáng');
  await dialog.getByRole('button', { name: 'Từ chối' }).click();
  await expect(page.getByText('Đã ghi nhận quyết định.').first()).toBeVisible();
  await expect(refusedCard).toHaveCount(0);
  await expect(page.getByText('Không có đề nghị nào đang chờ.')).toBeVisible();
  await shot('phases-09-head-late-decided');
});
