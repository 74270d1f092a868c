import type { APIRequestContext, Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { chooseCycle, expect, openMenuItem, test } from './support/fixtures';

const PERIOD_MS = 30_000;
/** The e2e system's step-up window (scripts/test-e2e.sh sets MFA_STEP_UP_SECONDS=20). */
const STEP_UP_SECONDS = Number(process.env['MFA_STEP_UP_SECONDS'] ?? 20);

/**
 * The user's authenticator app, played with the same library as the API: each code is of a time
 * step after the last one used (the API accepts a step once), within the ±1 step it allows.
 */
class Authenticator {
  private readonly totp: TOTP;
  private lastStep = 0;

  constructor(secret: string) {
    this.totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  }

  async code(page: Page): Promise<string> {
    for (;;) {
      const now = Date.now();
      const current = Math.floor(now / PERIOD_MS);
      const lowest = now % PERIOD_MS < PERIOD_MS - 3000 ? current - 1 : current;
      const step = Math.max(this.lastStep + 1, lowest);
      if (step <= current + 1) {
        this.lastStep = step;
        return this.totp.generate({ timestamp: step * PERIOD_MS });
      }
      await page.waitForTimeout(PERIOD_MS - (now % PERIOD_MS) + 100);
    }
  }

  /** Six digits that are none of the codes valid now. */
  wrongCode(): string {
    const now = Date.now();
    const valid = [-1, 0, 1].map((d) => this.totp.generate({ timestamp: now + d * PERIOD_MS }));
    for (let n = 1; ; n += 1) {
      const candidate = String((Number(valid[1]) + n * 7919) % 1_000_000).padStart(6, '0');
      if (!valid.includes(candidate)) return candidate;
    }
  }
}

async function createSigner(
  request: APIRequestContext,
  base: string,
  admin: string,
  password: string,
  unitId: string,
): Promise<string> {
  const auth = await request.post(`${base}/auth/login`, { data: { username: admin, password } });
  expect(auth.status()).toBe(200);
  const { accessToken } = (await auth.json()) as { accessToken: string };
  const username = `e2e-2fa-${Date.now().toString(36)}.signer`;
  const created = await request.post(`${base}/admin/users`, {
    headers: { authorization: `Bearer ${accessToken}` },
    data: {
      username,
      fullName: 'Phạm Văn Xác Thực',
      unitId,
      roles: ['UNIT_SIGNER'],
      password,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  return username;
}

async function passwordStep(page: Page, username: string, password: string): Promise<void> {
  await page.goto('login');
  await page.getByLabel(/^(Tên đăng nhập|Username)/).fill(username);
  await page.getByLabel(/^(Mật khẩu|Password)/).fill(password);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
}

test('a signer enrols a TOTP app, logs in with its code and is asked again before signing', async ({
  page,
  request,
  sys,
  shot,
}) => {
  // Enrolment, two logins and a wait past the step-up window (codes may wait for a new step).
  test.setTimeout(240_000);
  // An account of its own, so no other test meets a second factor at its login.
  const unit = sys.units.find(
    (u) => ![sys.member.unitId, sys.other.unitId, sys.head.unitId].includes(u.unitId),
  );
  if (!unit) throw new Error('no spare member unit');
  const username = await createSigner(request, sys.baseURL, sys.admin, sys.password, unit.unitId);

  // Enrolment: QR code and manual key, a code confirms, recovery codes shown once.
  await passwordStep(page, username, sys.password);
  await expect(page.getByRole('navigation', { name: 'Trình đơn chính' })).toBeAttached();
  await page.getByTestId('account-menu').click();
  await page.getByRole('menuitem', { name: 'Xác thực hai lớp' }).click();
  await expect(page.getByRole('heading', { name: 'Xác thực hai lớp', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Bắt đầu thiết lập' }).click();
  await expect(page.getByTestId('second-factor-qr')).toBeVisible();
  const secret = (await page.getByTestId('second-factor-secret').innerText()).trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const app = new Authenticator(secret);
  await shot('40-second-factor-enrol');
  await page.getByRole('textbox', { name: /^Mã xác thực/ }).fill(await app.code(page));
  await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
  const codes = page.getByTestId('recovery-code');
  await expect(codes).toHaveCount(10);
  await expect(page.getByText('Mã khôi phục: chỉ hiện một lần')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tải xuống' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'In', exact: true })).toBeVisible();
  await shot('41-second-factor-recovery-codes');
  await page.getByLabel('Tôi đã lưu các mã khôi phục').check();
  await page.getByRole('button', { name: 'Xong', exact: true }).click();
  await expect(page.getByText(/Đang bật từ/)).toBeVisible();
  await expect(page.getByText('Còn 10 mã khôi phục chưa dùng')).toBeVisible();

  // Logging in again: the password, then the code; a wrong code is refused with a clear message.
  await page.getByTestId('account-menu').click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login/);
  await passwordStep(page, username, sys.password);
  await expect(page.getByRole('heading', { name: 'Nhập mã xác thực' })).toBeVisible();
  const codeInput = page.getByRole('textbox', { name: /^Mã xác thực hoặc mã khôi phục/ });
  await codeInput.fill(app.wrongCode());
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await expect(page.getByTestId('login-error')).toContainText(
    'Mã xác thực không đúng hoặc đã được dùng',
  );
  await shot('42-second-factor-wrong-code');
  await codeInput.fill(await app.code(page));
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole('navigation', { name: 'Trình đơn chính' })).toBeAttached();

  // Past the step-up window, signing asks for the code again, then goes through.
  await page.waitForTimeout((STEP_UP_SECONDS + 2) * 1000);
  await chooseCycle(page, sys.movementCode);
  await openMenuItem(page, 'Giao ước thi đua');
  await page.getByTestId('sign-open').click();
  const signDialog = page.getByRole('dialog', { name: 'Ký giao ước thi đua' });
  await signDialog.getByLabel('Tôi đã đọc toàn bộ nội dung giao ước').check();
  await signDialog.getByTestId('sign-confirm').click();
  const stepUp = page.getByRole('dialog', { name: 'Xác nhận lại bằng mã xác thực' });
  await expect(stepUp).toBeVisible();
  const stepUpInput = stepUp.getByRole('textbox', { name: /^Mã xác thực hoặc mã khôi phục/ });
  await stepUpInput.fill(app.wrongCode());
  await stepUp.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await expect(stepUp.getByTestId('step-up-error')).toContainText('Mã xác thực không đúng');
  await shot('43-second-factor-step-up');
  await stepUpInput.fill(await app.code(page));
  await stepUp.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await expect(stepUp).toBeHidden();
  await expect(page.getByTestId('my-signature')).toContainText('Đơn vị đã ký phiên bản 1');
  await shot('44-second-factor-signed');
});
