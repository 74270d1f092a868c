import path from 'node:path';
import { expect, openMenuItem, test } from './support/fixtures';
import { ARTIFACTS_DIR } from './support/paths';

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

  test('reads an award form as a procedure; a broken new version is refused where it is wrong', async ({
    page,
    sys,
    login,
    shot,
  }) => {
    await login(sys.admin);
    await openMenuItem(page, 'Hình thức khen thưởng');
    await expect(
      page.getByRole('heading', { name: 'Hình thức khen thưởng', level: 1 }),
    ).toBeVisible();
    // Seeded by ensureCommendationSetup from DEFAULT_AWARD_FORMS (libs/domain).
    const row = page
      .getByTestId('award-forms-table')
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'LDTT', exact: true }) });
    await expect(row).toContainText('Danh hiệu "Lao động tiên tiến"');
    await expect(row).toContainText('Danh hiệu thi đua');
    await expect(row).toContainText('Cơ sở');
    await expect(row).toContainText('Cá nhân');
    await shot('28-admin-award-forms');

    await row.getByRole('button', { name: 'Xem LDTT' }).click();
    const drawer = page.getByRole('dialog');
    const chain = drawer.getByRole('table', { name: 'Quy trình xét duyệt' });
    const steps = chain.getByRole('row');
    await expect(steps).toHaveCount(3);
    await expect(steps.nth(1)).toContainText('Thủ trưởng đơn vị trình');
    await expect(steps.nth(1)).toContainText('Thủ trưởng đơn vị đề nghị');
    await expect(steps.nth(1).getByRole('cell').nth(4)).toHaveText('3');
    await expect(steps.nth(2)).toContainText('Thẩm định hồ sơ');
    await expect(steps.nth(2).getByRole('cell').nth(4)).toHaveText('5');
    await expect(
      drawer.getByRole('table', { name: 'Thành phần hồ sơ' }).getByRole('row'),
    ).toContainText(['Tờ trình đề nghị khen thưởng', 'Biên bản họp xét']);
    await shot('29-admin-award-form-view');

    await drawer.getByRole('link', { name: 'Tạo phiên bản mới từ bản này' }).click();
    await expect(
      page.getByRole('heading', { name: 'Phiên bản mới của hình thức khen thưởng', level: 1 }),
    ).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Mã', exact: true })).toHaveValue('LDTT');
    const json = page.getByRole('textbox', { name: 'Nội dung (JSON)' });
    await expect(json).toHaveValue(/"chain"/);
    const content = JSON.parse(await json.inputValue()) as {
      chain: { slaWorkingDays: number }[];
    };

    // Not JSON: refused before it is sent.
    await json.fill('{ "chain": [');
    await page.getByRole('button', { name: 'Lưu phiên bản' }).click();
    await expect(page.getByText('Nội dung không phải JSON hợp lệ')).toBeVisible();

    // A limit the API refuses: its message names the field, under the JSON it is in.
    content.chain[0].slaWorkingDays = 90;
    await json.fill(JSON.stringify(content, null, 2));
    await page.getByRole('button', { name: 'Lưu phiên bản' }).click();
    await expect(
      page.getByText(
        'Cấu hình hình thức khen thưởng không hợp lệ: chain[0].slaWorkingDays – integer 1-60.',
      ),
    ).toBeVisible();
    await expect(json).toHaveAttribute('aria-invalid', 'true');
    await shot('30-admin-award-form-error');
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

  test('creates a unit, an account for it and a cluster with it as head; the account logs in', async ({
    page,
    browser,
    sys,
    login,
    shot,
  }) => {
    // Three pages and a second browser: longer than the default on a loaded 2-core machine.
    test.setTimeout(240_000);
    const tag = Date.now().toString(36).toUpperCase();
    const unitCode = `E2E-DV-${tag}`;
    const unitName = `Đảng ủy kiểm thử ${tag}`;
    const clusterCode = `E2E-CUM-${tag}`;
    const username = `e2e-${tag.toLowerCase()}.signer`;
    await login(sys.admin);

    // A unit
    await openMenuItem(page, 'Đơn vị');
    await expect(page.getByRole('heading', { name: 'Đơn vị', level: 1 })).toBeVisible();
    // Filtered to this run's records first: the test database holds every earlier run's.
    await page.getByRole('textbox', { name: 'Tìm kiếm' }).fill(tag);
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Mã đơn vị/ }).fill('sai mã');
    await dialog.getByRole('textbox', { name: /^Tên đơn vị/ }).fill(unitName);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    // The API's rule for the code shows under the field.
    await expect(dialog.getByText(/Sai định dạng/)).toBeVisible();
    await dialog.getByRole('textbox', { name: /^Mã đơn vị/ }).fill(unitCode);
    await dialog.getByRole('textbox', { name: /^Quân số/ }).fill('35');
    await shot('21-admin-unit-form');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText(`Đã lưu đơn vị ${unitCode}.`)).toBeVisible();
    const unitRow = page.getByTestId('units-table').getByRole('row').filter({ hasText: unitCode });
    await expect(unitRow).toContainText(unitName);
    await expect(unitRow).toContainText('35');
    await shot('22-admin-units');

    // An account of that unit, a signer
    await openMenuItem(page, 'Người dùng');
    await expect(page.getByRole('heading', { name: 'Người dùng', level: 1 })).toBeVisible();
    await page.getByRole('textbox', { name: 'Tìm kiếm' }).fill(tag.toLowerCase());
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Tên đăng nhập/ }).fill(username);
    await dialog.getByRole('textbox', { name: /^Họ và tên/ }).fill('Trần Thị Kiểm Thử');
    await dialog
      .getByRole('textbox', { name: /^Thư điện tử/ })
      .fill(`${tag.toLowerCase()}@example.vn`);
    await dialog.getByRole('combobox', { name: /^Đơn vị/ }).fill(unitCode);
    await page.getByRole('option', { name: new RegExp(unitCode) }).click();
    await dialog.getByRole('checkbox', { name: 'Người ký của đơn vị' }).check();
    await dialog.getByRole('checkbox', { name: 'Cán bộ thi đua đơn vị' }).check();
    await dialog.getByLabel(/^Mật khẩu ban đầu/).fill(sys.password);
    await shot('23-admin-user-form');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText(`Đã lưu người dùng ${username}.`)).toBeVisible();
    const userRow = page.getByTestId('users-table').getByRole('row').filter({ hasText: username });
    await expect(userRow).toContainText(unitName);
    await expect(userRow).toContainText('Người ký của đơn vị');
    await expect(userRow).toContainText('Đang hoạt động');
    await shot('24-admin-users');

    // A cluster whose members this year are the new unit (head) and the member unit
    await openMenuItem(page, 'Cụm thi đua, thành viên');
    await page.getByRole('button', { name: 'Thêm cụm thi đua' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Mã cụm/ }).fill(clusterCode);
    await dialog.getByRole('textbox', { name: /^Tên cụm/ }).fill(`Cụm kiểm thử ${tag}`);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText(`Đã lưu cụm ${clusterCode}.`)).toBeVisible();
    const editor = page.getByTestId('membership-editor');
    await expect(editor).toContainText(`Cụm kiểm thử ${tag}`);
    await editor.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await editor.getByRole('combobox', { name: 'Đơn vị thứ 1', exact: true }).fill(unitCode);
    await page.getByRole('option', { name: new RegExp(unitCode) }).click();
    await editor.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await editor
      .getByRole('combobox', { name: 'Đơn vị thứ 2', exact: true })
      .fill(sys.member.unitCode);
    await page.getByRole('option', { name: new RegExp(sys.member.unitCode) }).click();
    // Two heads: the API names the second row's role.
    await editor.getByRole('combobox', { name: 'Vai trò của đơn vị thứ 2' }).click();
    await page.getByRole('option', { name: 'Cụm trưởng' }).click();
    await editor.getByRole('button', { name: /^Lưu danh sách năm/ }).click();
    await expect(editor.getByText(/đúng một cụm trưởng/)).toBeVisible();
    await shot('25-admin-memberships-error');
    await editor.getByRole('combobox', { name: 'Vai trò của đơn vị thứ 2' }).click();
    await page.getByRole('option', { name: 'Thành viên' }).click();
    await editor.getByRole('button', { name: /^Lưu danh sách năm/ }).click();
    await expect(page.getByText(/Đã lưu danh sách thành viên năm/)).toBeVisible();
    await expect(editor.getByRole('combobox', { name: 'Vai trò của đơn vị thứ 1' })).toHaveValue(
      'Cụm trưởng',
    );
    await shot('26-admin-memberships');

    // The new account signs in, in a browser of its own
    const context = await browser.newContext({ baseURL: `${sys.baseURL}/app/` });
    const userPage = await context.newPage();
    await userPage.goto('login');
    await userPage.getByLabel(/^Tên đăng nhập/).fill(username);
    await userPage.getByLabel(/^Mật khẩu/).fill(sys.password);
    await userPage.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(userPage).not.toHaveURL(/\/login/);
    await userPage.getByTestId('account-menu').click();
    await expect(userPage.getByText(`${username} · ${unitName}`)).toBeVisible();
    await userPage.screenshot({
      path: path.join(ARTIFACTS_DIR, '27-new-user-signed-in.png'),
      fullPage: true,
    });
    await context.close();
  });
});
