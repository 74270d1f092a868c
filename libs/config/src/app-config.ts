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
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 3600),
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
  DELIVERY_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  DELIVERY_BACKOFF_MS: z.coerce.number().int().min(10).default(2000),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'must be 1-40 of a-z, 0-9 and -')
    .default('epw'),
});

export type AppConfig = Readonly<{
  env: 'development' | 'production' | 'test';
  logLevel: string;
  databaseUrl: string;
  redisUrl: string;
  temporal: { address: string; namespace: string; taskQueue: string; uiUrl: string };
  api: { host: string; port: number };
  jwt: { secret: string; ttlSeconds: number };
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
    redisUrl: e.REDIS_URL,
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      uiUrl: e.TEMPORAL_UI_URL,
    },
    api: { host: e.API_HOST, port: e.API_PORT },
    jwt: { secret: e.JWT_SECRET, ttlSeconds: e.JWT_TTL_SECONDS },
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
    },
  });
}
