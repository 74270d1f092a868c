import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The status it answers with (set 500 to make deliveries fail). */
  status: number;
  close(): Promise<void>;
}

/** A local HTTP endpoint that records the webhooks it accepts. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const self: WebhookReceiver = { url: '', received, status: 204, close: () => Promise.resolve() };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (self.status < 300) {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      }
      res.writeHead(self.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  self.url = `http://127.0.0.1:${port}/hooks/epw`;
  self.close = () => new Promise((resolve) => server.close(() => resolve()));
  return self;
}
