import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { issueSigningP12 } from '@epw/documents';
import { authHeaders, chooseCycle, expect, openMenuItem, test } from './support/fixtures';
import type { E2eSystemInfo } from './support/e2e-info';

/* A member's officer (not the signer) downloads the round's documents from the pledge page: the
 * conference package while the round is open, the sealed signed copy once the round is in effect.
 * Both are fetched with the bearer token and saved from an object URL. */

interface RoundStatus {
  status: string;
  pledge: { version: number };
  units: { unitId: string; decision: string; version: number | null }[];
}

/** The lead cycle's round in effect: every member that has not signed the current version signs
 * and the head countersigns, through the API (cluster-head.e2e.ts may have done it already). */
async function bringLeadRoundIntoEffect(request: APIRequestContext, sys: E2eSystemInfo) {
  const round = `${sys.baseURL}/signing-rounds/${sys.leadCycle.roundId}`;
  const head = await authHeaders(request, sys.baseURL, sys.head.signer, sys.password);
  const read = async (): Promise<RoundStatus> => {
    const res = await request.get(round, { headers: head });
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as RoundStatus;
  };
  const before = await read();
  if (before.status === 'EFFECTIVE') return;
  const version = before.pledge.version;
  for (const unit of sys.units) {
    const mine = before.units.find((u) => u.unitId === unit.unitId);
    if (mine?.decision === 'SIGNED' && mine.version === version) continue;
    const signed = await request.post(`${round}/sign`, {
      headers: await authHeaders(request, sys.baseURL, unit.signer, sys.password),
      data: { unitId: unit.unitId, version },
    });
    expect(signed.status(), await signed.text()).toBe(200);
  }
  await expect.poll(async () => (await read()).status).toBe('AWAITING_COUNTERSIGN');
  const countersigned = await request.post(`${round}/countersign`, {
    headers: head,
    data: { version },
  });
  expect(countersigned.status(), await countersigned.text()).toBe(200);
  await expect.poll(async () => (await read()).status).toBe('EFFECTIVE');
}

/** Clicks, waits for the browser's download and returns its name and bytes. */
async function download(page: Page, click: () => Promise<void>) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const bytes = readFileSync(await d.path());
  return { name: d.suggestedFilename(), bytes };
}

test('a member downloads the conference package, then the signed copy once the round is in effect', async ({
  page,
  request,
  sys,
  login,
  shot,
}) => {
  const packageButton = page.getByRole('button', { name: 'Tải bộ tài liệu hội nghị (PDF)' });
  const signedButton = page.getByRole('button', { name: 'Tải bản giao ước đã ký (PDF)' });

  await login(sys.member.officer);
  await chooseCycle(page, sys.movementCode);
  await openMenuItem(page, 'Giao ước thi đua');
  await expect(page.getByRole('heading', { name: 'Giao ước thi đua', level: 1 })).toBeVisible();
  // Every member of the round, with where it stands.
  await expect(page.getByTestId('round-signatures').getByRole('listitem')).toHaveCount(
    sys.units.length,
  );
  // The round is open and before its deadline: the package only.
  await expect(packageButton).toBeVisible();
  await expect(signedButton).toHaveCount(0);
  const conference = await download(page, () => packageButton.click());
  expect(conference.name).toMatch(/^tai-lieu-hoi-nghi-.*\.pdf$/);
  expect(conference.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(conference.bytes.length).toBeGreaterThan(5_000);

  await bringLeadRoundIntoEffect(request, sys);
  await chooseCycle(page, sys.leadCycle.movementCode);
  await expect(page.getByText('giao ước có hiệu lực')).toBeVisible();
  const signatures = page.getByTestId('round-signatures');
  await expect(signatures.getByRole('listitem')).toHaveCount(sys.units.length);
  await expect(signatures.getByTestId(`signature-${sys.other.unitCode}`)).toContainText(
    sys.other.unitName,
  );
  await expect(signatures.getByTestId(`signature-${sys.other.unitCode}`)).toContainText('Đã ký');
  await expect(signedButton).toBeVisible();
  await shot('signed-copy-01-member-pledge');

  const signedCopy = await download(page, () => signedButton.click());
  expect(signedCopy.name).toMatch(/^giao-uoc-da-ky-.*\.pdf$/);
  expect(signedCopy.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(signedCopy.bytes.length).toBeGreaterThan(5_000);
});

test("a member's signer adds a personal digital signature to the signed copy", async ({
  page,
  request,
  sys,
  login,
  shot,
}) => {
  await bringLeadRoundIntoEffect(request, sys);
  const signer = sys.member.signer;
  const me = await request.get(`${sys.baseURL}/auth/me`, {
    headers: await authHeaders(request, sys.baseURL, signer, sys.password),
  });
  const { fullName } = (await me.json()) as { fullName: string };
  const issued = issueSigningP12(sys.personalCa, { commonName: fullName, organization: 'E2E' });

  await login(signer);
  await chooseCycle(page, sys.leadCycle.movementCode);
  await openMenuItem(page, 'Giao ước thi đua');
  const panel = page.getByTestId('personal-signatures');
  await expect(panel.getByText('Chưa có ai ký số cá nhân vào bản ký kết.')).toBeVisible();
  await panel.getByRole('button', { name: 'Ký số bằng chứng thư cá nhân' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ký số bằng chứng thư cá nhân' });
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'chung-thu.p12',
    mimeType: 'application/x-pkcs12',
    buffer: issued.p12,
  });
  // A wrong password is named next to the file, in Vietnamese, and nothing is signed.
  await dialog.getByLabel('Mật khẩu của tệp').fill('not-the-password');
  await dialog.getByRole('button', { name: 'Ký số', exact: true }).click();
  await expect(dialog.getByText(/^Không mở được tệp chứng thư số bằng mật khẩu này/)).toBeVisible();
  await shot('signed-copy-02-personal-signature-refused');
  await dialog.getByLabel('Mật khẩu của tệp').fill(issued.password);
  await dialog.getByRole('button', { name: 'Ký số', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(panel.getByRole('row').filter({ hasText: fullName })).toContainText(
    sys.member.unitName,
  );
  await expect(panel.getByText(/^Bạn đã ký số vào bản ký kết lúc/)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Ký số bằng chứng thư cá nhân' })).toHaveCount(0);
  await shot('signed-copy-03-personal-signature');

  const signedButton = page.getByRole('button', { name: 'Tải bản giao ước đã ký (PDF)' });
  const copy = await download(page, () => signedButton.click());
  // The seal and the personal signature: two signature dictionaries, one revision apart.
  expect(copy.bytes.toString('latin1').match(/\/Type\s*\/Sig\b/g)?.length).toBe(2);
});
