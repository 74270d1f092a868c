import { expect, openMenuItem, test } from './support/fixtures';

test.describe('the administrator', () => {
  test('reads the rule sets, as rules and as JSON', async ({ page, sys, login, shot }) => {
    await login(sys.admin);
    await openMenuItem(page, 'Bộ quy tắc');
    const table = page.getByTestId('rule-sets-table');
    const row = table.getByRole('row').filter({ hasText: `E2E-${sys.movementCode.slice(4)}` });
    await expect(row).toContainText('Quy tắc kiểm thử giao diện');
    await expect(table.getByRole('row').filter({ hasText: 'Mặc định' })).toBeVisible();
    await shot('09-admin-rule-sets');

    await row.getByRole('button', { name: 'Xem' }).click();
    const drawer = page.getByRole('dialog');
    await expect(drawer.getByText('Tiêu chí chấm điểm')).toBeVisible();
    await expect(drawer.getByRole('row').filter({ hasText: 'C1' })).toContainText('20');
    await expect(drawer.getByRole('row').filter({ hasText: 'Ký kết giao ước' })).toContainText(
      '60',
    );
    await shot('10-admin-rule-set-view');
  });

  test('adds and removes a public holiday', async ({ page, sys, login, shot }) => {
    const year = new Date().getFullYear() + 9;
    await login(sys.admin);
    await openMenuItem(page, 'Ngày nghỉ lễ');
    await expect(page.getByRole('heading', { name: 'Ngày nghỉ lễ', level: 1 })).toBeVisible();
    await page.getByRole('textbox', { name: 'Ngày', exact: true }).fill(`27/07/${year}`);
    await page.getByRole('textbox', { name: 'Tên ngày nghỉ' }).fill('Ngày kiểm thử giao diện');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText(`Đã lưu ngày nghỉ 27/07/${year}.`)).toBeVisible();

    const row = page
      .getByTestId('holidays-table')
      .getByRole('row')
      .filter({ hasText: `27/07/${year}` });
    await expect(row).toContainText('Ngày kiểm thử giao diện');
    await expect(row).toContainText(/Thứ|Chủ nhật/);
    await shot('11-admin-holidays');

    await row.getByRole('button', { name: `Xóa ngày nghỉ 27/07/${year}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xóa' }).click();
    await expect(row).toHaveCount(0);
  });
});
