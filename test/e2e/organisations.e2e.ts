import { randomUUID } from 'node:crypto';
import { expect, test } from './support/fixtures';

/* Organisations at every level: the administrator checks a bulk import of people (one bad row is
 * named by row, column and rule, nothing is written), and an officer picks a registered model by
 * name when nominating it. */
test.describe.configure({ mode: 'serial' });

test('the administrator checks a people import and sees the bad row', async ({
  page,
  sys,
  login,
  shot,
}) => {
  await login(sys.admin);
  await page.goto('admin/import');
  await expect(
    page.getByRole('heading', { name: 'Nhập dữ liệu hàng loạt', level: 1 }),
  ).toBeVisible();
  await page.getByRole('combobox', { name: /^Loại dữ liệu/ }).click();
  await page.getByRole('option', { name: 'Người của đơn vị' }).click();
  const csv = [
    'Mã đơn vị,Họ và tên,Chức vụ,Năm sinh',
    `${sys.member.unitCode},Nguyễn Văn Nhập,Chuyên viên,1985`,
    `${sys.member.unitCode},Trần Thị Lỗi,Chuyên viên,năm ngoái`,
  ].join('\n');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'nguoi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Kiểm tra (chạy thử)' }).click();
  const row = page.getByRole('row').filter({ hasText: 'birthYear' });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').first()).toHaveText('3');
  await expect(page.getByRole('button', { name: 'Nhập dữ liệu' })).toBeDisabled();
  await shot('organisations-01-import-errors');
});

test('the officer picks a registered model by name when nominating it', async ({
  page,
  sys,
  login,
  request,
  shot,
}) => {
  const title = `Mô hình dân vận khéo ${randomUUID().slice(0, 8)}`;
  const auth = await request.post(`${sys.baseURL}/auth/login`, {
    data: { username: sys.other.officer, password: sys.password },
  });
  expect(auth.status()).toBeLessThan(300);
  const { accessToken } = (await auth.json()) as { accessToken: string };
  const registered = await request.post(`${sys.baseURL}/cycles/${sys.cycleId}/registrations`, {
    headers: { authorization: `Bearer ${accessToken}`, 'idempotency-key': randomUUID() },
    data: {
      unitId: sys.other.unitId,
      titles: ['Tập thể lao động xuất sắc'],
      initiatives: [
        {
          kind: 'MODEL',
          field: 'Dân vận',
          isNew: true,
          ownerType: 'COLLECTIVE',
          ownerName: sys.other.unitName,
          title,
          description: 'Mô hình dân vận khéo ở khu dân cư',
        },
      ],
    },
  });
  expect(registered.status(), await registered.text()).toBeLessThan(300);

  await login(sys.other.officer);
  await page.goto('nominations/new');
  await page.getByRole('combobox', { name: /^Đối tượng/ }).click();
  await page.getByRole('option', { name: 'Mô hình, sáng kiến' }).click();
  const picker = page.getByRole('combobox', { name: /^Mô hình, sáng kiến/ });
  await picker.click();
  await picker.fill(title.slice(0, 20));
  await expect(page.getByRole('option', { name: new RegExp(title) })).toBeVisible();
  await shot('organisations-02-model-picker');
});
