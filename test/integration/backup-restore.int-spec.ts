import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { AuditLogRepository, PrismaService } from '@epw/data-access';
import { testConfig, waitFor } from '@epw/testing';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** A throwaway Redis on a port of its own (the shared one is never backed up or restored here). */
async function startRedis(
  dir: string,
  extra: string[] = [],
): Promise<{ port: number; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', ...extra],
    { stdio: 'ignore' },
  );
  await waitFor(async () => (await redisCli(port, 0, 'PING')) === 'PONG', {
    timeoutMs: 20_000,
    description: `redis-server on :${port}`,
  });
  return { port, proc };
}

async function redisCli(port: number, db: number, ...args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-p', String(port), '-n', String(db), ...args]);
  return stdout.trim();
}

async function stopRedis(r: { proc: ChildProcess } | undefined): Promise<void> {
  if (!r || r.proc.exitCode !== null) return;
  const exited = new Promise((resolve) => r.proc.once('exit', resolve));
  r.proc.kill('SIGTERM');
  await exited;
}

/** The stderr of a script that failed, or null if it succeeded. */
function failureOf(p: Promise<unknown>): Promise<string | null> {
  return p.then(
    () => null,
    (err: { stderr?: string }) => err.stderr ?? 'failed without output',
  );
}

/** Exact row counts of every table of the public schema, by table. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const tables = await db.query<{ tablename: string }>(
      `select tablename from pg_tables where schemaname = 'public' order by tablename`,
    );
    const counts: Record<string, number> = {};
    for (const { tablename } of tables.rows) {
      const r = await db.query<{ n: string }>(`select count(*) as n from public."${tablename}"`);
      counts[tablename] = Number(r.rows[0]?.n);
    }
    return counts;
  } finally {
    await db.end();
  }
}

async function auditHead(url: string): Promise<{ id: string; hash: string } | null> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const r = await db.query<{ id: string; hash: string }>(
      `select id::text as id, hash from "AuditLog" order by id desc limit 1`,
    );
    return r.rows[0] ?? null;
  } finally {
    await db.end();
  }
}

/**
 * scripts/backup.sh and scripts/restore.sh on the demo data: a database of its own is migrated,
 * seeded with prisma/seed.ts (the demo of `npm start`) and given audited changes; a throwaway
 * Redis holds queue-like keys. The backup is restored into a new database and a new Redis data
 * directory, and the copies are compared with the originals: every table's row count, the audit
 * chain's head, the chain recomputed end to end, the Redis keys. A damaged backup and an existing
 * target database are refused.
 */
describe('backup and restore (scripts/backup.sh, scripts/restore.sh)', () => {
  const tag = `${process.pid}_${Date.now().toString(36)}`;
  const shared = new URL(testConfig().databaseUrl);
  const urlOf = (db: string) => {
    const u = new URL(shared.toString());
    u.pathname = `/${db}`;
    return u.toString();
  };
  const source = `epw_backup_${tag}`;
  const target = `epw_restored_${tag}`;
  const work = mkdtempSync(path.join(tmpdir(), 'epw-backup-test-'));
  let admin: Client | undefined;
  let redis: { port: number; proc: ChildProcess } | undefined;
  let restoredRedis: { port: number; proc: ChildProcess } | undefined;
  let backupDir = '';

  const env = (extra: Record<string, string>) => ({
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '/root',
    ...extra,
  });
  const script = (name: string, args: string[], extra: Record<string, string>) =>
    run('bash', [path.join(ROOT, 'scripts', name), ...args], {
      cwd: ROOT,
      env: env({ EPW_DATA_DIR: path.join(work, 'data'), ...extra }),
      maxBuffer: 16 * 1024 * 1024,
    });

  beforeAll(async () => {
    admin = new Client({ connectionString: urlOf('postgres') });
    await admin.connect();
    await admin.query(`create database ${source}`);
    await run('npx', ['--no-install', 'prisma', 'migrate', 'deploy'], {
      cwd: ROOT,
      env: env({ DATABASE_URL: urlOf(source) }),
    });
    await run('node', ['-r', '@swc-node/register', 'prisma/seed.ts'], {
      cwd: ROOT,
      env: env({ DATABASE_URL: urlOf(source) }),
    });
    // Audited changes, appended the way the product appends them (one chain, hash-linked).
    const prisma = new PrismaService(testConfig({ DATABASE_URL: urlOf(source) }));
    try {
      const audit = new AuditLogRepository(prisma);
      for (let i = 0; i < 12; i++) {
        await audit.recordOnce(
          {
            eventKey: `backup-test:${tag}:${i}`,
            actorUserId: null,
            action: 'holiday.created',
            entityType: 'Holiday',
            entityId: randomUUID(),
            payload: { i, name: `Ngày kiểm thử sao lưu ${i}` },
          },
          () => Promise.resolve(),
        );
      }
    } finally {
      await prisma.$disconnect();
    }
    redis = await startRedis(mkdtempSync(path.join(work, 'redis-')), ['--appendonly', 'yes']);
    await redisCli(redis.port, 0, 'HSET', 'epw:reminders:1', 'name', 'nhắc hạn', 'attempts', '2');
    await redisCli(redis.port, 0, 'ZADD', 'epw:reminders:delayed', '1767225600000', '1');
    await redisCli(redis.port, 3, 'SET', 'other-db-key', 'giữ nguyên');
  }, 180_000);

  afterAll(async () => {
    await stopRedis(redis);
    await stopRedis(restoredRedis);
    for (const db of [source, target]) {
      await admin?.query(`drop database if exists ${db} with (force)`).catch(() => undefined);
    }
    await admin?.end();
    rmSync(work, { recursive: true, force: true });
  });

  it('backs up the demo data and restores an identical copy into a new database and Redis', async () => {
    const backup = await script('backup.sh', ['--out', path.join(work, 'backups')], {
      DATABASE_URL: urlOf(source),
      REDIS_URL: `redis://127.0.0.1:${redis?.port}/0`,
    });
    backupDir = backup.stdout.trim().split('\n').pop() ?? '';
    const manifest = readFileSync(path.join(backupDir, 'manifest.txt'), 'utf8');
    expect(manifest).toMatch(/^rows AuditLog 12$/m);

    const redisDir = path.join(work, 'redis-restored');
    const restore = await script(
      'restore.sh',
      [backupDir, '--database', target, '--redis-dir', redisDir],
      { DATABASE_URL: urlOf(source) },
    );
    expect(restore.stdout.trim().split('\n').pop()).toBe(urlOf(target));

    // Every table, counted in both databases (not only against the manifest restore.sh checked).
    const [before, after] = await Promise.all([rowCounts(urlOf(source)), rowCounts(urlOf(target))]);
    expect(Object.keys(after).length).toBeGreaterThan(30);
    expect(after).toEqual(before);
    expect(before['User']).toBeGreaterThan(10);
    expect(before['AuditLog']).toBe(12);
    expect(await auditHead(urlOf(target))).toEqual(await auditHead(urlOf(source)));
    // The whole chain recomputed in the copy, as GET /audit/verify does.
    const restored = new PrismaService(testConfig({ DATABASE_URL: urlOf(target) }));
    try {
      expect(await new AuditLogRepository(restored).verify()).toEqual({
        ok: true,
        checked: 12,
        brokenAtId: null,
        reason: null,
      });
    } finally {
      await restored.$disconnect();
    }

    // Redis started on the restored snapshot (without AOF, as docs/production.md says).
    restoredRedis = await startRedis(redisDir, ['--appendonly', 'no']);
    const port = restoredRedis.port;
    expect(await redisCli(port, 0, 'HGET', 'epw:reminders:1', 'name')).toBe('nhắc hạn');
    expect(await redisCli(port, 0, 'ZSCORE', 'epw:reminders:delayed', '1')).toBe('1767225600000');
    expect(await redisCli(port, 3, 'GET', 'other-db-key')).toBe('giữ nguyên');
    expect(await redisCli(port, 0, 'DBSIZE')).toBe(await redisCli(redis?.port ?? 0, 0, 'DBSIZE'));
  }, 240_000);

  it('refuses to restore over an existing database', async () => {
    expect(backupDir).not.toBe('');
    const refused = await failureOf(
      script('restore.sh', [backupDir, '--database', target], { DATABASE_URL: urlOf(source) }),
    );
    expect(refused).toContain(`database ${target} exists`);
  }, 60_000);

  it('refuses a damaged backup before restoring anything', async () => {
    const damaged = path.join(work, 'damaged');
    await run('cp', ['-r', backupDir, damaged]);
    const dump = path.join(damaged, 'app.dump');
    const bytes = readFileSync(dump);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(dump, bytes);
    copyFileSync(path.join(backupDir, 'SHA256SUMS'), path.join(damaged, 'SHA256SUMS'));
    const other = `epw_damaged_${tag}`;
    const refused = await failureOf(
      script('restore.sh', [damaged, '--database', other], { DATABASE_URL: urlOf(source) }),
    );
    expect(refused).toContain('is damaged');
    const exists = await admin?.query(`select 1 from pg_database where datname = $1`, [other]);
    expect(exists?.rowCount).toBe(0);
  }, 60_000);
});
