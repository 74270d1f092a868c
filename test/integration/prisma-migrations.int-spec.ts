import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { testConfig } from '@epw/testing';

const ROOT = path.join(__dirname, '../..');

/** schema.prisma and prisma/migrations must describe the same database; otherwise
 * `npm run db:new-migration -- <name>` writes the missing migration. */
describe('Prisma migrations', () => {
  it('match schema.prisma (no drift)', () => {
    const run = () =>
      execFileSync(
        path.join(ROOT, 'node_modules/.bin/prisma'),
        [
          'migrate',
          'diff',
          '--from-migrations',
          'prisma/migrations',
          '--to-schema-datamodel',
          'prisma/schema.prisma',
          '--exit-code',
        ],
        {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: testConfig().databaseUrl },
          encoding: 'utf8',
          stdio: 'pipe',
        },
      );
    let output = '';
    let code = 0;
    try {
      output = run();
    } catch (err) {
      const e = err as { status: number; stdout: string; stderr: string };
      code = e.status;
      output = `${e.stdout}\n${e.stderr}`;
    }
    expect({ code, drift: code === 0 ? '' : output }).toEqual({ code: 0, drift: '' });
  });
});
