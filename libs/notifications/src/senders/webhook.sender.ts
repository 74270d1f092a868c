import { createHmac, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Inject, Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import {
  assertPublicWebhookTarget,
  publicOnlyLookup,
  WebhookTargetRefusedError,
} from '../webhook-address';

export const WEBHOOK_SIGNATURE_HEADER = 'x-epw-signature';
export const WEBHOOK_TIMESTAMP_HEADER = 'x-epw-timestamp';
const TIMEOUT_MS = 10_000;

/** The signature a receiver recomputes: HMAC-SHA256 over "<timestamp>.<body>". */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** A subscriber's new signing key: 256 random bits, base64url. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * Posts signed webhooks, only to public addresses (WEBHOOK_ALLOWED_HOSTS aside): the URL is
 * checked again at delivery and the connection pinned to the checked addresses; redirects are
 * not followed. A refused target is an UnrecoverableError: BullMQ dead-letters it at once
 * instead of retrying what cannot succeed.
 */
@Injectable()
export class WebhookSender {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(url: string, secret: string, payload: Record<string, unknown>): Promise<void> {
    const allowed = this.config.notifications.webhookAllowedHosts;
    const body = JSON.stringify(payload);
    const timestamp = String(Date.now());
    try {
      await assertPublicWebhookTarget(url, allowed);
      const status = await post(url, body, allowed, {
        'content-type': 'application/json',
        [WEBHOOK_TIMESTAMP_HEADER]: timestamp,
        [WEBHOOK_SIGNATURE_HEADER]: webhookSignature(secret, timestamp, body),
      });
      if (status < 200 || status > 299) throw new Error(`webhook ${url} answered ${status}`);
    } catch (err) {
      if (err instanceof WebhookTargetRefusedError) throw new UnrecoverableError(err.message);
      throw err;
    }
  }
}

function post(
  url: string,
  body: string,
  allowedHosts: readonly string[],
  headers: Record<string, string>,
): Promise<number> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: publicOnlyLookup(url, allowedHosts),
        timeout: TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`webhook ${url} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}
