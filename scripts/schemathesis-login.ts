/* The access token scripts/schemathesis.sh tests with, printed on stdout:
 *   node -r @swc-node/register scripts/schemathesis-login.ts <base URL> <username> <password>
 * It logs in like a person would. An account whose roles need a second factor (MFA_REQUIRED_ROLES
 * under MFA_ENFORCEMENT=required, the production default) reaches nothing but its enrolment
 * until it has one: it enrols a TOTP here through the API (POST /auth/second-factor/enrolment, a
 * code computed from the secret, POST …/enrolment/confirm), whose answer is an access token that
 * records the check, so routes wanting a recent one (signing, voting, issuing) are reachable for
 * MFA_STEP_UP_SECONDS. The database is fresh on every run, so no account has a factor yet. */
import { URI } from 'otpauth';

const [base, username, password] = process.argv.slice(2);
if (!base || !username || !password) {
  console.error('usage: schemathesis-login.ts <base URL> <username> <password>');
  process.exit(2);
}

async function call<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

async function main(): Promise<void> {
  const login = await call<{ accessToken?: string; secondFactorRequired?: boolean }>(
    'POST',
    '/auth/login',
    undefined,
    { username, password },
  );
  if (!login.accessToken) throw new Error(`${username} already has a second factor`);
  const me = await call<{ secondFactor: { mustEnrol: boolean } }>(
    'GET',
    '/auth/me',
    login.accessToken,
  );
  if (!me.secondFactor.mustEnrol) {
    console.log(login.accessToken);
    return;
  }
  const enrolment = await call<{ otpauthUri: string }>(
    'POST',
    '/auth/second-factor/enrolment',
    login.accessToken,
  );
  const code = URI.parse(enrolment.otpauthUri).generate();
  const enabled = await call<{ accessToken: string }>(
    'POST',
    '/auth/second-factor/enrolment/confirm',
    login.accessToken,
    { code },
  );
  console.error(`${username}: TOTP second factor enrolled (MFA_ENFORCEMENT=required)`);
  console.log(enabled.accessToken);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
