import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection string'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .default('redis://127.0.0.1:6379/0'),
  TEMPORAL_ADDRESS: z.string().min(3).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('emulation'),
  TEMPORAL_UI_URL: z.string().url().default('http://127.0.0.1:8233'),
  API_HOST: z.string().default('0.0.0.0'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /** The key before the last rotation: tokens it signed still verify until they expire. */
  JWT_PREVIOUS_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Access-token lifetime: short, because a token cannot be revoked before it expires. */
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(30)
    .max(86_400)
    .default(15 * 60),
  JWT_REFRESH_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(7 * 86_400),
  LOGIN_MAX_FAILURES_PER_USER: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
  LOGIN_FAILURE_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
  /** Proxy hops in front of the API whose X-Forwarded-For is trusted for the client address. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Connections per process (API, worker); the activities, the queue processors and the
   * requests share them. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(24),
  /** Reminder and in-app delivery jobs processed at once per worker process. */
  NOTIFICATION_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(32),
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(500),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().positive().default(50),
  WORKFLOW_BUNDLE_PATH: z.string().default('dist/workflows/workflow-bundle.js'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// URL')
    .default('smtp://127.0.0.1:1025'),
  SMTP_FROM: z.string().min(3).default('Thi đua – Khen thưởng <thiduakhenthuong@localhost>'),
  WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(1000).default(30_000),
  EMAIL_RATE_PER_SECOND: z.coerce.number().int().positive().default(20),
  WEBHOOK_RATE_PER_SECOND: z.coerce.number().int().positive().default(50),
  PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
  /** Where people reach this system from outside (scheme, host, optional path; no trailing /):
   * certificates print their verification link and QR code under it. */
  PUBLIC_BASE_URL: z
    .string()
    .url()
    .regex(/^https?:\/\/[^\s?#]+$/, 'must be an http(s):// URL without query or fragment')
    .optional(),
  DELIVERY_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  DELIVERY_BACKOFF_MS: z.coerce.number().int().min(10).default(2000),
  /** BullMQ job lock: a worker blocked (or killed) past it loses the job to the stalled-job check. */
  QUEUE_LOCK_DURATION_MS: z.coerce.number().int().min(1000).default(30_000),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'must be 1-40 of a-z, 0-9 and -')
    .default('epw'),
});

export type AppConfig = Readonly<{
  env: 'development' | 'production' | 'test';
  logLevel: string;
  databaseUrl: string;
  databasePoolSize: number;
  redisUrl: string;
  temporal: { address: string; namespace: string; taskQueue: string; uiUrl: string };
  /** The system's public address (PUBLIC_BASE_URL, no trailing slash): links printed on documents,
   * such as a certificate's verification link, start with it. */
  publicBaseUrl: string;
  api: { host: string; port: number; trustProxyHops: number };
  jwt: {
    secret: string;
    /** Verifies (never signs) tokens issued before a key rotation. */
    previousSecret: string | null;
    ttlSeconds: number;
    refreshTtlSeconds: number;
  };
  /** Failed logins allowed per username and client address, and per client address, in a window. */
  loginThrottle: { maxFailuresPerUser: number; maxFailuresPerIp: number; windowSeconds: number };
  worker: {
    maxCachedWorkflows: number;
    maxConcurrentActivities: number;
    workflowBundlePath: string;
  };
  notifications: {
    smtpUrl: string;
    smtpFrom: string;
    /** HMAC key of webhook signatures (derived from the JWT secret when unset). */
    webhookSecret: string;
    reconcileIntervalMs: number;
    emailRatePerSecond: number;
    webhookRatePerSecond: number;
    publicUrl: string;
    /** BullMQ key prefix: separate systems (or test runs) sharing a Redis never see each other's jobs. */
    queuePrefix: string;
    /** Attempts (exponential backoff from `deliveryBackoffMs`) before a delivery is dead-lettered. */
    deliveryAttempts: number;
    deliveryBackoffMs: number;
    /** BullMQ lock duration (and stalled-job check interval) of the processors. */
    queueLockDurationMs: number;
    /** Reminder and in-app delivery jobs processed at once (e-mail and webhooks: 10, rate-limited). */
    concurrency: number;
  };
}>;

export class ConfigValidationError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigValidationError';
  }
}

/** Validates the environment once, at boot; nothing else reads process.env. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigValidationError(
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  }
  const e = parsed.data;
  return Object.freeze({
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    publicBaseUrl: publicBaseUrl(
      e.PUBLIC_BASE_URL,
      env['PUBLIC_URL'] === undefined ? null : e.PUBLIC_URL,
    ),
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      uiUrl: e.TEMPORAL_UI_URL,
    },
    api: { host: e.API_HOST, port: e.API_PORT, trustProxyHops: e.TRUST_PROXY_HOPS },
    jwt: {
      secret: e.JWT_SECRET,
      previousSecret: e.JWT_PREVIOUS_SECRET ?? null,
      ttlSeconds: e.JWT_TTL_SECONDS,
      refreshTtlSeconds: e.JWT_REFRESH_TTL_SECONDS,
    },
    loginThrottle: {
      maxFailuresPerUser: e.LOGIN_MAX_FAILURES_PER_USER,
      maxFailuresPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
      windowSeconds: e.LOGIN_FAILURE_WINDOW_SECONDS,
    },
    worker: {
      maxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS,
      maxConcurrentActivities: e.WORKER_MAX_CONCURRENT_ACTIVITIES,
      workflowBundlePath: e.WORKFLOW_BUNDLE_PATH,
    },
    notifications: {
      smtpUrl: e.SMTP_URL,
      smtpFrom: e.SMTP_FROM,
      webhookSecret: e.WEBHOOK_SECRET ?? `webhook:${e.JWT_SECRET}`,
      reconcileIntervalMs: e.RECONCILE_INTERVAL_MS,
      emailRatePerSecond: e.EMAIL_RATE_PER_SECOND,
      webhookRatePerSecond: e.WEBHOOK_RATE_PER_SECOND,
      publicUrl: e.PUBLIC_URL,
      queuePrefix: e.QUEUE_PREFIX,
      deliveryAttempts: e.DELIVERY_ATTEMPTS,
      deliveryBackoffMs: e.DELIVERY_BACKOFF_MS,
      queueLockDurationMs: e.QUEUE_LOCK_DURATION_MS,
      concurrency: e.NOTIFICATION_CONCURRENCY,
    },
  });
}

/** PUBLIC_BASE_URL, else a PUBLIC_URL that was set (the address notification links already use),
 * else the development address; without a trailing slash. */
function publicBaseUrl(base: string | undefined, publicUrl: string | null): string {
  return (base ?? publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
}
