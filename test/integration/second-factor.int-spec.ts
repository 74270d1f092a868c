import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { Secret, TOTP } from 'otpauth';
import {
  createFixtureCluster,
  DEMO_PASSWORD,
  uniqueSuffix,
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
  refreshToken: string;
}
interface Challenge {
  secondFactorRequired: true;
  challenge: string;
  challengeExpiresIn: number;
}
interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
  accountName: string;
}
interface Enabled {
  recoveryCodes: string[];
  accessToken: string;
  stepUpExpiresIn: number;
}
interface Status {
  enabled: boolean;
  pending: boolean;
  required: boolean;
  mustEnrol: boolean;
  enforcement: string;
  recoveryCodesLeft: number;
}
interface Me {
  username: string;
  secondFactor: { enabled: boolean; required: boolean; mustEnrol: boolean };
}

const STEP_UP_SECONDS = 5;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const PER_USER = 3;
const PERIOD_MS = 30_000;

/**
 * The user's authenticator app, played with the same library: every code is of a time step after
 * the last one used (the API accepts a step once), within the ±1 step the API allows.
 */
class Authenticator {
  private readonly totp: TOTP;
  private lastStep = 0;

  constructor(secret: string) {
    this.totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  }

  async code(): Promise<string> {
    for (;;) {
      const now = Date.now();
      const current = Math.floor(now / PERIOD_MS);
      // The step before now, unless it is about to fall out of the window.
      const lowest = now % PERIOD_MS < PERIOD_MS - 2000 ? current - 1 : current;
      const step = Math.max(this.lastStep + 1, lowest);
      if (step <= current + 1) {
        this.lastStep = step;
        return this.totp.generate({ timestamp: step * PERIOD_MS });
      }
      await sleep(PERIOD_MS - (now % PERIOD_MS) + 50);
    }
  }

  /** A code the API has not seen, and that is not one of the valid ones now. */
  wrongCode(): string {
    const now = Date.now();
    const valid = [-1, 0, 1].map((d) => this.totp.generate({ timestamp: now + d * PERIOD_MS }));
    for (let n = 0; ; n += 1) {
      const candidate = String((Number(valid[1]) + 1 + n * 7919) % 1_000_000).padStart(6, '0');
      if (!valid.includes(candidate)) return candidate;
    }
  }
}

/**
 * The TOTP second factor against the real API: enrolment, the login's second step, replay and
 * failure limits, recovery codes, the gate for roles that need it, step-up before signing and
 * issuing, and an administrator's reset, all audited.
 */
describe('second factor (TOTP)', () => {
  let sys: TestSystem;
  let cluster: FixtureCluster;
  const suffix = uniqueSuffix();
  let authority: string;

  beforeAll(async () => {
    sys = await startTestSystem({
      MFA_ENFORCEMENT: 'required',
      MFA_STEP_UP_SECONDS: String(STEP_UP_SECONDS),
      LOGIN_MAX_FAILURES_PER_USER: String(PER_USER),
      LOGIN_FAILURE_WINDOW_SECONDS: '60',
    });
    cluster = await createFixtureCluster(sys.prisma, suffix, [2026]);
    authority = `sf-authority-${suffix.toLowerCase()}`;
    await sys.prisma.user.create({
      data: {
        username: authority,
        fullName: 'Lãnh đạo kiểm thử xác thực hai lớp',
        unitId: cluster.head.id,
        roles: ['AUTHORITY'],
        passwordHash: await hash(DEMO_PASSWORD),
      },
    });
  });

  afterAll(async () => {
    await sys?.close();
  });

  const unit = (i: number) => {
    const u = cluster.units[i];
    if (!u) throw new Error(`no unit ${i}`);
    return u;
  };
  const passwordLogin = (username: string) =>
    sys.http.request<TokenPair & Challenge & Problem>('POST', '/auth/login', {
      body: { username, password: DEMO_PASSWORD },
    });
  const secondStep = (challenge: string, code: string, lang = 'vi') =>
    sys.http.request<TokenPair & Problem>('POST', '/auth/login/second-factor', {
      body: { challenge, code },
      headers: { 'accept-language': lang },
    });
  const as = <T>(token: string, method: string, path: string, body?: unknown) =>
    sys.http.request<T & Problem>(method, path, { token, body });
  const auditActions = async (userId: string) =>
    (
      await sys.prisma.auditLog.findMany({
        where: { entityType: 'User', entityId: userId },
        orderBy: { id: 'asc' },
      })
    ).map((a) => ({ action: a.action, actorUserId: a.actorUserId }));
  const userId = async (username: string) =>
    (await sys.prisma.user.findUniqueOrThrow({ where: { username } })).id;

  /** Logs in with the password only (an account without a second factor): its tokens. */
  const tokensOf = async (username: string): Promise<TokenPair> => {
    const res = await passwordLogin(username);
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toBeDefined();
    return res.body;
  };

  /** Enrols the account (password login, start, confirm): its app and the confirm's answer. */
  const enrol = async (username: string) => {
    const { accessToken } = await tokensOf(username);
    const started = await as<Enrolment>(accessToken, 'POST', '/auth/second-factor/enrolment');
    expect(started.status).toBe(201);
    const app = new Authenticator(started.body.secret);
    const confirmed = await as<Enabled>(
      accessToken,
      'POST',
      '/auth/second-factor/enrolment/confirm',
      {
        code: await app.code(),
      },
    );
    expect(confirmed.status).toBe(200);
    return { app, accessToken, enabled: confirmed.body };
  };

  /** Both login steps with a fresh code. */
  const loginWithCode = async (username: string, app: Authenticator): Promise<TokenPair> => {
    const first = await passwordLogin(username);
    expect(first.status).toBe(200);
    const second = await secondStep(first.body.challenge, await app.code());
    expect(second.status).toBe(200);
    return second.body;
  };

  it('keeps a signer without a second factor to the enrolment, then enrols them with a code', async () => {
    const signer = unit(1).signer;
    const { accessToken } = await tokensOf(signer);

    const me = await as<Me>(accessToken, 'GET', '/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.secondFactor).toEqual({ enabled: false, required: true, mustEnrol: true });
    const blocked = await as<unknown>(accessToken, 'GET', '/cycles');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('SECOND_FACTOR_REQUIRED');
    expect(blocked.body.detail).toContain('xác thực hai lớp');
    const blockedEn = await sys.http.request<Problem>('GET', '/cycles', {
      token: accessToken,
      headers: { 'accept-language': 'en' },
    });
    expect(blockedEn.body.detail).toContain('two-factor authentication');

    const started = await as<Enrolment>(accessToken, 'POST', '/auth/second-factor/enrolment');
    expect(started.status).toBe(201);
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUri).toContain(`secret=${started.body.secret}`);
    expect(started.body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    const row = await sys.prisma.userSecondFactor.findUniqueOrThrow({
      where: { userId: await userId(signer) },
    });
    expect(row.enabledAt).toBeNull();
    expect(row.secretEncrypted).not.toContain(started.body.secret);

    const app = new Authenticator(started.body.secret);
    const wrong = await as<unknown>(accessToken, 'POST', '/auth/second-factor/enrolment/confirm', {
      code: app.wrongCode(),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('SECOND_FACTOR_CODE_INVALID');
    const notACode = await as<unknown>(
      accessToken,
      'POST',
      '/auth/second-factor/enrolment/confirm',
      {
        code: 'x',
      },
    );
    expect(notACode.status).toBe(400);
    expect(notACode.body.errors?.map((e) => e.field)).toContain('code');

    const confirmed = await as<Enabled>(
      accessToken,
      'POST',
      '/auth/second-factor/enrolment/confirm',
      {
        code: await app.code(),
      },
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    const stored = await sys.prisma.secondFactorRecoveryCode.findMany({
      where: { userId: await userId(signer) },
    });
    expect(stored).toHaveLength(10);
    for (const code of confirmed.body.recoveryCodes)
      expect(JSON.stringify(stored)).not.toContain(code.replace(/-/g, ''));

    // The same session goes on: the guard reads the account, not the token.
    expect((await as<unknown>(accessToken, 'GET', '/cycles')).status).toBe(200);
    const again = await as<unknown>(accessToken, 'POST', '/auth/second-factor/enrolment');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SECOND_FACTOR_ALREADY_ENABLED');
    expect(await auditActions(await userId(signer))).toEqual([
      { action: 'user.second-factor-enrolment-started', actorUserId: await userId(signer) },
      { action: 'user.second-factor-enabled', actorUserId: await userId(signer) },
    ]);
  });

  it('lets accounts whose roles need no second factor work without one', async () => {
    const { accessToken } = await tokensOf(unit(1).officer);
    const me = await as<Me>(accessToken, 'GET', '/auth/me');
    expect(me.body.secondFactor).toEqual({ enabled: false, required: false, mustEnrol: false });
    expect((await as<unknown>(accessToken, 'GET', '/cycles')).status).toBe(200);
    // No second factor: nothing to step up with, the route's own rules answer.
    const issue = await as<unknown>(accessToken, 'POST', `/decisions/${randomUUID()}/issue`);
    expect(issue.body.code).not.toBe('STEP_UP_REQUIRED');
  });

  it('logs in with the code after the password; a wrong code is refused with a clear message', async () => {
    const signer = unit(2).signer;
    const { app } = await enrol(signer);

    const first = await passwordLogin(signer);
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual([
      'challenge',
      'challengeExpiresIn',
      'secondFactorRequired',
    ]);
    expect(first.body.secondFactorRequired).toBe(true);
    expect(first.body.challengeExpiresIn).toBe(300);
    // The challenge is no access token.
    expect((await as<unknown>(first.body.challenge, 'GET', '/auth/me')).status).toBe(401);

    const wrong = await secondStep(first.body.challenge, app.wrongCode());
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('SECOND_FACTOR_CODE_INVALID');
    expect(wrong.body.detail).toContain('Mã xác thực không đúng');
    const wrongEn = await secondStep(first.body.challenge, app.wrongCode(), 'en');
    expect(wrongEn.body.detail).toContain('The authentication code is wrong');

    const code = await app.code();
    const ok = await secondStep(first.body.challenge, code);
    expect(ok.status).toBe(200);
    expect(ok.body.refreshToken).toBeDefined();
    const me = await as<Me>(ok.body.accessToken, 'GET', '/auth/me');
    expect(me.body).toMatchObject({ username: signer, secondFactor: { enabled: true } });

    // Replay: the same code, even with a fresh challenge, is refused.
    const next = await passwordLogin(signer);
    const replay = await secondStep(next.body.challenge, code);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('SECOND_FACTOR_CODE_INVALID');

    const bad = await secondStep(
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLWZvcmdlZA',
      code,
    );
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('SECOND_FACTOR_CHALLENGE_INVALID');
  });

  it('takes each recovery code once', async () => {
    const signer = unit(3).signer;
    const { enabled } = await enrol(signer);
    const [recovery = ''] = enabled.recoveryCodes;

    const first = await passwordLogin(signer);
    const ok = await secondStep(first.body.challenge, recovery.toUpperCase());
    expect(ok.status).toBe(200);
    const status = await as<Status>(ok.body.accessToken, 'GET', '/auth/second-factor');
    expect(status.body).toMatchObject({ enabled: true, recoveryCodesLeft: 9, mustEnrol: false });

    const second = await passwordLogin(signer);
    const reused = await secondStep(second.body.challenge, recovery);
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('SECOND_FACTOR_CODE_INVALID');
    expect((await auditActions(await userId(signer))).map((a) => a.action)).toContain(
      'user.second-factor-recovery-code-used',
    );
  });

  it('limits wrong codes per account: then even the right one waits', async () => {
    const signer = unit(4).signer;
    const { app } = await enrol(signer);
    const first = await passwordLogin(signer);
    for (let i = 0; i < PER_USER; i += 1) {
      const wrong = await secondStep(first.body.challenge, app.wrongCode());
      expect(wrong.status).toBe(401);
    }
    const blocked = await secondStep(first.body.challenge, await app.code());
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('asks for a code again before issuing or signing once the last check is too old', async () => {
    const { app } = await enrol(authority);
    const tokens = await loginWithCode(authority, app);
    const issuePath = `/decisions/${randomUUID()}/issue`;
    const signer = unit(9).signer;
    const { app: signerApp, enabled } = await enrol(signer);
    const signPath = `/signing-rounds/pledge-signing-${cluster.clusterCode}-NONE-2026/sign`;

    // Just checked (login, enrolment): the routes' own answers (no such decision; no body).
    expect((await as<unknown>(tokens.accessToken, 'POST', issuePath)).status).toBe(404);
    const fresh = await as<unknown>(enabled.accessToken, 'POST', signPath, {});
    expect(fresh.body.code).not.toBe('STEP_UP_REQUIRED');

    await sleep((STEP_UP_SECONDS + 1) * 1000);
    const stale = await as<unknown>(tokens.accessToken, 'POST', issuePath);
    expect(stale.status).toBe(403);
    expect(stale.body.code).toBe('STEP_UP_REQUIRED');
    expect(stale.body.detail).toContain('xác nhận lại bằng mã xác thực');
    const staleSign = await as<unknown>(enabled.accessToken, 'POST', signPath, {});
    expect(staleSign.status).toBe(403);
    expect(staleSign.body.code).toBe('STEP_UP_REQUIRED');
    // Reads need no step-up.
    expect((await as<unknown>(tokens.accessToken, 'GET', '/auth/me')).status).toBe(200);

    const wrong = await as<unknown>(tokens.accessToken, 'POST', '/auth/step-up', {
      code: app.wrongCode(),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('SECOND_FACTOR_CODE_INVALID');
    const stepUp = await as<{ accessToken: string; stepUpExpiresIn: number }>(
      tokens.accessToken,
      'POST',
      '/auth/step-up',
      { code: await app.code() },
    );
    expect(stepUp.status).toBe(200);
    expect(stepUp.body.stepUpExpiresIn).toBe(STEP_UP_SECONDS);
    expect((await as<unknown>(stepUp.body.accessToken, 'POST', issuePath)).status).toBe(404);

    const signerStepUp = await as<{ accessToken: string }>(
      enabled.accessToken,
      'POST',
      '/auth/step-up',
      { code: await signerApp.code() },
    );
    expect(signerStepUp.status).toBe(200);
    const signed = await as<unknown>(signerStepUp.body.accessToken, 'POST', signPath, {});
    expect(signed.body.code).not.toBe('STEP_UP_REQUIRED');

    // A signer still without a second factor is kept to the enrolment first.
    const { accessToken: unenrolled } = await tokensOf(unit(5).signer);
    expect((await as<unknown>(unenrolled, 'POST', signPath, {})).body.code).toBe(
      'SECOND_FACTOR_REQUIRED',
    );
  });

  it('lets an administrator reset a second factor, audited, ending the sessions', async () => {
    const target = unit(6).signer;
    const { accessToken: targetToken } = await enrol(target);
    const { enabled: adminEnabled } = await enrol(cluster.admin);
    const adminToken = adminEnabled.accessToken;
    const targetId = await userId(target);
    const adminId = await userId(cluster.admin);

    const byOfficer = await tokensOf(unit(6).officer);
    expect(
      (
        await as<unknown>(
          byOfficer.accessToken,
          'POST',
          `/admin/users/${targetId}/second-factor/reset`,
        )
      ).status,
    ).toBe(403);
    const self = await as<unknown>(
      adminToken,
      'POST',
      `/admin/users/${adminId}/second-factor/reset`,
    );
    expect(self.status).toBe(403);
    const missing = await as<unknown>(
      adminToken,
      'POST',
      `/admin/users/${randomUUID()}/second-factor/reset`,
    );
    expect(missing.status).toBe(404);

    const reset = await as<unknown>(
      adminToken,
      'POST',
      `/admin/users/${targetId}/second-factor/reset`,
    );
    expect(reset.status).toBe(204);
    expect(
      await sys.prisma.userSecondFactor.findUnique({ where: { userId: targetId } }),
    ).toBeNull();
    expect(await sys.prisma.secondFactorRecoveryCode.count({ where: { userId: targetId } })).toBe(
      0,
    );
    const audit = await sys.prisma.auditLog.findMany({
      where: { entityType: 'User', entityId: targetId, action: 'user.second-factor-reset' },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorUserId).toBe(adminId);
    expect(audit[0]?.payload).toEqual({ username: target });

    // Every session of the target ended; the password alone logs in again, to the enrolment only.
    expect((await as<unknown>(targetToken, 'GET', '/auth/me')).status).toBe(401);
    const again = await tokensOf(target);
    const me = await as<Me>(again.accessToken, 'GET', '/auth/me');
    expect(me.body.secondFactor).toEqual({ enabled: false, required: true, mustEnrol: true });
  });

  it('lets a holder whose roles do not need it turn it off with a code, but not a signer', async () => {
    const officer = unit(7).officer;
    const { app, enabled } = await enrol(officer);
    const refused = await as<unknown>(enabled.accessToken, 'POST', '/auth/second-factor/disable', {
      code: app.wrongCode(),
    });
    expect(refused.status).toBe(401);
    const off = await as<unknown>(enabled.accessToken, 'POST', '/auth/second-factor/disable', {
      code: await app.code(),
    });
    expect(off.status).toBe(204);
    expect((await auditActions(await userId(officer))).map((a) => a.action)).toEqual([
      'user.second-factor-enrolment-started',
      'user.second-factor-enabled',
      'user.second-factor-disabled',
    ]);
    // A password alone logs the officer in again.
    await tokensOf(officer);

    const signer = unit(8).signer;
    const { app: signerApp, enabled: signerEnabled } = await enrol(signer);
    const forbidden = await as<unknown>(
      signerEnabled.accessToken,
      'POST',
      '/auth/second-factor/disable',
      { code: await signerApp.code() },
    );
    expect(forbidden.status).toBe(403);
  });
});
