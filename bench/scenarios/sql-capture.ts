import pg from 'pg';
import type { ProductProcess } from '../harness/product-processes';

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The SQL a real request sends, captured at the pg driver the Prisma adapter uses in the product's
 * API process (so a baseline runs exactly the product's statements, with the same parameters).
 * Only statements on `tables` are kept; the product's other work (auth) is what the comparison
 * measures.
 */
export async function captureSql(
  api: ProductProcess,
  request: () => Promise<void>,
  tables = /"(Nomination|Award|Unit)"/,
): Promise<Statement[]> {
  return api.captureSql(tables, request);
}

/** The same, for a call made in the bench process itself (a repository of the in-process apps). */
export async function captureLocalSql(
  request: () => Promise<void>,
  tables: RegExp,
): Promise<Statement[]> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const seen: Statement[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[]];
    const text = typeof config === 'string' ? config : config.text;
    if (tables.test(text)) {
      seen.push({ text, values: (typeof config === 'string' ? values : config.values) ?? [] });
    }
    return original.apply(this, args);
  };
  try {
    await request();
  } finally {
    proto.query = original;
  }
  return seen;
}
