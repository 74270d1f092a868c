/** The kill test's load: actions through the balancer, each with an Idempotency-Key, retried
 * with the same key on a connection reset and on nothing else (see replica-kill.int-spec.ts). */

export interface KeyedAttempt {
  /** ms since the load started */
  at: number;
  /** An HTTP status, or the network error that ended the attempt without an answer. */
  status: number | 'connection-reset' | 'timeout' | 'failed';
  detail?: string;
}

export interface KeyedAction {
  flow: number;
  label: 'create' | 'unit-head' | 'appraisal';
  user: string;
  key: string;
  path: string;
  attempts: KeyedAttempt[];
  outcome: 'acked' | 'error';
  status: number | null;
  body: unknown;
  latencyMs: number;
}

const ATTEMPT_TIMEOUT_MS = 150_000;
const MAX_ATTEMPTS = 8;

/** Error codes of a connection that was refused, reset or closed before the answer. */
const CONNECTION_ERRORS = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

function connectionError(err: unknown): string | null {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as Error & { code?: string }).code;
    if (code && CONNECTION_ERRORS.has(code)) return code;
    if (/other side closed|socket hang up/i.test(e.message)) return e.message;
  }
  return null;
}

/** JSON when it is JSON (the API), the text otherwise (e.g. HAProxy's own 502 or 503 page). */
function parseBody(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return text.slice(0, 500);
  }
}

export class KeyedClient {
  readonly actions: KeyedAction[] = [];
  private readonly tokens = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly password: string,
    private readonly t0 = Date.now(),
  ) {}

  /** Logs every user in before the load (a login is not idempotent: it is not sent under load). */
  async login(username: string): Promise<void> {
    const res = await fetch(`${this.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: this.password }),
    });
    const body = (await res.json()) as { accessToken?: string };
    if (res.status !== 200 || !body.accessToken) {
      throw new Error(`login ${username}: ${res.status} ${JSON.stringify(body)}`);
    }
    this.tokens.set(username, body.accessToken);
  }

  async get<T>(user: string, path: string): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${this.token(user)}` },
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  /** POSTs an action; only a connection reset is retried (same key), anything else is final. */
  async post(
    flow: number,
    label: KeyedAction['label'],
    user: string,
    path: string,
    body: unknown,
    key: string,
  ): Promise<KeyedAction> {
    const action: KeyedAction = {
      flow,
      label,
      user,
      key,
      path,
      attempts: [],
      outcome: 'error',
      status: null,
      body: null,
      latencyMs: 0,
    };
    this.actions.push(action);
    const started = Date.now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const at = Date.now() - this.t0;
      try {
        const res = await fetch(`${this.baseUrl}${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${this.token(user)}`,
            'idempotency-key': key,
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
        });
        const text = await res.text();
        action.attempts.push({ at, status: res.status });
        action.status = res.status;
        action.body = parseBody(text);
        action.outcome = res.status < 300 ? 'acked' : 'error';
        break;
      } catch (err) {
        const reset = connectionError(err);
        const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        if (reset === null) {
          // A timeout or anything else without an answer: an error the client saw, not retried.
          action.attempts.push({
            at,
            status: err instanceof Error && err.name === 'TimeoutError' ? 'timeout' : 'failed',
            detail,
          });
          break;
        }
        action.attempts.push({ at, status: 'connection-reset', detail: reset });
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
    action.latencyMs = Date.now() - started;
    return action;
  }

  private token(user: string): string {
    const token = this.tokens.get(user);
    if (!token) throw new Error(`${user} is not logged in`);
    return token;
  }
}

/**
 * Starts `flows` flows at a fixed rate (open loop: a slow answer does not slow the next start)
 * and waits for all of them.
 */
export async function openLoop(
  flows: number,
  perSecond: number,
  run: (i: number) => Promise<void>,
): Promise<void> {
  const t0 = Date.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < flows; i++) {
    const due = t0 + (i * 1000) / perSecond;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(run(i));
  }
  await Promise.all(pending);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
