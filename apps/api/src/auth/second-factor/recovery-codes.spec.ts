import { newRecoveryCodes, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes';

describe('recovery codes', () => {
  it('makes ten distinct codes written xxxx-xxxx-xxxx', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes)
      expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){2}$/);
  });

  it('reads a typed code whatever its case, dashes and spaces, and the look-alike letters', () => {
    const [code = ''] = newRecoveryCodes(1);
    const canonical = code.replace(/-/g, '');
    expect(normalizeRecoveryCode(code)).toBe(canonical);
    expect(normalizeRecoveryCode(` ${code.toUpperCase().replace(/-/g, ' ')} `)).toBe(canonical);
    expect(normalizeRecoveryCode('abcd-efgh-0011')).toBe('abcdefgh0011');
    expect(normalizeRecoveryCode('ABCD-EFGH-OOIL')).toBe('abcdefgh0011');
  });

  it('refuses what cannot be a code', () => {
    expect(normalizeRecoveryCode('123456')).toBeNull();
    expect(normalizeRecoveryCode('abcd-efgh-jkm')).toBeNull();
    expect(normalizeRecoveryCode('abcd-efgh-jkmu')).toBeNull();
    expect(normalizeRecoveryCode('abcd-efgh-jkmn-p')).toBeNull();
  });
});
