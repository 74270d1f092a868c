import { existsSync } from 'node:fs';
import path from 'node:path';
import { QueuesService, webhookSignature, type DeliveryJob } from '@epw/notifications';
import {
  createFixtureCluster,
  ensureCommendationSetup,
  uniqueSuffix,
  waitFor,
  type AuthorityAccounts,
  type FixtureCluster,
} from '@epw/testing';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

interface Problem {
  status: number;
  code: string;
  errors?: { field: string; rule: string; message: string }[];
}
interface SavedPreferences {
  channels: string[];
  webhookUrl: string | null;
  webhookSecret: string | null;
}
interface DeadLetter {
  id: string;
  error: string;
  data: { dedupKey: string };
}

const YEAR = 2026;
const pdf = (note: string) => Buffer.from(`%PDF-1.4\n% ${note}\n%%EOF\n`);
const DOSSIER_KINDS = ['to-trinh', 'bao-cao-thanh-tich', 'bien-ban-hop-xet'];
const WEB_APP_BUILT = existsSync(path.resolve(__dirname, '../../dist/apps/web/index.html'));

/**
 * Issue 20's holes, each shown closed against the real API, worker, PostgreSQL, Redis and
 * Temporal: webhook keys of their own and public targets only, sessions that end at once, checked
 * dossier files, security headers, a terse /health, literal search and printable names.
 */
describe('security holes found by the outside probe', () => {
  let sys: TestSystem;
  let cluster: FixtureCluster;
  let auth: Record<string, AuthorityAccounts>;
  let hooks: WebhookReceiver;
  const suffix = uniqueSuffix();
  const workflows: string[] = [];

  beforeAll(async () => {
    hooks = await startWebhookReceiver();
    sys = await startTestSystem({
      // The local sink, by this exact name only: every other loopback spelling stays refused.
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      DELIVERY_ATTEMPTS: '6',
      DELIVERY_BACKOFF_MS: '2000',
    });
    cluster = await createFixtureCluster(sys.prisma, suffix, [YEAR]);
    auth = await ensureCommendationSetup(sys.prisma);
  });

  afterAll(async () => {
    if (sys) {
      await sys.prisma.deadline.updateMany({
        where: { subjectId: { in: workflows } },
        data: { status: 'CANCELLED' },
      });
      await Promise.all(
        workflows.map((id) =>
          sys.temporal.workflow
            .getHandle(id)
            .terminate('test finished')
            .catch(() => undefined),
        ),
      );
    }
    await sys?.close();
    await hooks?.close();
  });

  const userId = async (username: string) =>
    (await sys.prisma.user.findUniqueOrThrow({ where: { username } })).id;
  const putPreferences = (username: string, body: Record<string, unknown>) =>
    sys.http.as<SavedPreferences & Problem>(username, 'PUT', '/me/notification-preferences', {
      channels: ['IN_APP', 'WEBHOOK'],
      ...body,
    });
  const deliverWebhook = async (username: string, dedupKey: string, to: string) => {
    const job: DeliveryJob = {
      dedupKey,
      channel: 'WEBHOOK',
      userId: await userId(username),
      kind: 'reminder',
      title: 'Nhắc hạn (kiểm thử)',
      body: 'Nội dung',
      link: null,
      to,
    };
    await sys.worker.get(QueuesService).deliveries.WEBHOOK.add('deliver', job);
  };

  it('signs webhooks with a key of the subscriber, shown once, never derived from JWT_SECRET', async () => {
    const subscriber = cluster.units[1].signer;
    const first = await putPreferences(subscriber, { webhookUrl: hooks.url });
    expect(first.status).toBe(200);
    const secret = first.body.webhookSecret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(secret).not.toContain(sys.config.jwt.secret);
    // Shown once: the same URL again keeps the key and does not show it; GET never does.
    const again = await putPreferences(subscriber, { webhookUrl: hooks.url });
    expect(again.body.webhookSecret).toBeNull();
    const read = await sys.http.as<Record<string, unknown>>(
      subscriber,
      'GET',
      '/me/notification-preferences',
    );
    expect(read.body).not.toHaveProperty('webhookSecret');
    const audit = await sys.prisma.auditLog.findMany({
      where: { action: 'notification-preferences.updated', entityId: await userId(subscriber) },
    });
    expect(JSON.stringify(audit.map((a) => a.payload))).not.toContain(secret);

    const dedupKey = `own-key-${suffix}/WEBHOOK`;
    await deliverWebhook(subscriber, dedupKey, hooks.url);
    const hook = await waitFor(() => hooks.received.find((h) => h.body.includes(dedupKey)), {
      description: 'the webhook',
    });
    const timestamp = String(hook.headers['x-epw-timestamp']);
    const signature = hook.headers['x-epw-signature'];
    expect(signature).toBe(webhookSignature(secret!, timestamp, hook.body));
    expect(signature).not.toBe(
      webhookSignature(`webhook:${sys.config.jwt.secret}`, timestamp, hook.body),
    );

    // Asked for, a new key replaces the old one.
    const rotated = await putPreferences(subscriber, {
      webhookUrl: hooks.url,
      rotateWebhookSecret: true,
    });
    expect(rotated.body.webhookSecret).toMatch(/^whsec_/);
    expect(rotated.body.webhookSecret).not.toBe(secret);
  });

  it('refuses webhook URLs that reach loopback, private, link-local or metadata addresses', async () => {
    const user = cluster.units[2].signer;
    for (const url of [
      'http://127.0.0.2:6379/',
      'http://localhost:5432/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]:8080/',
      'http://10.1.2.3/hook',
      'http://192.168.0.10/hook',
      'http://100.64.0.1/hook',
      'http://[fd00:ec2::254]/',
      'http://0.0.0.0:3000/',
      'http://0x7f000002/',
    ]) {
      const res = await putPreferences(user, { webhookUrl: url });
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'webhookUrl', rule: 'publicAddress' }),
      ]);
    }
    expect(
      await sys.prisma.notificationPreference.findUnique({ where: { userId: await userId(user) } }),
    ).toBeNull();
  });

  it('checks the address again at delivery and dead-letters a refused one at once', async () => {
    const user = cluster.units[3].signer;
    // Saved before the rule (or resolving elsewhere since): localhost is loopback, not allowed.
    const port = new URL(hooks.url).port;
    const url = `http://localhost:${port}/hooks/epw`;
    await sys.prisma.notificationPreference.create({
      data: {
        userId: await userId(user),
        channels: ['IN_APP', 'WEBHOOK'],
        webhookUrl: url,
        webhookSecret: 'whsec_saved-before-the-rule-saved-before-the-rule',
      },
    });
    const dedupKey = `refused-${suffix}/WEBHOOK`;
    const queuedAt = Date.now();
    await deliverWebhook(user, dedupKey, url);
    const parked = await waitFor(
      async () =>
        (await sys.http.as<DeadLetter[]>(cluster.admin, 'GET', '/admin/dead-letters')).body.find(
          (d) => d.data.dedupKey === dedupKey,
        ),
      { timeoutMs: 30_000, description: 'the dead letter' },
    );
    expect(parked.error).toContain('publicAddress');
    expect(parked.error).toContain('loopback');
    // Not retried: six attempts with a 2 s backoff would take a minute.
    expect(Date.now() - queuedAt).toBeLessThan(15_000);
    expect(hooks.received.some((h) => h.body.includes(dedupKey))).toBe(false);
  });

  it('refuses the access token of a deactivated user or after a password reset, at once', async () => {
    const deactivated = cluster.units[4].officer;
    const token = await sys.http.login(deactivated);
    const call = (t: string) =>
      sys.http.request<Problem>('POST', '/me/notifications/read-all', { token: t });
    expect((await call(token)).status).toBe(200);
    const off = await sys.http.as(
      cluster.admin,
      'PATCH',
      `/admin/users/${await userId(deactivated)}`,
      {
        active: false,
      },
    );
    expect(off.status).toBe(200);
    for (const res of [
      await call(token),
      await sys.http.request<Problem>('GET', '/auth/me', { token }),
      await sys.http.request<Problem>('PUT', '/me/notification-preferences', {
        token,
        body: { channels: ['IN_APP'] },
      }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
    // Active again: the old token stays dead, a new login works.
    await sys.http.as(cluster.admin, 'PATCH', `/admin/users/${await userId(deactivated)}`, {
      active: true,
    });
    expect((await call(token)).status).toBe(401);

    const reset = cluster.units[5].officer;
    const before = await sys.http.login(reset);
    expect((await call(before)).status).toBe(200);
    const newPassword = 'mat-khau-moi-2026';
    expect(
      (
        await sys.http.as(cluster.admin, 'POST', `/admin/users/${await userId(reset)}/password`, {
          password: newPassword,
        })
      ).status,
    ).toBe(204);
    expect((await call(before)).status).toBe(401);
    const relogin = await sys.http.request<{ accessToken: string }>('POST', '/auth/login', {
      body: { username: reset, password: newPassword },
    });
    expect((await call(relogin.body.accessToken)).status).toBe(200);
  });

  it('checks dossier files against their bytes, keeps safe names and serves them as attachments', async () => {
    const unit = cluster.units[6];
    const nominate = (documents: Record<string, unknown>[]) =>
      sys.http.as<{ id: string; workflowId: string } & Problem>(
        unit.officer,
        'POST',
        '/nominations',
        {
          formCode: 'GK-BDV',
          nomineeKind: 'UNIT',
          nomineeUnitId: unit.id,
          year: YEAR,
          achievement: `Thành tích xuất sắc năm ${YEAR}`,
          documents,
        },
      );
    const file = (kind: string, fileName: string, mediaType: string, bytes: Buffer) => ({
      kind,
      fileName,
      mediaType,
      contentBase64: bytes.toString('base64'),
    });
    const rest = DOSSIER_KINDS.slice(1).map((k) => file(k, `${k}.pdf`, 'application/pdf', pdf(k)));
    const html = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');

    const disguised = await nominate([file('to-trinh', 'a.pdf', 'application/pdf', html), ...rest]);
    expect(disguised.status).toBe(400);
    expect(disguised.body.errors).toEqual([
      expect.objectContaining({ field: 'documents[0].contentBase64', rule: 'fileType' }),
    ]);
    for (const mediaType of ['text/html', 'application/x-msdownload']) {
      const res = await nominate([file('to-trinh', 'a.html', mediaType, html), ...rest]);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'documents[0].mediaType', rule: 'isIn' }),
      ]);
    }

    const created = await nominate([
      file('to-trinh', '../../../../etc/passwd', 'application/octet-stream', pdf('to-trinh')),
      ...rest,
    ]);
    expect(created.status).toBe(201);
    workflows.push(created.body.workflowId);
    const stored = await sys.prisma.dossierDocument.findFirstOrThrow({
      where: { nominationId: created.body.id, kind: 'to-trinh' },
    });
    expect(stored).toMatchObject({ fileName: 'passwd', mediaType: 'application/pdf' });
    const res = await fetch(
      `${sys.http.baseUrl}/nominations/${created.body.id}/documents/${stored.id}`,
      { headers: { authorization: `Bearer ${await sys.http.login(unit.officer)}` } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''passwd");
  });

  it('sends security headers with a content security policy on the API, /docs and /app/', async () => {
    const paths = ['/health', '/auth/me', '/docs', ...(WEB_APP_BUILT ? ['/app/'] : [])];
    for (const p of paths) {
      const res = await fetch(`${sys.http.baseUrl}${p}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(`${p}: ${csp}`).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
  });

  it('answers a method a path does not have with 405 and Allow, before any guard', async () => {
    const res = await fetch(`${sys.http.baseUrl}/cycles`, {
      method: 'PATCH',
      headers: { 'accept-language': 'vi' },
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { code: string; detail: string };
    expect(problem.code).toBe('METHOD_NOT_ALLOWED');
    expect(problem.detail).toContain('PATCH');
    // A path nobody declared stays 404; a declared method still reaches its guard (401).
    expect((await fetch(`${sys.http.baseUrl}/no-such-path`, { method: 'PATCH' })).status).toBe(404);
    expect((await fetch(`${sys.http.baseUrl}/cycles`)).status).toBe(401);
  });

  it('answers /health with up or down only', async () => {
    const res = await sys.http.request<{ status: string; info: Record<string, unknown> }>(
      'GET',
      '/health',
    );
    expect(res.status).toBe(200);
    expect(res.body.info).toEqual({
      postgresql: { status: 'up' },
      redis: { status: 'up' },
      temporal: { status: 'up' },
    });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(sys.config.temporal.address);
    expect(text).not.toContain(sys.config.temporal.uiUrl);
  });

  it('matches % and _ literally in searches', async () => {
    for (const search of ['%', '_', '%%', '\\']) {
      const res = await sys.http.as<unknown[]>(
        cluster.admin,
        'GET',
        `/admin/users?search=${encodeURIComponent(search)}`,
      );
      expect({ search, status: res.status, found: res.body.length }).toEqual({
        search,
        status: 200,
        found: 0,
      });
    }
    const units = await sys.http.as<unknown[]>(cluster.admin, 'GET', '/admin/units?search=%25');
    expect(units.body).toHaveLength(0);
    // An ordinary search still finds what it should.
    const found = await sys.http.as<{ username: string }[]>(
      cluster.admin,
      'GET',
      `/admin/users?search=${encodeURIComponent(cluster.units[0].officer)}`,
    );
    expect(found.body.map((u) => u.username)).toEqual([cluster.units[0].officer]);
  });

  it('refuses control characters and markup in names, decision numbers and titles', async () => {
    const unit = cluster.units[7];
    for (const fullName of ['<b>Nguyễn</b> Văn A', 'Nguyễn\u0007Văn A', 'Nguyễn\nVăn A']) {
      const res = await sys.http.as<Problem>(unit.officer, 'POST', `/units/${unit.id}/people`, {
        fullName,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'fullName', rule: 'printableText' }),
      ]);
    }
    const ok = await sys.http.as(unit.officer, 'POST', `/units/${unit.id}/people`, {
      fullName: 'Nguyễn Thị "Hồng" Nhung',
    });
    expect(ok.status).toBe(201);

    const leader = Object.values(auth)[0]?.leader ?? '';
    const decision = await sys.http.as<Problem>(leader, 'POST', '/decisions', {
      number: '12<script>/QĐ',
      signedOn: `${YEAR}-10-15`,
      title: 'Quyết định\u202Etặng Bằng khen',
      signerTitle: 'CHỦ TỊCH',
      nominationIds: [],
    });
    expect(decision.status).toBe(400);
    expect(decision.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'number', rule: 'printableText' }),
        expect.objectContaining({ field: 'title', rule: 'printableText' }),
      ]),
    );
  });
});
