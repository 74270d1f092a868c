import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import {
  createFixtureCluster,
  ensureCommendationSetup,
  testConfig,
  uniqueSuffix,
  waitFor,
  type FixtureCluster,
} from '@epw/testing';
import { AuditLogRepository } from '@epw/data-access';
import { startTestSystem, type TestSystem } from '../support/test-system';

interface Verification {
  ok: boolean;
  checked: number;
  brokenAtId: string | null;
  reason: 'edited' | 'missing-or-reordered' | null;
}
interface AuditRow {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  payload: unknown;
  eventKey: string;
  prevHash: string;
  hash: string;
  recordedAt: Date;
}

const MIGRATIONS = path.join(__dirname, '../../prisma/migrations');

/**
 * The audit chain is global to a database, and tampering breaks it for every later verification:
 * so this test never touches the shared test database. It creates a database of its own (the
 * migrations applied as they are), tampers with rows there as the owner, shows that
 * GET /audit/verify names the broken row, restores it and finally drops the database.
 */
describe('audit hash chain under tampering', () => {
  const database = `epw_audit_${process.pid}_${Date.now().toString(36)}`;
  const sharedUrl = new URL(testConfig().databaseUrl);
  const ownUrl = new URL(sharedUrl.toString());
  ownUrl.pathname = `/${database}`;
  let admin: Client | undefined;
  let owner: Client | undefined;
  let sys: TestSystem | undefined;
  let cluster: FixtureCluster;
  const suffix = uniqueSuffix();

  const system = () => {
    if (!sys) throw new Error('test system not started');
    return sys;
  };
  const db = () => {
    if (!owner) throw new Error('not connected');
    return owner;
  };
  const verify = async () => {
    const res = await system().http.as<Verification>(cluster.admin, 'GET', '/audit/verify');
    expect(res.status).toBe(200);
    return res.body;
  };
  const rows = async () =>
    (await db().query<AuditRow>('SELECT * FROM "AuditLog" ORDER BY id')).rows.map((r) => ({
      ...r,
      id: String(r.id),
    }));
  /** What an attacker with the database owner's password can do: switch the guard off. */
  const tamper = async (sql: string, params: unknown[]) => {
    await db().query('BEGIN');
    try {
      await db().query('ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"');
      await db().query(sql, params);
      await db().query('ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only"');
      await db().query('COMMIT');
    } catch (err) {
      await db().query('ROLLBACK');
      throw err;
    }
  };

  beforeAll(async () => {
    admin = new Client({ connectionString: sharedUrl.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    owner = new Client({ connectionString: ownUrl.toString() });
    await owner.connect();
    for (const dir of readdirSync(MIGRATIONS)
      .filter((d) => /^\d+_/.test(d))
      .sort()) {
      await owner.query(readFileSync(path.join(MIGRATIONS, dir, 'migration.sql'), 'utf8'));
    }
    sys = await startTestSystem({ DATABASE_URL: ownUrl.toString() });
    cluster = await createFixtureCluster(sys.prisma, suffix, [2026]);
    await ensureCommendationSetup(sys.prisma);
    // Four audited actions: earlier awards entered by the administrator.
    for (const [i, unit] of cluster.units.slice(0, 4).entries()) {
      const res = await sys.http.as(cluster.admin, 'POST', '/awards/history', {
        formCode: 'GK-BDV',
        year: 2020 + i,
        recipientKind: 'UNIT',
        recipientId: unit.id,
        decisionNumber: `${10 + i}/QĐ-BDVTU`,
      });
      expect(res.status).toBe(201);
    }
  });

  afterAll(async () => {
    await sys?.close();
    await owner?.end();
    // Every connection of ours is closed; an autovacuum worker may still be in the database (plain
    // DROP cancels it, WITH (FORCE) would need pg_signal_backend), and a pool's last socket may
    // take a moment to go: retry while PostgreSQL says the database is in use.
    const drop = admin;
    if (drop) {
      await waitFor(
        async () => (await drop.query(`DROP DATABASE IF EXISTS "${database}"`)) && true,
        { timeoutMs: 20_000, intervalMs: 200, description: `DROP DATABASE ${database}` },
      );
    }
    await admin?.end();
  });

  it('verifies an untouched chain', async () => {
    expect(await rows()).toHaveLength(4);
    expect(await verify()).toEqual({ ok: true, checked: 4, brokenAtId: null, reason: null });
  });

  it('refuses UPDATE and DELETE at the database while the trigger is on', async () => {
    const [first] = await rows();
    await expect(
      db().query(`UPDATE "AuditLog" SET action = 'x' WHERE id = $1`, [first?.id]),
    ).rejects.toThrow(/append-only/);
    await expect(db().query('DELETE FROM "AuditLog" WHERE id = $1', [first?.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db().query('TRUNCATE "AuditLog"')).rejects.toThrow(/append-only/);
    expect((await verify()).ok).toBe(true);
  });

  it('names the edited row, and verifies again once it is restored', async () => {
    const before = await rows();
    const target = before[1] as AuditRow;
    await tamper(`UPDATE "AuditLog" SET payload = payload || '{"year": 1999}' WHERE id = $1`, [
      target.id,
    ]);
    expect(await verify()).toEqual({
      ok: false,
      checked: 1,
      brokenAtId: target.id,
      reason: 'edited',
    });

    await tamper('UPDATE "AuditLog" SET payload = $2 WHERE id = $1', [
      target.id,
      JSON.stringify(target.payload),
    ]);
    expect(await verify()).toEqual({ ok: true, checked: 4, brokenAtId: null, reason: null });
    expect(await rows()).toEqual(before);
  });

  it('names the row after a deleted one, and verifies again once it is put back', async () => {
    const before = await rows();
    const [, , deleted, next] = before as AuditRow[];
    await tamper('DELETE FROM "AuditLog" WHERE id = $1', [deleted?.id]);
    expect(await verify()).toEqual({
      ok: false,
      checked: 2,
      brokenAtId: next?.id,
      reason: 'missing-or-reordered',
    });

    const d = deleted;
    await tamper(
      `INSERT INTO "AuditLog" (id, "occurredAt", "actorUserId", action, "entityType", "entityId",
         payload, "eventKey", "prevHash", hash, "recordedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        d.id,
        d.occurredAt,
        d.actorUserId,
        d.action,
        d.entityType,
        d.entityId,
        JSON.stringify(d.payload),
        d.eventKey,
        d.prevHash,
        d.hash,
        d.recordedAt,
      ],
    );
    expect(await verify()).toEqual({ ok: true, checked: 4, brokenAtId: null, reason: null });
    expect(await rows()).toEqual(before);
  });

  it('detects a forged row appended with a made-up hash', async () => {
    const before = await rows();
    const last = before[before.length - 1] as AuditRow;
    // Inserting needs no trigger change: appending is allowed, but the forgery cannot be hashed
    // into the chain without recomputing it (which the next test would then show as edited).
    const { rows: inserted } = await db().query<{ id: string }>(
      `INSERT INTO "AuditLog" ("occurredAt", "actorUserId", action, "entityType", "entityId",
         payload, "eventKey", "prevHash", hash)
       VALUES (now(), NULL, 'award.revoked', 'Award', 'forged', '{}', $1, $2, $3) RETURNING id`,
      [`forged-${suffix}`, last.hash, 'f'.repeat(64)],
    );
    const forgedId = String(inserted[0]?.id);
    expect(await verify()).toEqual({
      ok: false,
      checked: 4,
      brokenAtId: forgedId,
      reason: 'edited',
    });
    await tamper('DELETE FROM "AuditLog" WHERE id = $1', [forgedId]);
    expect(await verify()).toEqual({ ok: true, checked: 4, brokenAtId: null, reason: null });
  });

  it('keeps one chain and one entry per event when audited writes run at once, duplicates too', async () => {
    const audit = system().worker.get(AuditLogRepository);
    const before = (await rows()).length;
    const keys = Array.from({ length: 12 }, (_, i) => `concurrent-${suffix}-${i}`);
    // Each key three times at once: twice locking after the write (the workflows' records; the
    // second without looking for an earlier entry first: a repeat fails at the entry's unique key
    // and rolls back), once locking first (the default); every business write lands once,
    // whichever commits first.
    const record = (key: string, lockAfterWrite: boolean, repeatFailsAtEntry = false) =>
      audit.recordOnce(
        {
          eventKey: key,
          actorUserId: null,
          action: 'test.concurrent',
          entityType: 'Test',
          entityId: key,
          payload: { key },
        },
        async (tx) => {
          await tx.$executeRaw`SELECT pg_sleep(0.02)`;
        },
        { lockAfterWrite, repeatFailsAtEntry },
      );
    const times = await Promise.all(
      keys.flatMap((k) => [record(k, true), record(k, true, true), record(k, false)]),
    );
    // The duplicates answer with the time the first one recorded.
    keys.forEach((_, i) => {
      const [a, b, c] = times.slice(i * 3, i * 3 + 3).map((t) => t.getTime());
      expect(b).toBe(a);
      expect(c).toBe(a);
    });
    // A later repeat that skips the look-up finds the first entry at its unique key.
    const again = await record(keys[0], true, true);
    expect(again.getTime()).toBe(times[0].getTime());
    const after = await rows();
    expect(after).toHaveLength(before + keys.length);
    expect(new Set(after.map((r) => r.eventKey)).size).toBe(after.length);
    expect(await verify()).toEqual({
      ok: true,
      checked: before + keys.length,
      brokenAtId: null,
      reason: null,
    });
  });
});
