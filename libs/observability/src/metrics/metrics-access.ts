import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type MetricsAccess = 'allowed' | 'unauthorized' | 'forbidden';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Who may read /metrics (it tells load, routes and queue sizes, not records):
 * - METRICS_TOKEN set: requests with `Authorization: Bearer <token>`, from anywhere;
 * - unset: direct requests from this machine only: a loopback peer address and no forwarding
 *   header (a reverse proxy on the same machine forwards outside requests from loopback too).
 */
export function metricsAccess(
  token: string | null,
  headers: IncomingHttpHeaders,
  peerAddress: string | undefined,
): MetricsAccess {
  if (token !== null) {
    const [scheme, given] = (headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !given) return 'unauthorized';
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b) ? 'allowed' : 'unauthorized';
  }
  const forwarded = headers['x-forwarded-for'] !== undefined || headers.forwarded !== undefined;
  return !forwarded && LOOPBACK.test(peerAddress ?? '') ? 'allowed' : 'forbidden';
}

/** The text answers of a refused scrape. */
export const METRICS_REFUSALS: Record<Exclude<MetricsAccess, 'allowed'>, string> = {
  unauthorized: 'metrics need Authorization: Bearer <METRICS_TOKEN>\n',
  forbidden:
    'metrics are served to this machine only (set METRICS_TOKEN to scrape from elsewhere)\n',
};
