import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { expect, test } from './support/fixtures';
import { ROOT } from './support/paths';

const COMMITTED = path.join(ROOT, 'apps/web/src/api/schema.d.ts');

test("the web app's generated API client matches the API's OpenAPI document", async ({ sys }) => {
  // Generated the way `npm run web:api` does, from the running API's document.
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'epw-api-')), 'schema.d.ts');
  execFileSync(
    path.join(ROOT, 'node_modules/.bin/openapi-typescript'),
    [`${sys.baseURL}/docs/openapi.json`, '-o', out],
    { stdio: 'pipe' },
  );
  const options = { ...(await resolveConfig(COMMITTED)), filepath: COMMITTED };
  const fresh = await format(readFileSync(out, 'utf8'), options);
  expect(
    fresh === readFileSync(COMMITTED, 'utf8'),
    'apps/web/src/api/schema.d.ts is stale: run `npm run web:api` with the API running',
  ).toBe(true);
});
