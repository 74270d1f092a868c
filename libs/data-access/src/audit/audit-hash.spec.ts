import {
  AUDIT_GENESIS_HASH,
  canonicalJson,
  computeAuditHash,
  pledgeContentHash,
} from './audit-hash';

const entry = {
  occurredAt: new Date('2026-08-07T02:00:00.000Z'),
  actorUserId: 'u1',
  action: 'pledge-signing.signed',
  entityType: 'SigningRound',
  entityId: 'pledge-signing-CTD-01-DVK-2026',
  payload: { version: 1, unitId: 'x' },
  eventKey: 'k1',
};

describe('audit hash chain', () => {
  it('does not depend on key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe('{"a":[1,{"c":3,"d":2}],"b":1}');
    expect(computeAuditHash(AUDIT_GENESIS_HASH, entry)).toBe(
      computeAuditHash(AUDIT_GENESIS_HASH, { ...entry, payload: { unitId: 'x', version: 1 } }),
    );
  });

  it('changes when any field or the previous hash changes', () => {
    const base = computeAuditHash(AUDIT_GENESIS_HASH, entry);
    expect(computeAuditHash('f'.repeat(64), entry)).not.toBe(base);
    expect(
      computeAuditHash(AUDIT_GENESIS_HASH, { ...entry, payload: { version: 2, unitId: 'x' } }),
    ).not.toBe(base);
    expect(computeAuditHash(AUDIT_GENESIS_HASH, { ...entry, actorUserId: null })).not.toBe(base);
  });

  it('hashes pledge text independently of Unicode normalization form', () => {
    const nfc = 'Dân vận khéo'.normalize('NFC');
    const nfd = 'Dân vận khéo'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(pledgeContentHash([nfc])).toBe(pledgeContentHash([nfd]));
    expect(pledgeContentHash(['a', 'b'])).not.toBe(pledgeContentHash(['b', 'a']));
  });
});
