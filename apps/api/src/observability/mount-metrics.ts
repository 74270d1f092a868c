import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { trace } from '@opentelemetry/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  METRICS_REFUSALS,
  metricsAccess,
  observabilityConfig,
  registerQueueMetrics,
} from '@epw/observability';
import { QueuesService } from '@epw/notifications';
import { ApiMetrics } from './api-metrics';

export const METRICS_PATH = '/metrics';

/** The label of requests no route matched: raw URLs would make one series per typo. */
const UNMATCHED = '(unmatched)';

/**
 * Observability of the HTTP layer, registered before any route:
 * - every response is timed into `http_server_request_duration_seconds` under its route pattern
 *   (`/nominations/:id/steps/:stepKey`), method and status class;
 * - the trace's server span is named after the route too (`POST /nominations/:id/steps/:stepKey`);
 * - GET /metrics answers the Prometheus text exposition (Fastify route: not part of the OpenAPI
 *   document). Access: see metricsAccess (bearer METRICS_TOKEN when set, else loopback only).
 */
export function mountMetrics(app: NestFastifyApplication): void {
  const { metricsToken } = observabilityConfig();
  const metrics = app.get(ApiMetrics);
  registerQueueMetrics(metrics.registry, app.get(QueuesService).all());
  const fastify = app.getHttpAdapter().getInstance();

  fastify.addHook(
    'onRequest',
    (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
      const span = trace.getActiveSpan();
      if (span) {
        const route = request.routeOptions.url ?? UNMATCHED;
        span.updateName(`${request.method} ${route}`);
        span.setAttribute('http.route', route);
      }
      done();
    },
  );
  fastify.addHook(
    'onResponse',
    (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      metrics.httpDuration.observe(
        {
          method: request.method,
          route: request.routeOptions.url ?? UNMATCHED,
          status_class: `${Math.floor(reply.statusCode / 100)}xx`,
        },
        reply.elapsedTime / 1000,
      );
      done();
    },
  );

  fastify.get(METRICS_PATH, async (request: FastifyRequest, reply: FastifyReply) => {
    const access = metricsAccess(metricsToken, request.headers, request.socket.remoteAddress);
    if (access !== 'allowed') {
      if (access === 'unauthorized') void reply.header('www-authenticate', 'Bearer');
      return reply
        .code(access === 'unauthorized' ? 401 : 403)
        .type('text/plain; charset=utf-8')
        .send(METRICS_REFUSALS[access]);
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
