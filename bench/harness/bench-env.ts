import path from 'node:path';
/** dev: the Temporal dev server on a SQLite file; postgres: the Temporal server on PostgreSQL. */
export type TemporalProfile = 'dev' | 'postgres';

/** What bench/bench.sh started for this run, read once from the environment it passes. */
export interface BenchEnv {
  databaseUrl: string;
  dbName: string;
  redisUrl: string;
  temporalAddress: string;
  temporalPid: number;
  temporalProfile: TemporalProfile;
  /** The PostgreSQL profile's Temporal databases: their backends' CPU is the server's. */
  temporalDbNames: string[];
  redisPid: number;
  temporalMetricsUrl: string;
  clockTicks: number;
  /** Pino level of the API and worker (quiet by default: logs would cost CPU in the runs). */
  logLevel: string;
  /** BENCH_PROFILE: write CPU profiles of the product runs to this file (the bench process) and
   * beside it (`.api`, `.worker` before the extension: the product's processes). */
  profileFile: string | null;
  /** Where the product's API and worker processes write their logs. */
  logDir: string;
}

export function benchEnv(env: Record<string, string | undefined> = process.env): BenchEnv {
  const need = (name: string): string => {
    const v = env[name];
    if (!v) throw new Error(`${name} is not set: run the benchmarks with \`npm run bench\``);
    return v;
  };
  const temporalAddress = need('TEMPORAL_ADDRESS');
  if (temporalAddress.endsWith(':7233')) {
    throw new Error('the benchmarks must not load the shared Temporal dev server on :7233');
  }
  return {
    databaseUrl: need('DATABASE_URL'),
    dbName: need('BENCH_DB_NAME'),
    redisUrl: need('REDIS_URL'),
    temporalAddress,
    temporalPid: Number(need('BENCH_TEMPORAL_PID')),
    temporalProfile: env['BENCH_TEMPORAL_PROFILE'] === 'postgres' ? 'postgres' : 'dev',
    temporalDbNames: (env['BENCH_TEMPORAL_DB_NAMES'] ?? '').split(',').filter(Boolean),
    redisPid: Number(need('BENCH_REDIS_PID')),
    temporalMetricsUrl: need('BENCH_TEMPORAL_METRICS_URL'),
    clockTicks: Number(env['BENCH_CLK_TCK'] ?? '100'),
    logLevel: env['BENCH_LOG_LEVEL'] ?? 'error',
    // On unless BENCH_PROFILE=off: the report says where the CPU of each product run goes.
    profileFile:
      env['BENCH_PROFILE'] === 'off'
        ? null
        : (env['BENCH_PROFILE'] ??
          path.join(env['BENCH_LOG_DIR'] ?? '.', '..', 'profile', 'bench.cpuprofile')),
    logDir: env['BENCH_LOG_DIR'] ?? '.',
  };
}
