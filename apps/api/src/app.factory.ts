import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@epw/config';
import { AppModule } from './app.module';
import { ProblemDetailsDto } from './common/dto/problem-details.dto';
import { localeFrom } from './common/locale';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { RequestValidationException } from './common/request-validation.exception';
import { WellFormedInputPipe } from './common/well-formed-input.pipe';
import { mountQueueBoard } from './notifications/queue-board';
import { mountWebApp } from './web/web-app';

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
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Thi đua – Khen thưởng: emulation-pledge workflow engine')
      .setDescription(
        'Ký kết giao ước, đăng ký, bình xét và khen thưởng của các cụm thi đua. ' +
          'Log in with POST /auth/login, then "Authorize" with the access token. ' +
          'Errors are application/problem+json with a stable `code`; send Accept-Language: en for English.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    // Not returned by any one route: the body of every error answer.
    { extraModels: [ProblemDetailsDto] },
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  await mountQueueBoard(app);
  await mountWebApp(app);
  return app;
}
