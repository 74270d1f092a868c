/* Prisma CLI configuration for machines without internet (docs/operations.md, "Prisma offline").
 * `engine: 'js'` makes the CLI use the WASM schema engine through a driver adapter, so no native
 * engine is downloaded. The CLI's adapter is @prisma/adapter-pg 7.x (npm alias
 * `@prisma/adapter-pg-cli`): 6.19's adapter cannot deserialize the `name` column type that
 * `migrate deploy` reads (prisma/prisma#27403). The application itself uses 6.19's adapter. */
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg-cli';

interface QueryResultLike {
  fields?: { dataTypeID: number }[];
}

interface ScriptRunner {
  client: { query(...args: unknown[]): Promise<QueryResultLike> };
  onError(error: unknown): never;
  executeScript(script: string): Promise<void>;
}

/** The adapter runs a migration by splitting it on every `;`, which breaks any statement with a
 * semicolon inside quotes (trigger bodies). PostgreSQL's simple-query protocol takes the whole
 * script at once and runs it as one implicit transaction, so send it whole. */
class WholeScriptPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const runner = adapter as unknown as ScriptRunner;
    // Introspection (the drift check) reads catalog columns of PostgreSQL's internal "char" type
    // (OID 18), which the adapter does not map; its values arrive as one-character strings, so
    // present them as text (OID 25).
    const query = runner.client.query.bind(runner.client);
    runner.client.query = async (...args: unknown[]) => {
      const result = await query(...args);
      for (const field of result.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
      return result;
    };
    runner.executeScript = async (script: string) => {
      try {
        await runner.client.query(script);
      } catch (error) {
        runner.onError(error);
      }
    };
    return adapter;
  }

  /** The stock shadow database shares the main database's connection string (so migrations land
   * in the main database) and is dropped before its pool closes. Use a real, separate database and
   * drop it after its pool has ended. */
  override async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_shadow_${process.pid}_${Date.now()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const url = new URL(databaseUrl());
    url.pathname = `/${database}`;
    const shadow = await new WholeScriptPrismaPg({ connectionString: url.toString() }).connect();
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await main.dispose();
    };
    return shadow;
  }
}

function databaseUrl(): string {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set');
  return url;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  adapter: () => Promise.resolve(new WholeScriptPrismaPg({ connectionString: databaseUrl() })),
});
