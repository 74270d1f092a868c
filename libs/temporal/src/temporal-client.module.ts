import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { BallotSeal } from './ballot-seal';
import { temporalDataConverter } from './data-converter';

export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');

/** Closes the client connection on shutdown, after in-flight requests are done. */
@Injectable()
class TemporalConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CONNECTION,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => Connection.connect({ address: config.temporal.address }),
    },
    {
      provide: Client,
      inject: [TEMPORAL_CONNECTION, APP_CONFIG],
      useFactory: (connection: Connection, config: AppConfig) =>
        new Client({
          connection,
          namespace: config.temporal.namespace,
          dataConverter: temporalDataConverter(config),
        }),
    },
    {
      provide: BallotSeal,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => BallotSeal.fromConfig(config),
    },
    TemporalConnectionCloser,
  ],
  exports: [Client, TEMPORAL_CONNECTION, BallotSeal],
})
export class TemporalClientModule {}
