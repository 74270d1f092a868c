// First: tracing patches `http` and `pg` as they load (see tracing.ts).
import './tracing';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@epw/config';
import { surviveLostConnectionRejections } from '@epw/data-access';
import { createApiApp } from './app.factory';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = new Logger('Process');
  surviveLostConnectionRejections((message) => logger.warn(message));
  const app = await createApiApp(config);
  await app.listen(config.api.port, config.api.host);
  new Logger('Bootstrap').log(
    `API on http://${config.api.host}:${config.api.port} (docs at /docs)`,
  );
}

bootstrap().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
