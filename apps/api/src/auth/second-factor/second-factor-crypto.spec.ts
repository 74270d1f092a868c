import { randomBytes, randomUUID } from 'node:crypto';
import { SecondFactorCrypto } from './second-factor-crypto';

describe(SecondFactorCrypto.name, () => {
  const key = randomBytes(32).toString('base64');
  const box = new SecondFactorCrypto(key);
  const user = randomUUID();

  it('seals a secret so that only the same key and user open it', () => {
    const sealed = box.seal(user, 'JBSWY3DPEHPK3PXP');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal(user, 'JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    expect(box.open(user, sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => box.open(randomUUID(), sealed)).toThrow();
    expect(() =>
      new SecondFactorCrypto(randomBytes(32).toString('base64')).open(user, sealed),
    ).toThrow();
  });

  it('notices a changed ciphertext', () => {
    const sealed = box.seal(user, 'JBSWY3DPEHPK3PXP');
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[14] = (raw[14] ?? 0) ^ 1;
    expect(() => box.open(user, `v1.${raw.toString('base64url')}`)).toThrow();
    expect(() => box.open(user, 'v2.abc')).toThrow();
  });

  it('hashes recovery codes per user and per key', () => {
    const hash = box.recoveryCodeHash(user, 'abcdefgh0011');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(box.recoveryCodeHash(user, 'abcdefgh0011')).toBe(hash);
    expect(box.recoveryCodeHash(randomUUID(), 'abcdefgh0011')).not.toBe(hash);
    expect(
      new SecondFactorCrypto(randomBytes(32).toString('base64')).recoveryCodeHash(
        user,
        'abcdefgh0011',
      ),
    ).not.toBe(hash);
  });

  it('wants a 32-byte key', () => {
    expect(() => new SecondFactorCrypto(randomBytes(16).toString('base64'))).toThrow();
  });
});
