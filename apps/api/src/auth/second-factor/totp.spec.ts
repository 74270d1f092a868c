import { Secret, TOTP, URI } from 'otpauth';
import {
  isTotpCode,
  matchTotp,
  newTotpSecret,
  TOTP_PERIOD_SECONDS,
  totpCodeAt,
  totpStepAt,
  totpUri,
} from './totp';

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 appendix B: the ASCII secret "12345678901234567890", SHA-1, at 59 s → 94287082
  // (8 digits); its last 6 digits are the 6-digit code.
  const RFC_SECRET = Secret.fromUTF8('12345678901234567890').base32;

  it('computes the codes of the RFC test vectors', () => {
    expect(totpCodeAt(RFC_SECRET, totpStepAt(59_000))).toBe('287082');
    expect(totpCodeAt(RFC_SECRET, totpStepAt(1_111_111_109_000))).toBe('081804');
  });

  it('accepts the code of now and of one step either side, and says which step it was', () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 11, 4, 8, 0, 10);
    const step = totpStepAt(now);
    expect(matchTotp(secret, totpCodeAt(secret, step), now)).toBe(step);
    expect(matchTotp(secret, totpCodeAt(secret, step - 1), now)).toBe(step - 1);
    expect(matchTotp(secret, totpCodeAt(secret, step + 1), now)).toBe(step + 1);
  });

  it('refuses a code two steps away, a wrong code and what is not a code', () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 11, 4, 8, 0, 10);
    const step = totpStepAt(now);
    const far = totpCodeAt(secret, step - 2);
    const near = [step - 1, step, step + 1].map((s) => totpCodeAt(secret, s));
    if (!near.includes(far)) expect(matchTotp(secret, far, now)).toBeNull();
    const wrong = String((Number(totpCodeAt(secret, step)) + 1) % 1_000_000).padStart(6, '0');
    if (!near.includes(wrong)) expect(matchTotp(secret, wrong, now)).toBeNull();
    expect(matchTotp(secret, 'abcdef', now)).toBeNull();
    expect(matchTotp(secret, '12345', now)).toBeNull();
  });

  it('ignores spaces in a typed code', () => {
    const secret = newTotpSecret();
    const now = Date.now();
    const code = totpCodeAt(secret, totpStepAt(now));
    expect(matchTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(totpStepAt(now));
    expect(isTotpCode('123 456')).toBe(true);
    expect(isTotpCode('abcd-efgh-jkmn')).toBe(false);
  });

  it('makes 160-bit secrets and an otpauth URI that an authenticator app (otpauth) reads back', () => {
    const secret = newTotpSecret();
    expect(Secret.fromBase32(secret).bytes).toHaveLength(20);
    const uri = totpUri(secret, 'Thi đua – Khen thưởng', 'duk-yt.signer');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    const parsed = URI.parse(uri);
    if (!(parsed instanceof TOTP)) throw new Error('not a TOTP URI');
    expect(parsed.secret.base32).toBe(secret);
    expect(parsed.period).toBe(TOTP_PERIOD_SECONDS);
    expect(parsed.digits).toBe(6);
    expect(parsed.issuer).toBe('Thi đua – Khen thưởng');
    expect(parsed.label).toBe('duk-yt.signer');
  });
});
