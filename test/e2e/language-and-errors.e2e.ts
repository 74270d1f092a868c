import { chooseCycle, expect, openMenuItem, test } from './support/fixtures';

test('switching to English translates the app and the API answers in English', async ({
  page,
  sys,
  login,
  shot,
}) => {
  await page.goto('login');
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Emulation & Commendation' })).toBeVisible();
  await page.getByLabel(/^Username/).fill(sys.member.officer);
  await page.getByLabel(/^Password/).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The API's own message, in the language the app asked for (Accept-Language: en).
  await expect(page.getByTestId('login-error')).toHaveText('Wrong username or password.');
  await shot('12-login-english-error');

  await login(sys.member.officer);
  await page.goto('dashboard');
  await chooseCycle(page, sys.movementCode);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Emulation pledge' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Phases of the cycle' })).toContainText(
    'Pledge signing',
  );
  await shot('13-dashboard-english');

  await page.getByText('VI', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tổng quan', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});

test('a validation error from the API appears next to the field it names', async ({
  page,
  sys,
  login,
  shot,
}) => {
  await login(sys.other.officer);
  await openMenuItem(page, 'Cài đặt nhắc việc');
  await page.getByRole('checkbox', { name: 'Webhook (gửi đến hệ thống khác)' }).check();
  const url = page.getByRole('textbox', { name: 'Địa chỉ webhook' });
  await url.fill('');
  await page.getByTestId('settings-save').click();
  // Only the API knows this rule (a webhook channel needs a URL): errors[].field = webhookUrl.
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Cần địa chỉ webhook khi chọn kênh webhook')).toBeVisible();
  await shot('14-settings-field-error');

  await page.getByRole('checkbox', { name: 'Webhook (gửi đến hệ thống khác)' }).uncheck();
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('Đã lưu cài đặt nhắc việc.')).toBeVisible();
});
