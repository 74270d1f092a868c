import { hkdfSync } from 'node:crypto';
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
  /** AES-256-GCM key of the Temporal payload codec (base64 of 32 bytes): workflow inputs, Update
   * arguments, results and state are ciphertext in Temporal's history, database and Web UI.
   * Required in production; `scripts/start.sh` generates one into .data on first start. */
  TEMPORAL_PAYLOAD_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be base64 of 32 bytes')
    .optional(),
  /** The key's id, written into every encrypted payload's metadata (key rotation). */
  TEMPORAL_PAYLOAD_KEY_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1-64 of A-Z, a-z, 0-9, ., _ and -')
    .default('k1'),
  /** Keys retired by a rotation, still decrypting older histories: `id:base64,id:base64`. */
  TEMPORAL_PAYLOAD_PREVIOUS_KEYS: z
    .string()
    .regex(
      /^([A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/=_-]+)?(,[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/=_-]+)*$/,
      'must be a comma-separated list of id:base64',
    )
    .refine(
      (v) =>
        v === '' ||
        v.split(',').every((e) => Buffer.from(e.slice(e.indexOf(':') + 1), 'base64').length === 32),
      'every key must be base64 of 32 bytes',
    )
    .default(''),
  /** The address the API listens on: this machine only unless a proxy or a container needs more. */
  API_HOST: z.string().min(1).default('127.0.0.1'),
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
  /** How long one transaction may run, and wait for a connection, before Prisma aborts it
   * (Prisma's own defaults, 5 s and 2 s, are too tight for a loaded two-core machine where audited
   * writes queue for the audit chain's lock). */
  DATABASE_TX_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(20_000),
  DATABASE_TX_MAX_WAIT_MS: z.coerce.number().int().min(500).max(60_000).default(10_000),
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
  /** Signs the webhooks of subscribers that have no key of their own yet (set before issue 20);
   * every subscriber gets one when they set their webhook URL. Unrelated to JWT_SECRET. */
  WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Host names (as written in the URL) webhooks may reach although they resolve to a loopback,
   * private or otherwise internal address: comma-separated, empty in production. */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .regex(/^[A-Za-z0-9.:\-[\], ]*$/, 'must be a comma-separated list of host names')
    .default(''),
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
  /** The deployment's document-signing certificate (PKCS#12) that seals decisions, certificates
   * and signed pledges; set it in production. Unset: the API makes a throwaway local CA at boot
   * and warns (`scripts/start.sh` makes a lasting one in .data/pki). */
  DOCUMENT_SIGNING_P12_PATH: z.string().min(1).optional(),
  DOCUMENT_SIGNING_P12_PASSWORD: z.string().default(''),
  /** PEM bundle of the CAs whose certificates may add a personal signature to a signed copy (the
   * licensed CAs' roots in production; the local development CA in the demo). Unset: none may. */
  PERSONAL_SIGNATURE_CA_PATH: z.string().min(1).optional(),
  /** AES-256-GCM key (base64 of 32 bytes) of the TOTP secrets at rest; recovery codes are
   * HMAC-ed under a key derived from it. Required in production (`scripts/start.sh` generates
   * one into .data); elsewhere, unset, a key derived from JWT_SECRET stands in. */
  MFA_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be base64 of 32 bytes')
    .optional(),
  /** off: a second factor is each account's choice; enrol: accounts of MFA_REQUIRED_ROLES without
   * one are urged to enrol; required: they reach nothing but enrolment until they have one. */
  MFA_ENFORCEMENT: z.enum(['off', 'enrol', 'required']).default('required'),
  /** Roles whose accounts need a second factor: administrators, deciding leaders, council members
   * and signers. */
  MFA_REQUIRED_ROLES: z
    .string()
    .regex(/^[A-Z_]*(,[A-Z_]+)*$/, 'must be a comma-separated list of roles')
    .default('ADMIN,ORG_ADMIN,AUTHORITY,COUNCIL_MEMBER,UNIT_SIGNER'),
  /** How recent the last second-factor check must be for signing, voting and issuing (step-up). */
  MFA_STEP_UP_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  /** How long the answer to a password asks for the code before the login starts again. */
  MFA_CHALLENGE_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  /** The name authenticator apps show next to the account. */
  MFA_ISSUER: z.string().min(1).max(64).default('Thi đua – Khen thưởng'),
});

export type AppConfig = Readonly<{
  env: 'development' | 'production' | 'test';
  logLevel: string;
  databaseUrl: string;
  databasePoolSize: number;
  databaseTxTimeoutMs: number;
  databaseTxMaxWaitMs: number;
  redisUrl: string;
  temporal: { address: string; namespace: string; taskQueue: string; uiUrl: string };
  /** The system's public address (PUBLIC_BASE_URL, no trailing slash): links printed on documents,
   * such as a certificate's verification link, start with it. */
  publicBaseUrl: string;
  /** The Temporal payload codec's keys (base64): the current one encrypts, every one decrypts by
   * the key id in the payload. Null: payloads are not encrypted (development and tests only). */
  temporalPayloadKeys: {
    currentId: string;
    keys: Readonly<Record<string, string>>;
  } | null;
  api: { host: string; port: number; trustProxyHops: number };
  /** PKCS#12 file and password of the document seal; null path: a throwaway one (not production). */
  documentSigning: { p12Path: string | null; p12Password: string; personalCaPath: string | null };
  /** TOTP second factor: the key of its secrets at rest (base64 of 32 bytes), who must have one,
   * and how recent a check must be before a signature, a ballot or a decision (seconds). */
  secondFactor: {
    encryptionKey: string;
    enforcement: 'off' | 'enrol' | 'required';
    requiredRoles: readonly string[];
    stepUpSeconds: number;
    challengeSeconds: number;
    issuer: string;
  };
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
    /** HMAC key of the webhooks of subscribers without a key of their own (none: not sent). */
    webhookSecret: string | null;
    /** Hosts webhooks may reach although they resolve to internal addresses (tests' local sinks). */
    webhookAllowedHosts: readonly string[];
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
  if (e.NODE_ENV === 'production' && e.MFA_ENCRYPTION_KEY === undefined) {
    throw new ConfigValidationError([
      'MFA_ENCRYPTION_KEY: required in production (base64 of 32 random bytes)',
    ]);
  }
  if (e.NODE_ENV === 'production' && e.TEMPORAL_PAYLOAD_KEY === undefined) {
    throw new ConfigValidationError([
      'TEMPORAL_PAYLOAD_KEY: required in production (base64 of 32 random bytes)',
    ]);
  }
  return Object.freeze({
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseTxTimeoutMs: e.DATABASE_TX_TIMEOUT_MS,
    databaseTxMaxWaitMs: e.DATABASE_TX_MAX_WAIT_MS,
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
    temporalPayloadKeys: temporalPayloadKeys(
      e.TEMPORAL_PAYLOAD_KEY,
      e.TEMPORAL_PAYLOAD_KEY_ID,
      e.TEMPORAL_PAYLOAD_PREVIOUS_KEYS,
    ),
    api: { host: e.API_HOST, port: e.API_PORT, trustProxyHops: e.TRUST_PROXY_HOPS },
    documentSigning: {
      p12Path: e.DOCUMENT_SIGNING_P12_PATH ?? null,
      p12Password: e.DOCUMENT_SIGNING_P12_PASSWORD,
      personalCaPath: e.PERSONAL_SIGNATURE_CA_PATH ?? null,
    },
    secondFactor: {
      encryptionKey: e.MFA_ENCRYPTION_KEY ?? developmentMfaKey(e.JWT_SECRET),
      enforcement: e.MFA_ENFORCEMENT,
      requiredRoles: Object.freeze(e.MFA_REQUIRED_ROLES.split(',').filter((r) => r.length > 0)),
      stepUpSeconds: e.MFA_STEP_UP_SECONDS,
      challengeSeconds: e.MFA_CHALLENGE_SECONDS,
      issuer: e.MFA_ISSUER,
    },
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
      webhookSecret: e.WEBHOOK_SECRET ?? null,
      webhookAllowedHosts: e.WEBHOOK_ALLOWED_HOSTS.split(',')
        .map((h) => h.trim().toLowerCase())
        .filter((h) => h.length > 0),
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

/** The current payload key and the retired ones by id (the current id wins a clash). */
function temporalPayloadKeys(
  key: string | undefined,
  keyId: string,
  previous: string,
): AppConfig['temporalPayloadKeys'] {
  if (key === undefined) return null;
  const keys: Record<string, string> = {};
  for (const entry of previous.split(',').filter((x) => x.length > 0)) {
    const at = entry.indexOf(':');
    keys[entry.slice(0, at)] = entry.slice(at + 1);
  }
  keys[keyId] = key;
  return { currentId: keyId, keys: Object.freeze(keys) };
}

/** Outside production only: a key for the TOTP secrets derived from JWT_SECRET (so a development
 * system without MFA_ENCRYPTION_KEY keeps its enrolments across restarts). */
function developmentMfaKey(jwtSecret: string): string {
  return Buffer.from(hkdfSync('sha256', jwtSecret, 'epw', 'epw-mfa-development-key', 32)).toString(
    'base64',
  );
}
