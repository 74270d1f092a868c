import { ConfigValidationError, loadConfig } from './app-config';

const valid = {
  DATABASE_URL: 'postgresql://epw:epw@127.0.0.1:5432/epw',
  JWT_SECRET: 'x'.repeat(32),
};

describe('loadConfig', () => {
  it('fills defaults for this machine', () => {
    const config = loadConfig(valid);
    expect(config.temporal).toMatchObject({
      address: '127.0.0.1:7233',
      namespace: 'default',
      taskQueue: 'emulation',
    });
    expect(config.api.port).toBe(3000);
    expect(config.worker.maxCachedWorkflows).toBe(500);
  });

  it('listens on this machine only unless API_HOST says otherwise', () => {
    expect(loadConfig(valid).api.host).toBe('127.0.0.1');
    expect(loadConfig({ ...valid, API_HOST: '0.0.0.0' }).api.host).toBe('0.0.0.0');
  });

  it('never derives the webhook signing key from the access-token key', () => {
    const config = loadConfig(valid);
    expect(config.notifications.webhookSecret).toBeNull();
    expect(JSON.stringify(config.notifications)).not.toContain(valid.JWT_SECRET);
    expect(
      loadConfig({ ...valid, WEBHOOK_SECRET: 'w'.repeat(32) }).notifications.webhookSecret,
    ).toBe('w'.repeat(32));
  });

  it('reads the webhook host allow-list (empty unless set)', () => {
    expect(loadConfig(valid).notifications.webhookAllowedHosts).toEqual([]);
    expect(
      loadConfig({ ...valid, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1, LocalHost' }).notifications
        .webhookAllowedHosts,
    ).toEqual(['127.0.0.1', 'localhost']);
  });

  it('defaults to short-lived access tokens, rotating refresh tokens and login throttling', () => {
    const config = loadConfig(valid);
    expect(config.jwt).toEqual({
      secret: valid.JWT_SECRET,
      previousSecret: null,
      ttlSeconds: 900,
      refreshTtlSeconds: 7 * 86_400,
    });
    expect(config.loginThrottle).toEqual({
      maxFailuresPerUser: 5,
      maxFailuresPerIp: 50,
      windowSeconds: 900,
    });
    expect(config.api.trustProxyHops).toBe(0);
    expect(loadConfig({ ...valid, JWT_PREVIOUS_SECRET: 'y'.repeat(32) }).jwt.previousSecret).toBe(
      'y'.repeat(32),
    );
    expect(() => loadConfig({ ...valid, JWT_PREVIOUS_SECRET: 'short' })).toThrow(
      'JWT_PREVIOUS_SECRET: must be at least 32 characters',
    );
  });

  it('names every invalid variable and its rule', () => {
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', JWT_SECRET: 'short', API_PORT: '99999' });
      throw new Error('expected a ConfigValidationError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigValidationError);
      const issues = (err as ConfigValidationError).issues.join('\n');
      expect(issues).toContain('DATABASE_URL: must be a postgresql:// connection string');
      expect(issues).toContain('JWT_SECRET: must be at least 32 characters');
      expect(issues).toContain('API_PORT');
    }
  });

  it('takes the public base URL for printed links from PUBLIC_BASE_URL, without a trailing slash', () => {
    expect(loadConfig(valid).publicBaseUrl).toBe('http://localhost:3000');
    expect(
      loadConfig({ ...valid, PUBLIC_BASE_URL: 'https://thiduakhenthuong.example.vn/' })
        .publicBaseUrl,
    ).toBe('https://thiduakhenthuong.example.vn');
    // A deployment that set only PUBLIC_URL (notification links) prints that address too.
    expect(loadConfig({ ...valid, PUBLIC_URL: 'https://tdkt.example.vn' }).publicBaseUrl).toBe(
      'https://tdkt.example.vn',
    );
    expect(() => loadConfig({ ...valid, PUBLIC_BASE_URL: 'ftp://example.vn' })).toThrow(
      'PUBLIC_BASE_URL: must be an http(s):// URL without query or fragment',
    );
    expect(() => loadConfig({ ...valid, PUBLIC_BASE_URL: 'not a url' })).toThrow('PUBLIC_BASE_URL');
  });
});
