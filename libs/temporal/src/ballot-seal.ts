import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import type { AppConfig } from '@epw/config';
import { PayloadKeyRing } from './payload-key-ring';

const VERSION = 'b1';
const INFO = 'epw council ballot seal v1';
const TAG_INFO = 'epw council ballot voter tag v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Whose ballot on which nomination: bound into the seal, so a sealed choice counts only as
 * that member's ballot on that nomination (copied into another Update, it does not open). */
export interface BallotSlot {
  nominationId: string;
  memberUserId: string;
}

const aad = (s: BallotSlot) => Buffer.from(`${s.nominationId}\n${s.memberUserId}`, 'utf8');

/**
 * A council member's choice, sealed by the API before it goes to the workflow: the Update (and
 * so Temporal's history, even decoded by the payload codec) carries who voted and an opaque,
 * fixed-length ciphertext; only the activity that adds it to the anonymous tally opens it. Keys
 * are derived (HKDF) from the payload keys, never the payload keys themselves; without payload
 * keys (development, tests without them) from the JWT secret.
 */
export class BallotSeal {
  private readonly keys: Map<string, Buffer>;
  private readonly currentId: string;
  private readonly tagKey: Buffer;

  constructor(ring: PayloadKeyRing) {
    this.currentId = ring.currentId;
    this.tagKey = Buffer.from(hkdfSync('sha256', ring.current, Buffer.alloc(0), TAG_INFO, 32));
    this.keys = new Map(
      ring
        .ids()
        .map((id) => [
          id,
          Buffer.from(hkdfSync('sha256', ring.find(id) as Buffer, Buffer.alloc(0), INFO, 32)),
        ]),
    );
  }

  static fromConfig(config: Pick<AppConfig, 'temporalPayloadKeys' | 'jwt'>): BallotSeal {
    const ring =
      PayloadKeyRing.fromConfig(config) ??
      new PayloadKeyRing('dev', { dev: createHash('sha256').update(config.jwt.secret).digest() });
    return new BallotSeal(ring);
  }

  /** A keyed pseudonym of the user casting a ballot, for ids Temporal keeps in the clear (the
   * Update id): stable, so a retried request is still recognized, but not the user id. */
  voterTag(userId: string): string {
    return createHmac('sha256', this.tagKey).update(userId).digest('hex').slice(0, 32);
  }

  /** One byte inside, so a yes and a no seal to the same length. */
  seal(slot: BallotSlot, approve: boolean): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId) as Buffer, iv);
    cipher.setAAD(aad(slot));
    const body = Buffer.concat([
      iv,
      cipher.update(Buffer.from([approve ? 1 : 0])),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    return `${VERSION}.${this.currentId}.${body.toString('base64url')}`;
  }

  /** The choice, or an error when the seal is not this slot's or not from a configured key. */
  open(slot: BallotSlot, sealed: string): boolean {
    const first = sealed.indexOf('.');
    const last = sealed.lastIndexOf('.');
    const keyId = sealed.slice(first + 1, last);
    const key = this.keys.get(keyId);
    if (first < 0 || last <= first || sealed.slice(0, first) !== VERSION || !key) {
      throw new RangeError(`a sealed ballot under an unknown key (${keyId})`);
    }
    const b64 = sealed.slice(last + 1);
    const body = Buffer.from(b64, 'base64url');
    if (body.length !== IV_BYTES + 1 + TAG_BYTES) throw new RangeError('a malformed sealed ballot');
    const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV_BYTES));
    decipher.setAAD(aad(slot));
    decipher.setAuthTag(body.subarray(IV_BYTES + 1));
    let plain: Buffer;
    try {
      plain = Buffer.concat([
        decipher.update(body.subarray(IV_BYTES, IV_BYTES + 1)),
        decipher.final(),
      ]);
    } catch {
      throw new RangeError('a sealed ballot that is not this member’s ballot on this nomination');
    }
    return plain[0] === 1;
  }
}
