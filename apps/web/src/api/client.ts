import createClient, { type Middleware } from 'openapi-fetch';
import { sessionStore } from '../auth/session-store';
import { askForStepUp } from '../auth/step-up-prompt';
import { i18n } from '../i18n/i18n';
import { ApiError, isProblem } from './problem';
import type { paths } from './schema';

/** Adds the bearer token and the user's language to every call. A 401 that survives the token
 * refresh below means the session is over (the app then shows the login page), unless it only
 * refused a second-factor code (the session goes on). */
const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    const session = sessionStore.get();
    if (session) request.headers.set('Authorization', `Bearer ${session.token}`);
    request.headers.set('Accept-Language', i18n.language === 'en' ? 'en' : 'vi');
    return request;
  },
  async onResponse({ request, response }) {
    if (
      response.status === 401 &&
      request.headers.has('Authorization') &&
      (await problemCode(response)) !== 'SECOND_FACTOR_CODE_INVALID'
    )
      sessionStore.clear();
    return response;
  },
};

let refreshing: Promise<boolean> | null = null;

/**
 * Exchanges the refresh token for a new pair, once for all callers at a time: refresh tokens are
 * single use, and a second exchange of the same one would revoke the whole login.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = sessionStore.get()?.refreshToken;
    if (!refreshToken) return false;
    const { data, response } = await api.POST('/auth/refresh', { body: { refreshToken } });
    if (data) {
      sessionStore.set(data);
      return true;
    }
    // A refused refresh token ends the session; a server hiccup leaves it for the next try.
    if (response.status === 400 || response.status === 401) sessionStore.clear();
    return false;
  })()
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

const TOKEN_CALLS = new Set([
  '/auth/login',
  '/auth/refresh',
  '/auth/logout',
  '/auth/login/second-factor',
  '/auth/step-up',
]);
const isTokenCall = (request: Request) => TOKEN_CALLS.has(new URL(request.url).pathname);
const EARLY_MS = 15_000;

async function problem(response: Response): Promise<{ code: string; detail: string } | undefined> {
  try {
    const body: unknown = await response.clone().json();
    return isProblem(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

async function problemCode(response: Response): Promise<string | undefined> {
  return (await problem(response))?.code;
}

let steppingUp: Promise<boolean> | null = null;

/**
 * Signing, voting and issuing answer STEP_UP_REQUIRED when the session's last second-factor check
 * is too old: the step-up dialog asks for a code (POST /auth/step-up replaces the access token),
 * once for all calls waiting at a time. True once the check passed, false if the user cancelled.
 */
function stepUp(): Promise<boolean> {
  steppingUp ??= askForStepUp(async (code) => {
    const { data, error } = await api.POST('/auth/step-up', { body: { code } });
    if (data) {
      sessionStore.replaceAccess(data);
      return null;
    }
    const refusal: unknown = error;
    return isProblem(refusal) ? refusal.detail : i18n.t('errors.unexpected');
  }).finally(() => {
    steppingUp = null;
  });
  return steppingUp;
}

/** Sends the request again after a passed step-up, as often as the API asks (the same
 * Idempotency-Key: the refused attempt never reached the workflow). */
async function withStepUp(request: Request, send: (r: Request) => Promise<Response>) {
  const retry = request.clone();
  const response = await send(request);
  if (response.status !== 403 || (await problemCode(response)) !== 'STEP_UP_REQUIRED')
    return response;
  if (!(await stepUp())) return response;
  retry.headers.set('Authorization', `Bearer ${sessionStore.get()?.token ?? ''}`);
  return withStepUp(retry, send);
}

/** fetch with the access token kept fresh: renewed shortly before it expires, and once more if
 * the API still answers TOKEN_EXPIRED (then the request is sent again). */
async function fetchWithFreshToken(request: Request): Promise<Response> {
  if (isTokenCall(request) || !request.headers.has('Authorization')) return fetch(request);
  const session = sessionStore.get();
  if (session && session.expiresAt - EARLY_MS <= Date.now() && (await refreshSession())) {
    request.headers.set('Authorization', `Bearer ${sessionStore.get()?.token ?? ''}`);
  }
  const retry = request.clone();
  const response = await fetch(request);
  if (response.status !== 401 || (await problemCode(response)) !== 'TOKEN_EXPIRED') return response;
  if (!(await refreshSession())) return response;
  retry.headers.set('Authorization', `Bearer ${sessionStore.get()?.token ?? ''}`);
  return fetch(retry);
}

/** The typed client, generated from the API's OpenAPI document (`npm run web:api`). It reads
 * JSON; files (PDF, workbooks) are fetched with `fetchBlob`. Actions that want a fresh second
 * factor check ask for it and are sent again (see stepUp). */
export const api = createClient<paths, 'application/json'>({
  baseUrl: '',
  fetch: (request) =>
    isTokenCall(request) ? fetchWithFreshToken(request) : withStepUp(request, fetchWithFreshToken),
});
api.use(sessionMiddleware);

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError with the problem the
 * API answered (or a network failure). */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: Awaited<typeof request>;
  try {
    result = await request;
  } catch (err) {
    throw ApiError.network(
      err instanceof Error ? err.message : i18n.t('errors.network', { defaultValue: 'Network' }),
    );
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) {
    if (isProblem(error)) throw new ApiError(error);
    throw new ApiError({
      status: response.status,
      code: `HTTP_${response.status}`,
      detail: response.statusText || i18n.t('errors.unexpected'),
    });
  }
  return data as T;
}

/** A fresh Idempotency-Key per user action (the API turns it into the Workflow Update id, so a
 * retried request returns the first outcome). crypto.randomUUID needs a secure context; a page
 * opened over plain HTTP on the LAN still has getRandomValues. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The header of a user action (the generated types name it in lower case, as Nest reads it). */
export function actionHeaders(): { 'Idempotency-Key': string } {
  return { 'Idempotency-Key': newIdempotencyKey() };
}
