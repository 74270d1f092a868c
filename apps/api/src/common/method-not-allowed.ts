import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { DomainErrorCode, DomainException } from '@epw/domain';
import { localeFrom } from './locale';
import type { ProblemDetailsFilter } from './problem-details.filter';

/** The methods routes are declared with (Fastify adds HEAD beside every GET). */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * The methods the router answers at this URL, read from the router itself. A match only through a
 * wildcard (`*`) is no route: Fastify files its not-found handlers as `/*` routes of every method
 * (and the web app's pages live under one), so such a path stays a 404.
 */
export function allowedMethods(fastify: FastifyInstance, url: string): string[] {
  return METHODS.filter((method) => {
    const route = fastify.findRoute({ method, url });
    return route !== null && !Object.hasOwn(route.params as object, '*');
  });
}

/**
 * A method a known path does not have (PATCH /cycles) is answered 405 Method Not Allowed with the
 * Allow header (RFC 9110 §15.5.6), not 404: the path exists. Only requests the router found no
 * route for are looked at (`request.is404`), before any guard: the answer reveals nothing the
 * OpenAPI document does not say. The body is problem+json like every other error.
 */
export function answerMethodNotAllowed(
  app: NestFastifyApplication,
  problems: ProblemDetailsFilter,
): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.is404) return;
    const allowed = allowedMethods(fastify, request.url);
    if (allowed.length === 0 || allowed.includes(request.method)) return;
    const problem = problems.toProblem(
      new DomainException(DomainErrorCode.MethodNotAllowed, {
        method: request.method,
        allowed: allowed.join(', '),
      }),
      localeFrom(request.headers['accept-language']),
      request.url,
    );
    await reply
      .status(problem.status)
      .header('allow', allowed.join(', '))
      .header('content-type', 'application/problem+json')
      .send(problem);
  });
}
