import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import { METRICS_REFUSALS, metricsAccess } from './metrics-access';
import { fetchTemporalRuntimeMetrics } from './temporal-runtime-metrics';

export interface MetricsServerOptions {
  host: string;
  port: number;
  token: string | null;
  registry: Registry;
  /** The Temporal runtime's own endpoint, merged into the answer (null: not merged). */
  temporalMetricsUrl: string | null;
}

/**
 * A process without an HTTP API (the worker) answers GET /metrics on a small listener of its own:
 * its registry, then the Temporal SDK runtime's metrics. Same access rule as the API's /metrics.
 */
export function startMetricsServer(options: MetricsServerOptions): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    const access = metricsAccess(options.token, req.headers, req.socket.remoteAddress);
    if (access !== 'allowed') {
      res
        .writeHead(access === 'unauthorized' ? 401 : 403, {
          'content-type': 'text/plain; charset=utf-8',
          ...(access === 'unauthorized' ? { 'www-authenticate': 'Bearer' } : {}),
        })
        .end(METRICS_REFUSALS[access]);
      return;
    }
    Promise.all([
      options.registry.metrics(),
      fetchTemporalRuntimeMetrics(options.temporalMetricsUrl),
    ]).then(
      ([own, temporal]) => {
        res.writeHead(200, { 'content-type': options.registry.contentType });
        res.end(req.method === 'HEAD' ? undefined : `${own}\n${temporal}`);
      },
      (err: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`metrics failed: ${err instanceof Error ? err.message : String(err)}\n`);
      },
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
