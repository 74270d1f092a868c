import type { components } from '../api/schema';

/** The session: a short-lived access token and the refresh token that renews it. Kept in memory
 * and in sessionStorage (a reload keeps the user signed in; a new tab or a closed browser does
 * not). Never in localStorage or a cookie. */
export interface Session {
  token: string;
  /** When the access token expires (ms since epoch). */
  expiresAt: number;
  refreshToken: string | null;
  refreshExpiresAt: number | null;
}

/** POST /auth/login and /auth/refresh answer with a pair. */
export type TokenPair = components['schemas']['AccessTokenDto'];

const STORAGE_KEY = 'epw.session';
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const p = JSON.parse(raw) as Partial<Session>;
    if (typeof p.token !== 'string' || typeof p.expiresAt !== 'number') return null;
    return {
      token: p.token,
      expiresAt: p.expiresAt,
      refreshToken: typeof p.refreshToken === 'string' ? p.refreshToken : null,
      refreshExpiresAt: typeof p.refreshExpiresAt === 'number' ? p.refreshExpiresAt : null,
    };
  } catch {
    return null;
  }
}

let current: Session | null = read();

function emit(): void {
  for (const listener of listeners) listener();
}

/** Signed in while the access token is valid or a refresh token can renew it. */
function alive(s: Session, now: number): boolean {
  return s.expiresAt > now || (s.refreshToken !== null && (s.refreshExpiresAt ?? 0) > now);
}

export const sessionStore = {
  get: (): Session | null => (current && alive(current, Date.now()) ? current : null),
  set: (pair: TokenPair): void => {
    const now = Date.now();
    current = {
      token: pair.accessToken,
      expiresAt: now + pair.expiresIn * 1000,
      refreshToken: pair.refreshToken ?? null,
      refreshExpiresAt: pair.refreshExpiresIn ? now + pair.refreshExpiresIn * 1000 : null,
    };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(current));
    emit();
  },
  /** A new access token for the same session (a step-up): the refresh token stays. */
  replaceAccess: (access: { accessToken: string; expiresIn: number }): void => {
    if (!current) return;
    current = {
      ...current,
      token: access.accessToken,
      expiresAt: Date.now() + access.expiresIn * 1000,
    };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(current));
    emit();
  },
  clear: (): void => {
    if (!current && !sessionStorage.getItem(STORAGE_KEY)) return;
    current = null;
    sessionStorage.removeItem(STORAGE_KEY);
    emit();
  },
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};
