import { type AppConfig, loadConfig } from '@epw/config';

/** Configuration for tests: the services started by `npm test`, a task queue of their own (so a
 * running demo worker never picks up test workflows), quiet logs. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    DATABASE_URL: 'postgresql://epw:epw@127.0.0.1:5432/epw_test',
    REDIS_URL: 'redis://127.0.0.1:6379/1',
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'warn',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0000',
    // Temporal payloads encrypted as in production (32 bytes, base64): the test system's clients,
    // workers and the replay test share the codec.
    TEMPORAL_PAYLOAD_KEY: 'dGVzdC1wYXlsb2FkLWtleS10ZXN0LXBheWxvYWQta2U=',
    TEMPORAL_PAYLOAD_KEY_ID: 'test-1',
    API_HOST: '127.0.0.1',
    API_PORT: '0',
    TEMPORAL_TASK_QUEUE: `test-${process.pid}-${Date.now().toString(36)}`,
    QUEUE_PREFIX: `test-${process.pid}-${Date.now().toString(36)}`,
    RECONCILE_INTERVAL_MS: '2000',
    // Fixture and demo accounts log in with a password only: the second factor is each account's
    // choice here; suites of the second factor start a system with MFA_ENFORCEMENT=required.
    MFA_ENFORCEMENT: 'off',
    MFA_ENCRYPTION_KEY: 'dGVzdC1tZmEta2V5LXRlc3QtbWZhLWtleS10ZXN0LW0=',
    ...overrides,
  });
}

/** A short suffix that keeps one test's business keys apart from every other run's. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();
}
