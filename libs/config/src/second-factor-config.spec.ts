import { randomBytes } from 'node:crypto';
import { ConfigValidationError, loadConfig } from './app-config';

const valid = {
  DATABASE_URL: 'postgresql://epw:epw@127.0.0.1:5432/epw',
  JWT_SECRET: 'x'.repeat(32),
  TEMPORAL_PAYLOAD_KEY: randomBytes(32).toString('base64'),
};

describe('loadConfig: the second factor', () => {
  it('requires it of administrators, leaders, council members and signers by default', () => {
    const { secondFactor } = loadConfig(valid);
    expect(secondFactor).toMatchObject({
      enforcement: 'required',
      requiredRoles: ['ADMIN', 'ORG_ADMIN', 'AUTHORITY', 'COUNCIL_MEMBER', 'UNIT_SIGNER'],
      stepUpSeconds: 300,
      challengeSeconds: 300,
    });
  });

  it('reads the enforcement, the roles and the step-up window', () => {
    const { secondFactor } = loadConfig({
      ...valid,
      MFA_ENFORCEMENT: 'enrol',
      MFA_REQUIRED_ROLES: 'ADMIN,AUTHORITY',
      MFA_STEP_UP_SECONDS: '60',
    });
    expect(secondFactor).toMatchObject({
      enforcement: 'enrol',
      requiredRoles: ['ADMIN', 'AUTHORITY'],
      stepUpSeconds: 60,
    });
    expect(() => loadConfig({ ...valid, MFA_ENFORCEMENT: 'sometimes' })).toThrow(
      ConfigValidationError,
    );
    expect(() => loadConfig({ ...valid, MFA_ENCRYPTION_KEY: 'short' })).toThrow(
      /MFA_ENCRYPTION_KEY: must be base64 of 32 bytes/,
    );
  });

  it('wants a key of its own in production, and derives a stand-in elsewhere', () => {
    expect(() => loadConfig({ ...valid, NODE_ENV: 'production' })).toThrow(
      /MFA_ENCRYPTION_KEY: required in production/,
    );
    const key = randomBytes(32).toString('base64');
    expect(
      loadConfig({ ...valid, NODE_ENV: 'production', MFA_ENCRYPTION_KEY: key }).secondFactor
        .encryptionKey,
    ).toBe(key);
    const derived = loadConfig(valid).secondFactor.encryptionKey;
    expect(Buffer.from(derived, 'base64')).toHaveLength(32);
    expect(derived).not.toContain(valid.JWT_SECRET.slice(0, 8));
    expect(
      loadConfig({ ...valid, JWT_SECRET: 'y'.repeat(32) }).secondFactor.encryptionKey,
    ).not.toBe(derived);
  });
});
