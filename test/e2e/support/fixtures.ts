import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import type { E2eSystemInfo } from './e2e-info';
import { ARTIFACTS_DIR, INFO_FILE } from './paths';

interface Fixtures {
  sys: E2eSystemInfo;
  /** Signs in through the login page (Vietnamese unless the page was switched). */
  login: (username: string) => Promise<void>;
  /** Saves a full-page screenshot to .data/e2e-artifacts/<name>.png, after checking the page
   * as it stands with axe-core (WCAG 2.1 A and AA): a serious or critical violation fails. */
  shot: (name: string) => Promise<void>;
}

const info = (): E2eSystemInfo => JSON.parse(readFileSync(INFO_FILE, 'utf8')) as E2eSystemInfo;

/** The app's pages (paths under /app/) each page has had checked by axe-core. */
const checkedPaths = new WeakMap<Page, Set<string>>();

/** The app page a URL shows (`/app/nominations/…`), or null for anything else (the API, blank). */
function appPathOf(url: string): string | null {
  try {
    const { pathname } = new URL(url);
    return pathname.startsWith('/app/') || pathname === '/app' ? pathname : null;
  } catch {
    return null;
  }
}

export const test = base.extend<Fixtures>({
  /**
   * Every page of the app a test visits is checked by axe-core: those a `shot()` checked as they
   * stood, the others once more at the end of the test (loaded afresh in the same session), so a
   * page no screenshot was taken of cannot hide a serious or critical violation.
   */
  page: async ({ page }, use, testInfo) => {
    const visited = new Set<string>();
    const onNavigated = (frame: ReturnType<Page['mainFrame']>) => {
      if (frame !== page.mainFrame()) return;
      const path = appPathOf(frame.url());
      if (path) visited.add(path);
    };
    checkedPaths.set(page, new Set());
    page.on('framenavigated', onNavigated);
    await use(page);
    page.off('framenavigated', onNavigated);
    // A test that already failed says why; a second failure here would only hide it.
    if (testInfo.status !== testInfo.expectedStatus || page.isClosed()) return;
    const checked = checkedPaths.get(page) ?? new Set<string>();
    for (const path of visited) {
      if (checked.has(path)) continue;
      await page.goto(new URL(path, info().baseURL).toString());
      await settled(page);
      await expectAccessible(page, `${path} (visited without a shot)`);
    }
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from it
  sys: async ({}, use) => {
    await use(info());
  },
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    await use(`${info().baseURL}/app/`);
  },
  login: async ({ page, sys }, use) => {
    await use(async (username: string) => {
      await page.goto('login');
      await page.getByLabel(/^(Tên đăng nhập|Username)/).fill(username);
      await page.getByLabel(/^(Mật khẩu|Password)/).fill(sys.password);
      await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
      await expect(page).not.toHaveURL(/\/login/);
      await expect(
        page.getByRole('navigation', { name: /Trình đơn chính|Main menu/ }),
      ).toBeAttached();
    });
  },
  shot: async ({ page }, use) => {
    await use(async (name: string) => {
      // From the top: a full-page capture of a scrolled page draws the fixed header mid-page.
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
      await expectAccessible(page, name);
    });
  },
});

export { expect };

/** The little of the DOM the check reads (the e2e project compiles without the DOM library). */
interface PageWithAnimations {
  document: {
    getAnimations(): {
      playState: string;
      effect: { getTiming(): { iterations?: number } } | null;
    }[];
  };
}

/** The page as it stands checked by axe-core against WCAG 2.1 A and AA; serious and critical
 * violations are listed (rule, help, the first elements) and fail the test. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const path = appPathOf(page.url());
  if (path) checkedPaths.get(page)?.add(path);
  // Colours are measured as they end: a notice fading in is not yet its final contrast.
  // (A function, not a string: the app's CSP forbids evaluating strings.)
  // Spinners run forever and are left out; the wait is bounded.
  await page
    .waitForFunction(
      () =>
        (globalThis as unknown as PageWithAnimations).document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`)
          .join(' | ')}`,
    );
  expect(violations, `accessibility of ${where}`).toEqual([]);
}

/** Waits (bounded) until a freshly loaded page has drawn its content: no loader left. Not
 * "networkidle": the app keeps a live event stream open. */
async function settled(page: Page): Promise<void> {
  await page
    .locator('main, [role="main"]')
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  await expect(page.locator('.mantine-Loader'))
    .toHaveCount(0, { timeout: 10_000 })
    .catch(() => undefined);
}

/** Chooses the seeded cycle in the navigation's cycle picker (unless it is already chosen). */
export async function chooseCycle(page: Page, movementCode: string): Promise<void> {
  const picker = page.getByRole('combobox', { name: /Kỳ thi đua|Cycle/ });
  const menu = page.getByRole('button', { name: /Mở trình đơn|Open the menu/ });
  if (await menu.isVisible()) await menu.click();
  // The list has loaded once the picker shows a cycle (the default one).
  await expect(picker).toHaveValue(/·/);
  if (!(await picker.inputValue()).startsWith(`${movementCode} ·`)) {
    await picker.click();
    await page.getByRole('option', { name: new RegExp(`^${movementCode} ·`) }).click();
  }
  await expect(picker).toHaveValue(new RegExp(`^${movementCode} ·`));
}

/** Signs in through the API: the `authorization` header of the account's access token. */
export async function authHeaders(
  request: APIRequestContext,
  baseURL: string,
  username: string,
  password: string,
): Promise<Record<string, string>> {
  const res = await request.post(`${baseURL}/auth/login`, { data: { username, password } });
  expect(res.status(), await res.text()).toBe(200);
  const { accessToken } = (await res.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

/** A link of the main menu (opening it first on a phone). */
export async function openMenuItem(page: Page, name: string): Promise<void> {
  const menu = page.getByRole('button', { name: /Mở trình đơn|Open the menu/ });
  if (await menu.isVisible()) await menu.click();
  await page
    .getByRole('navigation', { name: /Trình đơn chính|Main menu/ })
    .getByRole('link', { name })
    .click();
}
