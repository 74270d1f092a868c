import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { FullConfig } from '@playwright/test';
import { ARTIFACTS_DIR, CHROMIUM, INFO_FILE, ROOT, WEB_BUILD_INDEX } from './paths';

const READY = 'E2E_READY ';

/**
 * Starts the system under test (support/e2e-system.ts) in a child process and waits for the line
 * it prints once seeded; returns the teardown that stops it. The browser tests read what it
 * seeded from INFO_FILE.
 */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  if (!existsSync(WEB_BUILD_INDEX)) {
    throw new Error(`no web build at ${WEB_BUILD_INDEX}: run \`npm run web:build\` first`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: \`apt-get install -y chromium\` or set CHROMIUM_PATH`,
    );
  }
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'test/e2e/support/e2e-system.ts'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: process.env },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const info = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.startsWith(READY)) resolve(line.slice(READY.length));
      else process.stdout.write(`[e2e-system] ${line}\n`);
    });
    void exited.then((code) =>
      reject(new Error(`the e2e system exited (code ${code}) before it was ready`)),
    );
  });
  writeFileSync(INFO_FILE, info);

  return async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
}
