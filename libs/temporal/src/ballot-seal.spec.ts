import { randomBytes } from 'node:crypto';
import { SEALED_BALLOT_PATTERN } from '@epw/domain';
import { BallotSeal } from './ballot-seal';
import { PayloadKeyRing } from './payload-key-ring';

const K1 = randomBytes(32);
const K2 = randomBytes(32);
const slot = { nominationId: 'n-1', memberUserId: 'm-1' };

describe(BallotSeal.name, () => {
  const seal = new BallotSeal(new PayloadKeyRing('k1', { k1: K1 }));

  it('opens what it sealed, yes and no alike, in the shape validators check', () => {
    const yes = seal.seal(slot, true);
    const no = seal.seal(slot, false);
    expect(yes).toMatch(SEALED_BALLOT_PATTERN);
    expect(no).toMatch(SEALED_BALLOT_PATTERN);
    // Same length: the ciphertext does not tell a yes from a no.
    expect(yes.length).toBe(no.length);
    expect(seal.open(slot, yes)).toBe(true);
    expect(seal.open(slot, no)).toBe(false);
  });

  it("does not open as another member's ballot or on another nomination", () => {
    const sealed = seal.seal(slot, true);
    expect(() => seal.open({ ...slot, memberUserId: 'm-2' }, sealed)).toThrow(RangeError);
    expect(() => seal.open({ ...slot, nominationId: 'n-2' }, sealed)).toThrow(RangeError);
  });

  it('does not open under another key, and opens under a retired key after a rotation', () => {
    const sealed = seal.seal(slot, false);
    expect(() => new BallotSeal(new PayloadKeyRing('k2', { k2: K2 })).open(slot, sealed)).toThrow(
      /unknown key/,
    );
    const rotated = new BallotSeal(new PayloadKeyRing('k2', { k1: K1, k2: K2 }));
    expect(rotated.open(slot, sealed)).toBe(false);
    expect(rotated.seal(slot, true)).toMatch(/^b1\.k2\./);
  });

  it('refuses malformed seals', () => {
    for (const bad of ['', 'b1', 'b1.k1', 'b2.k1.abc', `b1.k1.${'A'.repeat(39)}`]) {
      expect(() => seal.open(slot, bad)).toThrow(RangeError);
    }
  });

  it('derives its key from the payload key, never uses it as is', () => {
    const sealed = seal.seal(slot, true);
    const fromJwt = BallotSeal.fromConfig({
      temporalPayloadKeys: null,
      jwt: { secret: 'x'.repeat(32) },
    } as never);
    expect(() => fromJwt.open(slot, sealed)).toThrow(RangeError);
    expect(fromJwt.open(slot, fromJwt.seal(slot, true))).toBe(true);
  });
});
