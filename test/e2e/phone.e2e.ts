import { chooseCycle, expect, test } from './support/fixtures';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test('on a phone the pages fit the screen', async ({ page, sys, login, shot }) => {
  await login(sys.head.signer);
  await chooseCycle(page, sys.movementCode);
  for (const [path, heading, name] of [
    ['tasks', 'Việc cần làm', '15-phone-tasks'],
    ['dashboard', 'Tổng quan', '15-phone-dashboard'],
    ['pledge', 'Giao ước thi đua', '16-phone-pledge'],
    ['registration', 'Đăng ký thi đua', '17-phone-registration'],
    ['cluster', 'Điều hành cụm', '18-phone-board'],
    ['inbox', 'Hộp thư nhắc việc', '19-phone-inbox'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(page.getByText('Đang tải…')).toHaveCount(0);
    if (path === 'cluster') {
      // On a phone the board is a list of cards, not a table to scroll sideways.
      await expect(page.getByTestId('board-cards').getByText(sys.head.unitCode)).toBeVisible();
    }
    // Evaluated in the page (the test's own TypeScript has no DOM types).
    const overflow = Number(
      await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      ),
    );
    expect(overflow, `${path || 'dashboard'} scrolls sideways`).toBeLessThanOrEqual(0);
    await shot(name);
  }
  await page.getByRole('button', { name: 'Mở trình đơn' }).click();
  await expect(page.getByRole('link', { name: 'Điều hành cụm' })).toBeVisible();
  await shot('20-phone-menu');
});
