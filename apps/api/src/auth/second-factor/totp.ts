import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now still accepted: a phone clock off by up to 30 seconds. */
export const TOTP_DRIFT_STEPS = 1;

const TOTP_CODE = /^\d{6}$/;

function totpOf(secretBase32: string, label = 'account', issuer = 'epw'): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new secret of 160 random bits (RFC 4226's recommended length), base32 as apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app scans (its QR code) or takes by hand. */
export function totpUri(secretBase32: string, issuer: string, account: string): string {
  return totpOf(secretBase32, account, issuer).toString();
}

/** Whether the input looks like a TOTP code (6 digits, spaces ignored). */
export function isTotpCode(input: string): boolean {
  return TOTP_CODE.test(input.replace(/\s+/g, ''));
}

/** The time step (30-second periods since the epoch) of an instant. */
export function totpStepAt(atMs: number): number {
  return Math.floor(atMs / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The time step whose code `code` is, within the drift allowed around `atMs`; null if none.
 * The caller accepts a step once (and none older than the last accepted): that is the replay rule.
 */
export function matchTotp(secretBase32: string, code: string, atMs: number): number | null {
  const token = code.replace(/\s+/g, '');
  if (!TOTP_CODE.test(token)) return null;
  const delta = totpOf(secretBase32).validate({
    token,
    timestamp: atMs,
    window: TOTP_DRIFT_STEPS,
  });
  return delta === null ? null : totpStepAt(atMs) + delta;
}

/** The code of a time step (tests, and nothing else, play the authenticator app). */
export function totpCodeAt(secretBase32: string, step: number): string {
  return totpOf(secretBase32).generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 });
}
