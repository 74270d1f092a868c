import { expect, test } from './support/fixtures';

const SESSION = "sessionStorage.getItem('epw.session')";

interface StoredSession {
  token: string;
  expiresAt: number;
  refreshToken: string;
}

test('an expired access token is renewed with the refresh token; signing out ends the login', async ({
  page,
  request,
  sys,
  login,
}) => {
  await login(sys.member.signer);
  await page.goto('dashboard');
  const before = JSON.parse(String(await page.evaluate(SESSION))) as StoredSession;
  // As if the access token's 15 minutes had passed: the refresh token is still valid.
  await page.evaluate(
    `(() => { const s = JSON.parse(${SESSION}); s.expiresAt = Date.now() - 1000; sessionStorage.setItem('epw.session', JSON.stringify(s)); })()`,
  );
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Tổng quan', level: 1 })).toBeVisible();
  await expect(page.getByTestId('cycle-summary')).toBeVisible();
  const after = JSON.parse(String(await page.evaluate(SESSION))) as StoredSession;
  expect(after.token).not.toBe(before.token);
  expect(after.refreshToken).not.toBe(before.refreshToken);
  expect(after.expiresAt).toBeGreaterThan(Date.now());

  await page.getByTestId('account-menu').click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/app\/login$/);
  expect(await page.evaluate(SESSION)).toBeNull();
  // The API revoked the login: its refresh token no longer works.
  const refused = await request.post(`${sys.baseURL}/auth/refresh`, {
    data: { refreshToken: after.refreshToken },
  });
  expect(refused.status()).toBe(401);
});
