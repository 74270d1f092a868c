/**
 * Writes the API's OpenAPI document to a file without starting a server:
 *   node -r @swc-node/register scripts/openapi-document.ts [out.json]   (default .data/openapi.json)
 * The Nest application is built (its modules and controllers, no listening port, no module init),
 * and the document comes from the same createOpenApiDocument() that serves /docs/openapi.json.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@epw/config';
import { AppModule } from '../apps/api/src/app.module';
import { createOpenApiDocument } from '../apps/api/src/common/openapi/openapi-document';

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? '.data/openapi.json');
  // Only the document is wanted (nothing connects before init): placeholders satisfy the config
  // schema where the environment sets nothing.
  const config = loadConfig({
    DATABASE_URL: 'postgresql://epw:epw@127.0.0.1:5432/epw',
    REDIS_URL: 'redis://127.0.0.1:6379/0',
    JWT_SECRET: 'openapi-document-only-not-a-real-signing-key',
    LOG_LEVEL: 'silent',
    ...process.env,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter(),
    { logger: false, abortOnError: false },
  );
  const document = createOpenApiDocument(app);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  const operations = Object.values(document.paths).flatMap((p) => Object.keys(p)).length;
  console.log(`OpenAPI document: ${operations} operations → ${out}`);
}

// Exit as soon as the file is written, without app.close(): the queues' Redis connections are
// opened by their constructors, and closing them while one is still saying hello (its INFO in
// flight) made ioredis throw an unhandled EPIPE that failed a CI run after the document was built.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
