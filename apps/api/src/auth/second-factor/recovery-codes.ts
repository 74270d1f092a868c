import { randomBytes } from 'node:crypto';

/** Codes shown once at enrolment; each gets the holder in once when the phone is lost. */
export const RECOVERY_CODE_COUNT = 10;

/** Crockford's base32 (no i, l, o, u): 12 characters are 60 random bits, read aloud safely. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LENGTH = 12;

/** New recovery codes, written `xxxx-xxxx-xxxx`. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from(randomBytes(LENGTH), (b) => ALPHABET[b & 31]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/**
 * The canonical form of a typed recovery code (case, dashes and spaces ignored; i/l read as 1
 * and o as 0, as Crockford's base32 does), or null if it cannot be one.
 */
export function normalizeRecoveryCode(input: string): string | null {
  const chars = input
    .toLowerCase()
    .replace(/[\s-]+/g, '')
    .replace(/[il]/g, '1')
    .replace(/o/g, '0');
  if (chars.length !== LENGTH) return null;
  for (const c of chars) if (!ALPHABET.includes(c)) return null;
  return chars;
}
