import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { PrismaClient } from './generated/prisma/client';

/** Prisma with the TypeScript query compiler and the pg driver adapter (no native engine). */
@Injectable()
/** Disconnects in the last shutdown phase, after the workers that use it have drained. */
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      adapter: new PrismaPg({ connectionString: config.databaseUrl, max: config.databasePoolSize }),
      transactionOptions: {
        timeout: config.databaseTxTimeoutMs,
        maxWait: config.databaseTxMaxWaitMs,
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}

export type PrismaTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
