import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import type { BenchContext } from '../harness/context';
import { closedLoop, pool } from '../harness/load';
import { type Sample, type ScenarioResult, compare, throughputOf } from '../harness/result';
import { awaitCount, check } from './scenario-helpers';
import { captureSql, type Statement } from './sql-capture';

const CONCURRENCY = 8;

/** The raw baseline: node:http and pg, running the captured statements and answering JSON. */
async function rawServer(
  databaseUrl: string,
  routes: Record<string, Statement[]>,
): Promise<{ url: string; close: () => Promise<void> }> {
  const db = new Pool({ connectionString: databaseUrl, max: 10 });
  const server: Server = createServer((req, res) => {
    const statements = routes[req.url ?? ''];
    if (!statements) {
      res.writeHead(404).end();
      return;
    }
    void (async () => {
      try {
        const results: unknown[][] = [];
        for (const s of statements) results.push((await db.query(s.text, s.values)).rows);
        // The listed rows are the largest result (the others: the caller's scope, related names).
        const main = results.reduce<unknown[]>((a, b) => (b.length > a.length ? b : a), []);
        const body = JSON.stringify({ items: main, related: results.filter((r) => r !== main) });
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      } catch (err) {
        res.writeHead(500).end(String(err));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await db.end();
    },
  };
}

/**
 * Read: list endpoints served from PostgreSQL, GET /nominations (a unit's nominations, newest
 * first) and GET /awards (a unit's award history), as a unit officer: token check, query
 * validation, Prisma, mapping to DTOs. Raw baseline: node:http + pg running the same SQL.
 */
export async function readScenario(ctx: BenchContext): Promise<ScenarioResult[]> {
  const n = ctx.opts.quick ? 150 : 600;
  const { sys, world } = ctx;
  const unit = world.cluster.units[0];

  // Setup: at least 100 nominations and 200 earlier awards for the unit (the bench's own rows).
  const have = await sys.prisma.nomination.count({ where: { unitId: unit.id } });
  if (have < 100) {
    const people = (await world.takePeople(12 * (100 - have))).filter((p) => p.unit.id === unit.id);
    const made = await pool(people, 8, (p) => world.nominate(p, 'LDTT', world.startCycleId));
    await awaitCount('setup nominations started', made.length, () =>
      sys.prisma.nomination.count({
        where: { id: { in: made.map((m) => m.id) }, stepDueAt: { not: null } },
      }),
    );
  }
  const rows = Array.from({ length: 200 }, (_, i) => ({
    id: randomUUID(),
    source: 'HISTORY' as const,
    formCode: i % 3 === 0 ? 'GK-BDV' : 'LDTT',
    formName: i % 3 === 0 ? 'Giấy khen của Ban Dân vận Thành ủy' : 'Danh hiệu "Lao động tiên tiến"',
    level: i % 3 === 0 ? ('BLOC' as const) : ('BASE' as const),
    year: 2010 + (i % 16),
    recipientKind: 'PERSON' as const,
    recipientKey: `person:${randomUUID()}`,
    recipientName: `Trần Thị Khen Thưởng ${i + 1}`,
    unitId: unit.id,
    achievement: 'Hoàn thành xuất sắc nhiệm vụ',
  }));
  await sys.prisma.award.createMany({ data: rows });

  const paths = { nominations: '/nominations', awards: '/awards' } as const;
  const routes: Record<string, Statement[]> = {};
  const expected: Record<string, number> = {};
  for (const [name, path] of Object.entries(paths)) {
    let length = 0;
    routes[path] = await captureSql(ctx.product.api, async () => {
      const res = await sys.http.as<unknown[]>(unit.officer, 'GET', path);
      check(res.status === 200, `GET ${path}: HTTP ${res.status}`);
      length = res.body.length;
    });
    check(routes[path].length > 0, `no SQL captured for GET ${path}`);
    expected[name] = length;
  }
  const raw = await rawServer(ctx.env.databaseUrl, routes);
  const token = await sys.http.login(unit.officer);

  const results: ScenarioResult[] = [];
  try {
    for (const [name, path] of Object.entries(paths)) {
      /** Items answered: the product's DTO array, or the raw server's rows. */
      const get = async (base: string, auth: boolean): Promise<number> => {
        const res = await fetch(`${base}${path}`, {
          headers: auth ? { authorization: `Bearer ${token}` } : {},
        });
        check(res.status === 200, `GET ${base}${path}: HTTP ${res.status}`);
        const body = (await res.json()) as unknown[] | { items: unknown[] };
        return Array.isArray(body) ? body.length : body.items.length;
      };
      const rawItems = await get(raw.url, false);
      check(
        rawItems === expected[name],
        `raw ${path} answered ${rawItems} rows, the product ${expected[name]} items`,
      );
      const run = (base: string, auth: boolean) => async (): Promise<Sample> =>
        ctx.measure(async () => {
          const load = await closedLoop(n, CONCURRENCY, async () => {
            // Both answer every row: the product as DTOs, the raw server as the rows themselves.
            const items = await get(base, auth);
            check(items === expected[name], `${base}${path}: ${items} items`);
          });
          check(load.errors.length === 0, `reads failed: ${load.errors.slice(0, 3).join('; ')}`);
          return { ops: n, latencies: load.latencies, wallMs: load.wallMs };
        });
      await run(raw.url, false)();
      await run(sys.http.baseUrl, true)();
      const runs = await ctx.alternate(
        `read ${path}`,
        run(raw.url, false),
        run(sys.http.baseUrl, true),
      );
      const c = compare(runs.baseline, runs.product, throughputOf);
      results.push({
        key: 'read',
        title: `read ${path}`,
        productPath: `HTTP GET ${path} as a unit officer (${expected[name]} items): bearer token, query DTO validation, Prisma (${routes[path].length} statement${routes[path].length > 1 ? 's' : ''}), mapping to response DTOs`,
        baselinePath: `node:http + pg (pool of 10) running the same ${routes[path].length} SQL statement${routes[path].length > 1 ? 's' : ''} (captured from the product's request), JSON of the rows`,
        size: `${n} requests per run, ${CONCURRENCY} in flight`,
        headline: { metric: 'throughput, requests/s', baseline: c.b, product: c.p, ratio: c.ratio },
        baseline: c.baseline,
        product: c.product,
        targets: [
          {
            target: '≥ 0.6× baseline throughput',
            measured: `${c.ratio.toFixed(2)}× (${c.p.toFixed(0)} vs ${c.b.toFixed(0)} requests/s)`,
            met: c.ratio >= 0.6,
          },
        ],
        notes: [
          `SQL: ${routes[path].map((s) => `\`${s.text.slice(0, 160)}${s.text.length > 160 ? '…' : ''}\``).join('; ')}`,
        ],
      });
    }
  } finally {
    await raw.close();
  }
  return results;
}
