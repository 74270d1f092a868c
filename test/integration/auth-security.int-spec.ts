import { JwtService } from '@nestjs/jwt';
import { Redis } from 'ioredis';
import {
  createFixtureCluster,
  DEMO_PASSWORD,
  uniqueSuffix,
  waitFor,
  type FixtureCluster,
} from '@epw/testing';
import { startTestSystem, type TestSystem } from '../support/test-system';

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; rule: string }[];
}
interface TokenPair {
  accessToken: string;
  expiresIn: number;
  tokenType: string;
  refreshToken: string;
  refreshExpiresIn: number;
}

const PREVIOUS_SECRET = 'previous-secret-previous-secret-0000';
const WINDOW_SECONDS = 3;
const PER_USER = 3;
const PER_IP = 8;

/**
 * Logins are throttled per username and address (and per address), access tokens are short-lived
 * and verify across a key rotation, refresh tokens rotate and betray their reuse.
 */
describe('login throttling and token rotation', () => {
  let sys: TestSystem;
  let cluster: FixtureCluster;
  const suffix = uniqueSuffix();
  const jwt = new JwtService({});
  let redis: Redis;

  beforeAll(async () => {
    sys = await startTestSystem({
      JWT_PREVIOUS_SECRET: PREVIOUS_SECRET,
      LOGIN_MAX_FAILURES_PER_USER: String(PER_USER),
      LOGIN_MAX_FAILURES_PER_IP: String(PER_IP),
      LOGIN_FAILURE_WINDOW_SECONDS: String(WINDOW_SECONDS),
    });
    cluster = await createFixtureCluster(sys.prisma, suffix, [2026]);
    redis = new Redis(sys.config.redisUrl);
  });

  afterAll(async () => {
    redis?.disconnect();
    await sys?.close();
  });

  const login = (username: string, password = DEMO_PASSWORD, lang = 'vi') =>
    sys.http.request<TokenPair & Problem>('POST', '/auth/login', {
      body: { username, password },
      headers: { 'accept-language': lang },
    });
  const refresh = (refreshToken: string) =>
    sys.http.request<TokenPair & Problem>('POST', '/auth/refresh', { body: { refreshToken } });
  const me = (accessToken: string) =>
    sys.http.request<{ username: string } & Problem>('GET', '/auth/me', { token: accessToken });
  /** Each test starts once the failures counted so far have expired (their window has passed). */
  const windowPassed = () =>
    waitFor(
      async () =>
        (await redis.keys(`${sys.config.notifications.queuePrefix}:login-failures:*`)).length === 0,
      {
        timeoutMs: (WINDOW_SECONDS + 3) * 1000,
        intervalMs: 200,
        description: 'the failure window to pass',
      },
    );

  it('refuses a username after repeated failures from one address, with Retry-After', async () => {
    await windowPassed();
    const user = cluster.units[0].signer;
    for (let i = 0; i < PER_USER; i += 1) {
      const wrong = await login(user, 'wrong-password');
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    }
    // Even the right password is refused now: a blocked guess learns nothing.
    const blocked = await login(user, DEMO_PASSWORD, 'en');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('content-type')).toContain('application/problem+json');
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(blocked.body.detail).toMatch(/try again in \d+ seconds/);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    // Another account from the same address is not affected by this username's failures.
    expect((await login(cluster.units[1].signer)).status).toBe(200);
    // Once the window has passed the right password works again.
    await waitFor(async () => (await login(user)).status === 200, {
      timeoutMs: (WINDOW_SECONDS + 3) * 1000,
      intervalMs: 250,
      description: 'the username to be unblocked',
    });
  });

  it("forgets a username's failures once its password is right", async () => {
    await windowPassed();
    const user = cluster.units[2].signer;
    for (let round = 0; round < 3; round += 1) {
      for (let i = 0; i < PER_USER - 1; i += 1) {
        expect((await login(user, 'wrong-password')).status).toBe(401);
      }
      expect((await login(user)).status).toBe(200);
    }
  });

  it('limits failures per address across usernames, more loosely', async () => {
    await windowPassed();
    for (let i = 0; i < PER_IP; i += 1) {
      // Unknown accounts fail like wrong passwords (and take as long).
      expect((await login(`nobody-${suffix.toLowerCase()}-${i}`, 'wrong-password')).status).toBe(
        401,
      );
    }
    const blocked = await login(cluster.units[3].signer);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('does not count input that never reached the password check', async () => {
    await windowPassed();
    for (let i = 0; i < PER_USER + 2; i += 1) {
      const bad = await sys.http.request<Problem>('POST', '/auth/login', {
        body: { username: cluster.units[4].signer, password: 'short' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.map((e) => e.field)).toEqual(['password']);
    }
    expect((await login(cluster.units[4].signer)).status).toBe(200);
  });

  it('keeps the login response and issues short-lived access tokens with a refresh token', async () => {
    const res = await login(cluster.units[5].signer);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: sys.config.jwt.ttlSeconds,
      refreshExpiresIn: sys.config.jwt.refreshTtlSeconds,
    });
    expect(sys.config.jwt.ttlSeconds).toBe(900);
    const claims = jwt.decode<{ exp: number; iat: number }>(res.body.accessToken);
    expect(claims.exp - claims.iat).toBe(900);
    expect(res.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await me(res.body.accessToken)).body.username).toBe(cluster.units[5].signer);
    // Only a hash is stored.
    const stored = await sys.prisma.refreshToken.findMany({
      where: { user: { username: cluster.units[5].signer } },
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toContain(res.body.refreshToken);
  });

  it('rotates refresh tokens and revokes the whole login when a used one comes back', async () => {
    const first = (await login(cluster.units[6].signer)).body;
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect(second.body.accessToken).not.toBe(first.accessToken);
    expect((await me(second.body.accessToken)).status).toBe(200);
    const third = await refresh(second.body.refreshToken);
    expect(third.status).toBe(200);

    // The first token again: either the user or a thief kept a copy. Everything of this login ends.
    const replay = await refresh(first.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
    const latest = await refresh(third.body.refreshToken);
    expect(latest.status).toBe(401);
    expect(latest.body.code).toBe('REFRESH_TOKEN_INVALID');
    const rows = await sys.prisma.refreshToken.findMany({
      where: { user: { username: cluster.units[6].signer } },
    });
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.familyId)).size).toBe(1);
    expect(rows.every((r) => r.revokedAt !== null)).toBe(true);
    expect(rows.every((r) => r.revokedReason === 'reuse')).toBe(true);

    // Another login of the same user is a family of its own and unaffected.
    const other = (await login(cluster.units[6].signer)).body;
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it('lets only one of two simultaneous exchanges of a token win', async () => {
    const pair = (await login(cluster.units[7].signer)).body;
    const [a, b] = await Promise.all([refresh(pair.refreshToken), refresh(pair.refreshToken)]);
    expect([a.status, b.status].sort()).toEqual([200, 401]);
    const winner = a.status === 200 ? a : b;
    // The loser counts as a reuse: the winner's token is revoked too.
    expect((await refresh(winner.body.refreshToken)).body.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('logs out: the refresh token and its successors stop working', async () => {
    const pair = (await login(cluster.units[8].signer)).body;
    const next = (await refresh(pair.refreshToken)).body;
    const out = await sys.http.request('POST', '/auth/logout', {
      body: { refreshToken: next.refreshToken },
    });
    expect(out.status).toBe(204);
    expect((await refresh(next.refreshToken)).body.code).toBe('REFRESH_TOKEN_INVALID');
    // Unknown tokens log out quietly; malformed ones are bad input.
    const unknown = await sys.http.request('POST', '/auth/logout', {
      body: { refreshToken: 'A'.repeat(43) },
    });
    expect(unknown.status).toBe(204);
    const malformed = await sys.http.request<Problem>('POST', '/auth/refresh', {
      body: { refreshToken: 'not a token' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.[0]).toMatchObject({ field: 'refreshToken', rule: 'matches' });
  });

  it('refuses to refresh for a deactivated account', async () => {
    const username = cluster.units[9].officer;
    const pair = (await login(username)).body;
    await sys.prisma.user.update({ where: { username }, data: { active: false } });
    try {
      const res = await refresh(pair.refreshToken);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('REFRESH_TOKEN_INVALID');
    } finally {
      await sys.prisma.user.update({ where: { username }, data: { active: true } });
    }
  });

  describe('access tokens', () => {
    const claimsOf = async () => {
      const user = await sys.prisma.user.findUniqueOrThrow({
        where: { username: cluster.units[10].signer },
      });
      return { sub: user.id, username: user.username, unitId: user.unitId, roles: user.roles };
    };
    const sign = async (secret: string, expiresIn: number, extra: Record<string, unknown> = {}) =>
      jwt.signAsync(
        { ...(await claimsOf()), ...extra },
        { secret, expiresIn, issuer: 'epw', audience: 'epw-api', algorithm: 'HS256' },
      );

    it('answers an expired token with TOKEN_EXPIRED, so the client knows to refresh', async () => {
      const expired = await sign(sys.config.jwt.secret, -10);
      const res = await me(expired);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TOKEN_EXPIRED');
    });

    it('still accepts tokens signed with the previous key after a rotation', async () => {
      expect((await me(await sign(PREVIOUS_SECRET, 60))).status).toBe(200);
      expect((await me(await sign(PREVIOUS_SECRET, -10))).body.code).toBe('TOKEN_EXPIRED');
    });

    it('refuses forged, unsigned and foreign tokens', async () => {
      const forged = await me(await sign('some-other-secret-some-other-secret-00', 60));
      expect(forged.status).toBe(401);
      expect(forged.body.code).toBe('UNAUTHENTICATED');
      const [header, payload] = (await sign(sys.config.jwt.secret, 60)).split('.');
      const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      expect((await me(`${none}.${payload}.`)).body.code).toBe('UNAUTHENTICATED');
      expect((await me(`${header}.${payload}.`)).body.code).toBe('UNAUTHENTICATED');
      const foreign = await jwt.signAsync(await claimsOf(), {
        secret: sys.config.jwt.secret,
        expiresIn: 60,
        issuer: 'epw',
        audience: 'another-api',
      });
      expect((await me(foreign)).body.code).toBe('UNAUTHENTICATED');
    });
  });
});
