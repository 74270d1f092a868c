import type { AppConfig } from '@epw/config';

/** AES-256 keys by id: the current one encrypts, every one decrypts (the id travels with the
 * ciphertext), so a key can be rotated while histories written under the old one still run. */
export class PayloadKeyRing {
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(
    readonly currentId: string,
    keys: Readonly<Record<string, Buffer>>,
  ) {
    const entries = Object.entries(keys);
    for (const [id, key] of entries) {
      if (key.length !== 32) throw new RangeError(`payload key ${id} is not 32 bytes`);
    }
    this.keys = new Map(entries);
    if (!this.keys.has(currentId)) throw new RangeError(`no payload key with id ${currentId}`);
  }

  /** The configured keys, or null when payloads are not to be encrypted (development, tests). */
  static fromConfig(config: Pick<AppConfig, 'temporalPayloadKeys'>): PayloadKeyRing | null {
    const k = config.temporalPayloadKeys;
    if (!k) return null;
    const keys: Record<string, Buffer> = {};
    for (const [id, b64] of Object.entries(k.keys)) keys[id] = Buffer.from(b64, 'base64');
    return new PayloadKeyRing(k.currentId, keys);
  }

  get current(): Buffer {
    return this.keys.get(this.currentId) as Buffer;
  }

  find(id: string): Buffer | null {
    return this.keys.get(id) ?? null;
  }

  ids(): string[] {
    return [...this.keys.keys()];
  }
}
