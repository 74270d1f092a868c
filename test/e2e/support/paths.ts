import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const DATA_DIR = process.env['EPW_DATA_DIR'] ?? path.join(ROOT, '.data');
/** Screenshots worth looking at, kept after the run (git-ignored with .data/). */
export const ARTIFACTS_DIR = path.join(DATA_DIR, 'e2e-artifacts');
export const INFO_FILE = path.join(DATA_DIR, 'e2e-system.json');
export const WEB_BUILD_INDEX = path.join(ROOT, 'dist', 'apps', 'web', 'index.html');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
