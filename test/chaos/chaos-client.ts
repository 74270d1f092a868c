/** One HTTP attempt as the client saw it: a status, or no answer at all. */
export interface Attempt {
  at: number;
  status: number | 'no-answer';
  code?: string;
}

/** An action as the client saw it: acknowledged (2xx), refused (4xx) or never answered. */
export interface ActionRecord {
  trial: number;
  label: string;
  user: string;
  method: string;
  path: string;
  key: string | null;
  request: unknown;
  attempts: Attempt[];
  outcome: 'acked' | 'refused' | 'no-answer';
  status: number | null;
  code: string | null;
  body: unknown;
  sentAt: number;
  doneAt: number;
}

export interface SendOptions {
  key?: string;
  /** Retry when there is no answer or a 5xx (only safe with an Idempotency-Key or for reads). */
  retry?: boolean;
  /** Give up retrying after this long. */
  budgetMs?: number;
  /** Called once the first attempt's request has been handed to the network. */
  onSent?: () => void;
}

const ATTEMPT_TIMEOUT_MS = 90_000;

/**
 * The test's HTTP client: logs users in (again, after the API restarts if need be), sends JSON and
 * retries what went unanswered with the same Idempotency-Key, recording every attempt.
 */
export class ChaosHttp {
  private readonly tokens = new Map<string, string>();
  readonly records: ActionRecord[] = [];

  constructor(
    readonly baseUrl: string,
    private readonly password: string,
  ) {}

  async token(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const deadline = Date.now() + 120_000;
    for (let backoff = 100; ; backoff = Math.min(backoff * 2, 2000)) {
      const res = await this.raw('POST', '/auth/login', { username, password: this.password });
      if (res.status === 200) {
        const token = (res.body as { accessToken: string }).accessToken;
        this.tokens.set(username, token);
        return token;
      }
      if (typeof res.status === 'number' && res.status < 500 && res.status !== 429) {
        throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      }
      if (Date.now() > deadline) throw new Error(`login ${username}: no answer for 120 s`);
      await delay(backoff);
    }
  }

  /** A read, retried until it is answered (a 2xx or 4xx). */
  async get<T>(user: string, path: string): Promise<{ status: number; body: T }> {
    const deadline = Date.now() + 120_000;
    for (let backoff = 100; ; backoff = Math.min(backoff * 2, 2000)) {
      const res = await this.raw('GET', path, undefined, await this.token(user));
      if (typeof res.status === 'number' && res.status < 500)
        return { status: res.status, body: res.body as T };
      if (Date.now() > deadline) throw new Error(`GET ${path}: no answer for 120 s`);
      await delay(backoff);
    }
  }

  /** Sends an action; with `retry`, an unanswered or 5xx attempt is sent again with the same key. */
  async send(
    trial: number,
    label: string,
    user: string,
    method: string,
    path: string,
    body: unknown,
    opts: SendOptions = {},
  ): Promise<ActionRecord> {
    const record: ActionRecord = {
      trial,
      label,
      user,
      method,
      path,
      key: opts.key ?? null,
      request: body,
      attempts: [],
      outcome: 'no-answer',
      status: null,
      code: null,
      body: null,
      sentAt: Date.now(),
      doneAt: 0,
    };
    this.records.push(record);
    const deadline = Date.now() + (opts.budgetMs ?? 180_000);
    const token = await this.token(user);
    const headers: Record<string, string> = opts.key ? { 'idempotency-key': opts.key } : {};
    let onSent = opts.onSent;
    for (let backoff = 100; ; backoff = Math.min(backoff * 2, 2000)) {
      const pending = this.raw(method, path, body, token, headers);
      onSent?.();
      onSent = undefined;
      const res = await pending;
      const code =
        res.body && typeof res.body === 'object' && 'code' in res.body
          ? String((res.body as { code: unknown }).code)
          : undefined;
      record.attempts.push({ at: Date.now(), status: res.status, ...(code ? { code } : {}) });
      if (typeof res.status === 'number' && res.status < 500) {
        record.status = res.status;
        record.code = code ?? null;
        record.body = res.body;
        record.outcome = res.status < 300 ? 'acked' : 'refused';
        break;
      }
      if (!opts.retry || Date.now() > deadline) break;
      await delay(backoff);
    }
    record.doneAt = Date.now();
    return record;
  }

  private async raw(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number | 'no-answer'; body: unknown }> {
    try {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed };
    } catch {
      // Connection refused or reset (the API was killed), or the attempt timed out.
      return { status: 'no-answer', body: undefined };
    }
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
