import helmet from '@fastify/helmet';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@epw/config';
import { AppModule } from './app.module';
import { localeFrom } from './common/locale';
import { answerMethodNotAllowed } from './common/method-not-allowed';
import { createOpenApiDocument } from './common/openapi/openapi-document';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { RequestValidationException } from './common/request-validation.exception';
import { WellFormedInputPipe } from './common/well-formed-input.pipe';
import { mountQueueBoard } from './notifications/queue-board';
import { mountMetrics } from './observability/mount-metrics';
import { mountWebApp } from './web/web-app';

/**
 * What pages served here may load: the web app (its own scripts; inline styles, which Mantine and
 * React style props use; images and fonts inline; PDF previews from blob: URLs in frames), Swagger
 * UI at /docs (its own scripts, an inline stylesheet) and the queues board; nothing may frame them.
 * No upgrade-insecure-requests: the demo is reached over plain http.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  scriptSrcAttr: ["'none'"],
  upgradeInsecureRequests: null,
};

/** Builds the configured API application (used by main.ts and by the integration tests). */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const problems = new ProblemDetailsFilter();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter({
      bodyLimit: 24 * 1024 * 1024,
      // Behind N reverse proxies, the client address (login throttling) is N hops back.
      trustProxy: config.api.trustProxyHops > 0 ? config.api.trustProxyHops : false,
      // A malformed URL (bad percent-encoding) is refused by the router before Nest runs:
      // answer it as problem+json like every other error.
      frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
        const problem = problems.toProblem(
          new RequestValidationException([
            { field: 'path', rule: 'isUrlEncoded', message: error.message },
          ]),
          localeFrom(request.headers['accept-language']),
          request.url,
        );
        void reply
          .status(problem.status)
          .header('content-type', 'application/problem+json')
          .send(problem);
      },
    }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  // Before any route: times every response and names its trace span by route; GET /metrics.
  mountMetrics(app);
  // Before any route (Nest's, the docs, the queues board, the web app): every answer carries them.
  await app.register(helmet, { contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY } });
  app.useGlobalPipes(
    new WellFormedInputPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => RequestValidationException.fromValidationErrors(errors),
    }),
  );
  app.useGlobalFilters(problems);
  answerMethodNotAllowed(app, problems);
  app.enableShutdownHooks();

  const document = createOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  await mountQueueBoard(app);
  await mountWebApp(app);
  return app;
}
