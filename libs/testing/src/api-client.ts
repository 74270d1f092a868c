export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small HTTP client for tests: logs users in once and sends JSON with their token. */
export class ApiClient {
  private readonly tokens = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly password: string,
  ) {}

  async login(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const res = await this.request<{ accessToken: string }>('POST', '/auth/login', {
      body: { username, password: this.password },
    });
    if (res.status !== 200)
      throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.tokens.set(username, res.body.accessToken);
    return res.body.accessToken;
  }

  async as<T = unknown>(
    username: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const token = username ? await this.login(username) : undefined;
    return this.request<T>(method, path, { body, token, headers });
  }

  async request<T>(
    method: string,
    path: string,
    opts: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      },
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: body as T, headers: res.headers };
  }
}
