import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { ARTIFACTS_DIR, CHROMIUM, DATA_DIR } from './support/paths';

/** Browser tests against the real system (see support/global-setup.ts), in Debian's Chromium. */
export default defineConfig({
  testDir: __dirname,
  testMatch: '**/*.e2e.ts',
  globalSetup: './support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  outputDir: path.join(ARTIFACTS_DIR, 'test-results'),
  reporter: [['list'], ['json', { outputFile: path.join(DATA_DIR, 'e2e-results.json') }]],
  use: {
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
});
