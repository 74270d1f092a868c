import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { loadConfig } from '@epw/config';
import {
  ENCODING_ENCRYPTED,
  EncryptionCodec,
  METADATA_KEY_ID,
  PayloadDecryptionError,
} from './encryption-codec';
import { PayloadKeyRing } from './payload-key-ring';
import { temporalDataConverter } from './data-converter';

const text = (b: Uint8Array | null | undefined) => new TextDecoder().decode(b ?? undefined);
const ring = (current: string, keys: Record<string, Buffer>) => new PayloadKeyRing(current, keys);
const K1 = randomBytes(32);
const K2 = randomBytes(32);
const ballot = { memberUserId: '7f1c1e9e-0000-4000-8000-000000000001', approve: true };
const payloadOf = (v: unknown): Payload => defaultPayloadConverter.toPayload(v);
const valueOf = (p: Payload): unknown => defaultPayloadConverter.fromPayload(p);

describe(EncryptionCodec.name, () => {
  it('round-trips payloads, with the key id and the encrypted encoding in the clear metadata', async () => {
    const codec = new EncryptionCodec(ring('k1', { k1: K1 }));
    const [encoded] = await codec.encode([payloadOf(ballot)]);
    expect(text(encoded.metadata?.[METADATA_ENCODING_KEY])).toBe(ENCODING_ENCRYPTED);
    expect(text(encoded.metadata?.[METADATA_KEY_ID])).toBe('k1');
    expect(Buffer.from(encoded.data ?? []).toString('latin1')).not.toContain('approve');
    expect(Buffer.from(encoded.data ?? []).toString('latin1')).not.toContain(ballot.memberUserId);
    expect(Buffer.from(encoded.data ?? []).toString('latin1')).not.toContain('json/plain');
    const [decoded] = await codec.decode([encoded]);
    expect(valueOf(decoded)).toEqual(ballot);
    expect(text(decoded.metadata?.[METADATA_ENCODING_KEY])).toBe('json/plain');
  });

  it('encrypts the same payload differently every time (random nonce)', async () => {
    const codec = new EncryptionCodec(ring('k1', { k1: K1 }));
    const [a, b] = await codec.encode([payloadOf(ballot), payloadOf(ballot)]);
    expect(Buffer.from(a.data ?? []).equals(Buffer.from(b.data ?? []))).toBe(false);
  });

  it('refuses a payload under a key it does not have, and a wrong key of the same id', async () => {
    const [encoded] = await new EncryptionCodec(ring('k1', { k1: K1 })).encode([payloadOf(ballot)]);
    await expect(new EncryptionCodec(ring('k2', { k2: K2 })).decode([encoded])).rejects.toThrow(
      PayloadDecryptionError,
    );
    await expect(new EncryptionCodec(ring('k1', { k1: K2 })).decode([encoded])).rejects.toThrow(
      /failed authentication/,
    );
  });

  it('detects a changed byte', async () => {
    const codec = new EncryptionCodec(ring('k1', { k1: K1 }));
    const [encoded] = await codec.encode([payloadOf(ballot)]);
    const data = Buffer.from(encoded.data ?? []);
    data[20] ^= 1;
    await expect(codec.decode([{ ...encoded, data }])).rejects.toThrow(PayloadDecryptionError);
  });

  it('after a rotation, encrypts under the new key and still opens payloads of the old one', async () => {
    const [old] = await new EncryptionCodec(ring('k1', { k1: K1 })).encode([payloadOf(ballot)]);
    const rotated = new EncryptionCodec(ring('k2', { k1: K1, k2: K2 }));
    const [fresh] = await rotated.encode([payloadOf('after')]);
    expect(text(fresh.metadata?.[METADATA_KEY_ID])).toBe('k2');
    const [a, b] = await rotated.decode([old, fresh]);
    expect(valueOf(a)).toEqual(ballot);
    expect(valueOf(b)).toBe('after');
  });

  it('passes payloads without the encryption marker through (histories from before the codec)', async () => {
    const codec = new EncryptionCodec(ring('k1', { k1: K1 }));
    const plain = payloadOf(ballot);
    const [decoded] = await codec.decode([plain]);
    expect(decoded).toBe(plain);
    expect(await codec.encode([])).toEqual([]);
  });
});

describe(PayloadKeyRing.name, () => {
  const base = {
    DATABASE_URL: 'postgresql://x@localhost/db',
    JWT_SECRET: 'x'.repeat(32),
  };

  it('takes the current key and the retired ones from the configuration', () => {
    const config = loadConfig({
      ...base,
      TEMPORAL_PAYLOAD_KEY: K2.toString('base64'),
      TEMPORAL_PAYLOAD_KEY_ID: 'k2',
      TEMPORAL_PAYLOAD_PREVIOUS_KEYS: `k1:${K1.toString('base64')}`,
    });
    const keys = PayloadKeyRing.fromConfig(config);
    expect(keys?.currentId).toBe('k2');
    expect(keys?.current.equals(K2)).toBe(true);
    expect(keys?.find('k1')?.equals(K1)).toBe(true);
    expect(temporalDataConverter(config).payloadCodecs).toHaveLength(1);
  });

  it('encrypts nothing without a key outside production, and requires one in production', () => {
    const config = loadConfig(base);
    expect(PayloadKeyRing.fromConfig(config)).toBeNull();
    expect(temporalDataConverter(config)).toEqual({});
    // Production's other required keys given, so the payload key is what is missing.
    const production = {
      ...base,
      NODE_ENV: 'production',
      MFA_ENCRYPTION_KEY: K2.toString('base64'),
    };
    expect(() => loadConfig(production)).toThrow(/TEMPORAL_PAYLOAD_KEY: required in production/);
    expect(
      loadConfig({ ...production, TEMPORAL_PAYLOAD_KEY: K1.toString('base64') })
        .temporalPayloadKeys,
    ).toEqual({ currentId: 'k1', keys: { k1: K1.toString('base64') } });
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => loadConfig({ ...base, TEMPORAL_PAYLOAD_KEY: 'c2hvcnQ=' })).toThrow(
      /TEMPORAL_PAYLOAD_KEY: must be base64 of 32 bytes/,
    );
    expect(() =>
      loadConfig({
        ...base,
        TEMPORAL_PAYLOAD_KEY: K1.toString('base64'),
        TEMPORAL_PAYLOAD_PREVIOUS_KEYS: 'old:c2hvcnQ=',
      }),
    ).toThrow(/TEMPORAL_PAYLOAD_PREVIOUS_KEYS/);
    expect(() => ring('k1', { k1: randomBytes(16) })).toThrow(RangeError);
    expect(() => ring('k9', { k1: K1 })).toThrow(RangeError);
  });
});
