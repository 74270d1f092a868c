import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function subkey(key: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, 'epw-second-factor', purpose, 32));
}

/**
 * The second factor's secrets at rest. TOTP secrets: AES-256-GCM, a random 96-bit IV each, the
 * user id as associated data (a ciphertext copied to another account does not open). Recovery
 * codes: HMAC-SHA-256, so a copy of the database alone cannot test guesses offline. Both keys are
 * derived (HKDF) from MFA_ENCRYPTION_KEY, one per purpose.
 */
export class SecondFactorCrypto {
  private readonly secretKey: Buffer;
  private readonly codeKey: Buffer;

  constructor(keyBase64: string) {
    const key = Buffer.from(keyBase64, 'base64');
    if (key.length !== 32) throw new Error('the second-factor key must be 32 bytes');
    this.secretKey = subkey(key, 'totp-secret');
    this.codeKey = subkey(key, 'recovery-code');
  }

  /** `v1.<base64url of iv | ciphertext | tag>`. */
  seal(userId: string, plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.secretKey, iv);
    cipher.setAAD(Buffer.from(userId, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
  }

  /** The plaintext; throws if the ciphertext was altered, belongs to another user or key. */
  open(userId: string, sealed: string): string {
    const [version, data] = sealed.split('.');
    if (version !== VERSION || !data) throw new Error('unknown second-factor ciphertext');
    const raw = Buffer.from(data, 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('truncated second-factor ciphertext');
    const decipher = createDecipheriv('aes-256-gcm', this.secretKey, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(userId, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }

  /** The stored form of a (normalized) recovery code of this user. */
  recoveryCodeHash(userId: string, code: string): string {
    return createHmac('sha256', this.codeKey).update(`${userId}:${code}`).digest('hex');
  }
}
