import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { NotificationDispatcher } from '@epw/notifications';
import {
  ApiClient,
  DEMO_PASSWORD,
  createFixtureCluster,
  demoPledgeItems,
  uniqueSuffix,
  waitFor,
  type FixtureCluster,
} from '@epw/testing';
import { createApiApp } from '../../apps/api/src/app.factory';
import { startTestSystem, terminateCycles, type TestSystem } from '../support/test-system';

const YEAR = 2026;

interface Problem {
  status: number;
  code: string;
  errors?: { field: string }[];
}
interface LiveEvent {
  event: string;
  data: string;
}

/** An EventSource stand-in: reads a text/event-stream answer and keeps its events and comments. */
class StreamReader {
  readonly events: LiveEvent[] = [];
  comments = 0;
  status = 0;
  contentType = '';
  private buffer = '';
  private readonly abort = new AbortController();

  async open(url: string): Promise<void> {
    const res = await fetch(url, { signal: this.abort.signal });
    this.status = res.status;
    this.contentType = res.headers.get('content-type') ?? '';
    if (!res.body) return;
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const chunk = (await reader.read()) as { done: boolean; value?: Uint8Array };
          if (chunk.done) return;
          this.take(decoder.decode(chunk.value, { stream: true }));
        }
      } catch {
        // closed by close() or by the server
      }
    })();
  }

  /** The first event of this type after `from` events, within a bound. */
  next(
    type: string,
    from = 0,
    matches: (e: LiveEvent) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<LiveEvent> {
    return waitFor(() => this.events.slice(from).find((e) => e.event === type && matches(e)), {
      timeoutMs,
      intervalMs: 50,
      description: `a "${type}" event`,
    });
  }

  close(): void {
    this.abort.abort();
  }

  private take(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) this.comments += 1;
        else if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (data.length > 0) this.events.push({ event, data: data.join('\n') });
    }
  }
}

/**
 * Live events (GET /me/events, server-sent events) against the real services: a single-use ticket
 * instead of the token in the URL, a `tasks` event after an accepted action to the users it
 * concerns (through Redis, so a second API replica delivers it too), a `notification` event when
 * an in-app notification is written, and nothing for users it does not concern.
 */
describe('GET /me/events', () => {
  let sys: TestSystem;
  let replica: NestFastifyApplication;
  let replicaHttp: ApiClient;
  let cluster: FixtureCluster;
  let other: FixtureCluster;
  let cycleId = '';
  const suffix = uniqueSuffix();
  const movementCode = `EV${suffix.slice(-4)}`;
  const readers: StreamReader[] = [];

  const ticketFor = async (username: string, http: ApiClient = sys.http) => {
    const res = await http.as<{ ticket: string; expiresAt: string }>(
      username,
      'POST',
      '/me/events/ticket',
    );
    expect(res.status).toBe(201);
    return res.body;
  };
  const stream = async (username: string, http: ApiClient = sys.http) => {
    const { ticket } = await ticketFor(username, http);
    const reader = new StreamReader();
    readers.push(reader);
    await reader.open(`${http.baseUrl}/me/events?ticket=${ticket}`);
    expect(reader.status).toBe(200);
    await reader.next('ready');
    return reader;
  };

  beforeAll(async () => {
    sys = await startTestSystem();
    // A second API replica on the same Redis: events published by one reach streams of the other.
    replica = await createApiApp(sys.config);
    await replica.listen(0, '127.0.0.1');
    replicaHttp = new ApiClient(await replica.getUrl(), DEMO_PASSWORD);
    cluster = await createFixtureCluster(sys.prisma, suffix, [YEAR]);
    other = await createFixtureCluster(sys.prisma, `${suffix}X`, [YEAR]);
    const cycle = await sys.http.as<{ id: string }>(cluster.admin, 'POST', '/cycles', {
      clusterId: cluster.clusterId,
      movementCode,
      movementName: `Phong trào kiểm thử sự kiện ${suffix}`,
      periodKind: 'YEAR',
      periodLabel: String(YEAR),
      startsOn: `${YEAR}-01-01`,
      endsOn: `${YEAR}-12-31`,
      calendarScale: 1,
      pledge: { title: 'Giao ước thi đua', documents: [], items: demoPledgeItems(YEAR) },
    });
    expect(cycle.status).toBe(201);
    cycleId = cycle.body.id;
  }, 120_000);

  afterAll(async () => {
    for (const r of readers) r.close();
    if (sys) {
      await sys.prisma.deadline.updateMany({ where: { cycleId }, data: { status: 'CANCELLED' } });
      await terminateCycles(sys.temporal, [`${cluster.clusterCode}-${movementCode}-${YEAR}`]);
    }
    await replica?.close();
    await sys?.close();
  });

  it('takes a one-minute single-use ticket, never the token in the URL', async () => {
    const { ticket, expiresAt } = await ticketFor(cluster.head.signer);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(60_000);
    expect((await sys.http.as(null, 'POST', '/me/events/ticket')).status).toBe(401);
    const first = new StreamReader();
    readers.push(first);
    await first.open(`${sys.http.baseUrl}/me/events?ticket=${ticket}`);
    expect(first.status).toBe(200);
    expect(first.contentType).toContain('text/event-stream');
    first.close();
    const again = await sys.http.request<Problem>('GET', `/me/events?ticket=${ticket}`);
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('UNAUTHENTICATED');
    const token = await sys.http.login(cluster.head.signer);
    const withToken = await sys.http.request<Problem>(
      'GET',
      `/me/events?access_token=${encodeURIComponent(token)}`,
    );
    expect(withToken.status).toBe(400);
    const malformed = await sys.http.request<Problem>('GET', '/me/events?ticket=abc');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.map((e) => e.field)).toEqual(['ticket']);
    // The bearer token alone opens no stream (a stream is for the ticket's user only).
    const bearer = await sys.http.as<Problem>(cluster.head.signer, 'GET', '/me/events');
    expect(bearer.status).toBe(400);
  });

  it('sends `tasks` to the members of the cycle after an action, on every replica, and not to others', async () => {
    const member = cluster.units.find((u) => u.role === 'MEMBER');
    if (!member) throw new Error('no member unit');
    const head = await stream(cluster.head.signer);
    const memberOnReplica = await stream(member.signer, replicaHttp);
    const outsider = await stream(other.units[0].signer);
    const marks = [head.events.length, memberOnReplica.events.length];

    const opened = await sys.http.as<{ roundId: string }>(
      cluster.head.signer,
      'POST',
      `/cycles/${cycleId}/signing-round`,
      { deadline: `${YEAR}-12-31` },
    );
    expect(opened.status).toBe(201);
    const seen = await head.next('tasks', marks[0]);
    expect(JSON.parse(seen.data)).toEqual({ entity: { type: 'cycle', id: cycleId } });
    await memberOnReplica.next('tasks', marks[1]);

    // The member acts through the replica; the head's stream on the first API hears of it.
    await waitFor(
      async () =>
        (await sys.prisma.signingRound.findUnique({ where: { id: opened.body.roundId } })) ??
        undefined,
      { description: 'the round in PostgreSQL' },
    );
    const before = head.events.length;
    const signed = await replicaHttp.as(
      member.signer,
      'POST',
      `/signing-rounds/${opened.body.roundId}/sign`,
      { unitId: member.id, version: 1 },
    );
    expect(signed.status).toBe(200);
    // Events are at-least-once and unordered across sources (the API and the audit outbox may
    // both announce the opening): wait for the one naming the round, not merely the next one.
    const after = await head.next('tasks', before, (e) => e.data.includes(opened.body.roundId));
    expect(JSON.parse(after.data)).toEqual({
      entity: { type: 'signing-round', id: opened.body.roundId },
    });
    // Bounded: had the outsider been told, it would have arrived with the others.
    expect(outsider.events.filter((e) => e.event === 'tasks')).toEqual([]);
  });

  it('sends `notification` when an in-app notification is written for the user', async () => {
    const member = cluster.units.find((u) => u.role === 'DEPUTY') ?? cluster.units[1];
    const user = await sys.prisma.user.findUniqueOrThrow({ where: { username: member.signer } });
    const reader = await stream(member.signer, replicaHttp);
    const mark = reader.events.length;
    const outcome = await sys.worker.get(NotificationDispatcher).deliver({
      channel: 'IN_APP',
      dedupKey: `live-events-${suffix}`,
      userId: user.id,
      kind: 'reminder',
      title: 'Nhắc việc kiểm thử',
      body: 'Nội dung nhắc việc kiểm thử',
      link: null,
      to: null,
    });
    expect(outcome).toBe('sent');
    await reader.next('notification', mark);
    const unread = await sys.http.as<{ unread: number }>(
      member.signer,
      'GET',
      '/me/notifications/unread-count',
    );
    expect(unread.body.unread).toBeGreaterThanOrEqual(1);
  });
});
