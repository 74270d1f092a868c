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
});
