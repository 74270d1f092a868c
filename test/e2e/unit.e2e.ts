import { chooseCycle, expect, openMenuItem, test } from './support/fixtures';

test.describe('a member unit', () => {
  test('its officer sees what is due and when, and may read but not sign the pledge', async ({
    page,
    sys,
    login,
    shot,
  }) => {
    await login(sys.member.officer);
    await openMenuItem(page, 'Tổng quan');
    await chooseCycle(page, sys.movementCode);
    await expect(page.getByTestId('cycle-summary')).toContainText(sys.movementCode);
    await expect(page.getByTestId('task-sign')).toContainText('Ký giao ước thi đua (phiên bản 1)');
    await expect(page.getByTestId('task-sign')).toContainText('Hạn:');
    await expect(page.getByTestId('task-register')).toBeVisible();
    const phases = page.getByRole('table', { name: 'Lịch các giai đoạn' });
    await expect(phases.getByRole('row').filter({ hasText: 'Ký kết giao ước' })).toContainText(
      'Đang mở',
    );
    await expect(phases.getByRole('row').filter({ hasText: 'Đăng ký thi đua' })).toContainText(
      /\d{2}\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}/,
    );
    await expect(page.getByTestId('unread-count')).toContainText('thông báo chưa đọc');
    await shot('01-officer-dashboard');

    await openMenuItem(page, 'Giao ước thi đua');
    await expect(page.getByRole('heading', { name: 'Giao ước thi đua', level: 1 })).toBeVisible();
    await expect(page.getByTestId('pledge-items').getByRole('listitem')).toHaveCount(7);
    await expect(page.getByText('Chỉ người được ủy quyền ký của đơn vị')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ký giao ước' })).toHaveCount(0);
    await shot('02-officer-pledge');
  });

  test('its signer reads and signs the pledge for the unit', async ({ page, sys, login, shot }) => {
    await login(sys.member.signer);
    await chooseCycle(page, sys.movementCode);
    await openMenuItem(page, 'Giao ước thi đua');
    await page.getByTestId('sign-open').click();
    const dialog = page.getByRole('dialog', { name: 'Ký giao ước thi đua' });
    await expect(dialog.getByTestId('sign-confirm')).toBeDisabled();
    await dialog.getByLabel('Tôi đã đọc toàn bộ nội dung giao ước').check();
    await shot('03-signer-confirm');
    await dialog.getByTestId('sign-confirm').click();
    await expect(page.getByTestId('my-signature')).toContainText('Đơn vị đã ký phiên bản 1');
    await expect(page.getByText('Đơn vị đã ký giao ước.')).toBeVisible();
    await shot('04-signer-signed');

    await openMenuItem(page, 'Tổng quan');
    await expect(page.getByTestId('task-sign')).toContainText('Đơn vị đã ký lúc');
  });

  test('its officer registers; a bad attachment link is refused by the API and shown next to the field', async ({
    page,
    sys,
    login,
    shot,
  }) => {
    await login(sys.member.officer);
    await chooseCycle(page, sys.movementCode);
    await openMenuItem(page, 'Đăng ký thi đua');
    await expect(page.getByText('Chưa đăng ký', { exact: true })).toBeVisible();

    const titles = page.getByRole('combobox', { name: 'Danh hiệu đăng ký phấn đấu' });
    await titles.fill('Tập thể lao động xuất sắc');
    await titles.press('Enter');
    await titles.press('Escape');
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    const item = page.getByTestId('initiative-0');
    await item.getByRole('combobox', { name: 'Lĩnh vực' }).fill('Kinh tế');
    await item
      .getByRole('textbox', { name: 'Tên tập thể / cá nhân' })
      .fill('Chi bộ Phòng Khách hàng');
    await item
      .getByRole('textbox', { name: 'Tên mô hình, giải pháp, công trình' })
      .fill('Mô hình "Ngân hàng thân thiện với người dân"');
    await item
      .getByRole('textbox', { name: 'Mô tả' })
      .fill('Tiếp nhận, giải quyết kiến nghị của người dân ngay tại quầy giao dịch.');
    await item.getByRole('button', { name: 'Thêm tài liệu' }).click();
    await item.getByRole('textbox', { name: 'Tên tài liệu' }).fill('Báo cáo mô hình');
    const link = item.getByRole('textbox', { name: 'Đường dẫn' });
    await link.fill('bao-cao-mo-hinh.pdf');
    await page.getByTestId('registration-submit').click();

    // The API names `initiatives[0].attachments[0].url`; the form shows it under that input.
    await expect(link).toHaveAttribute('aria-invalid', 'true');
    await expect(
      item.getByText('Cần một đường dẫn đầy đủ, bắt đầu bằng http:// hoặc https://'),
    ).toBeVisible();
    await shot('05-registration-field-error');

    await link.fill('https://files.example.vn/bao-cao-mo-hinh.pdf');
    await page.getByTestId('registration-submit').click();
    await expect(page.getByText('Đã lưu đăng ký thi đua.')).toBeVisible();
    await expect(page.getByText('Đã đăng ký', { exact: true })).toBeVisible();
    await expect(link).not.toHaveAttribute('aria-invalid', 'true');
    await shot('06-registration-saved');
  });
});
