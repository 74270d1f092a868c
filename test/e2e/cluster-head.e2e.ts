import { chooseCycle, expect, openMenuItem, test } from './support/fixtures';

test('the cluster head follows every member on the progress board', async ({
  page,
  request,
  sys,
  login,
  shot,
}) => {
  // Another member signs through the API, so the board has a signature whatever ran before.
  const auth = await request.post(`${sys.baseURL}/auth/login`, {
    data: { username: sys.other.signer, password: sys.password },
  });
  const { accessToken } = (await auth.json()) as { accessToken: string };
  const signed = await request.post(`${sys.baseURL}/signing-rounds/${sys.roundId}/sign`, {
    headers: { authorization: `Bearer ${accessToken}` },
    data: { unitId: sys.other.unitId, version: 1 },
  });
  expect(signed.status()).toBe(200);

  await login(sys.head.signer);
  await chooseCycle(page, sys.movementCode);
  await openMenuItem(page, 'Điều hành cụm');
  await expect(page.getByRole('heading', { name: 'Điều hành cụm', level: 1 })).toBeVisible();

  const board = page.getByTestId('board-table');
  await expect(board.getByRole('row')).toHaveCount(13);
  const otherRow = board.getByRole('row').filter({ hasText: sys.other.unitCode });
  await expect(otherRow).toContainText('Đã ký');
  await expect(otherRow).toContainText('Chưa đăng ký');
  await expect(board.getByRole('row').filter({ hasText: sys.head.unitCode })).toContainText(
    'Chưa ký',
  );
  await expect(page.getByTestId('stat-signed')).toContainText(/\d+\/12/);
  await expect(page.getByTestId('stat-registered')).toContainText('chưa đạt chỉ tiêu 100%');
  await expect(page.getByRole('heading', { name: 'Dời hạn ký' })).toHaveCount(0);
  await expect(page.getByText('Dời hạn ký', { exact: true })).toBeVisible();
  await expect(page.getByText('Không có đề nghị nào đang chờ.')).toBeVisible();
  await shot('07-head-board');
});

test('the cluster head moves the signing deadline, then countersigns once every member signed', async ({
  page,
  request,
  sys,
  login,
  shot,
}) => {
  const round = sys.leadCycle.roundId;
  const later = new Date(Date.parse(`${sys.cycleEndsOn}T00:00:00Z`) - 30 * 86_400_000);
  const newDeadline = later.toISOString().slice(0, 10).split('-').reverse().join('/');

  await login(sys.head.signer);
  await chooseCycle(page, sys.leadCycle.movementCode);
  await openMenuItem(page, 'Điều hành cụm');
  const deadline = page.getByRole('textbox', { name: 'Hạn mới' });
  await deadline.fill(newDeadline);
  await deadline.press('Tab');
  await page
    .getByRole('textbox', { name: 'Lý do', exact: true })
    .fill('Chờ các đơn vị hoàn thiện thủ tục ký số');
  await page.getByRole('button', { name: 'Dời hạn' }).click();
  await expect(page.getByText('Đã dời hạn ký; lịch nhắc việc được cập nhật.')).toBeVisible();
  await expect(page.getByText(`Hạn hiện tại: 23:59 ${newDeadline}`)).toBeVisible();

  // Every member signs (through the API); the head then countersigns in the app.
  for (const unit of sys.units) {
    const auth = await request.post(`${sys.baseURL}/auth/login`, {
      data: { username: unit.signer, password: sys.password },
    });
    const { accessToken } = (await auth.json()) as { accessToken: string };
    const signed = await request.post(`${sys.baseURL}/signing-rounds/${round}/sign`, {
      headers: { authorization: `Bearer ${accessToken}` },
      data: { unitId: unit.unitId, version: 1 },
    });
    expect(signed.status()).toBe(200);
  }
  await page.reload();
  await expect(page.getByTestId('stat-signed')).toContainText('12/12');
  await page.getByRole('button', { name: 'Ký xác nhận' }).click();
  await expect(page.getByText('Đã ký xác nhận: giao ước có hiệu lực.')).toBeVisible();
  await expect(page.getByTestId('stat-signed')).toContainText('Có hiệu lực');
  await shot('08-head-countersigned');
});
