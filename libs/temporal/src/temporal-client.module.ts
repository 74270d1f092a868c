import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, type WorkflowClientInterceptor } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { BallotSeal } from './ballot-seal';
import { temporalDataConverter } from './data-converter';

export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
/** Optional: the workflow client's interceptors (the API's metrics and tracing provide them). */
export const TEMPORAL_CLIENT_INTERCEPTORS = Symbol('TEMPORAL_CLIENT_INTERCEPTORS');

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
      inject: [
        TEMPORAL_CONNECTION,
        APP_CONFIG,
        { token: TEMPORAL_CLIENT_INTERCEPTORS, optional: true },
      ],
      useFactory: (
        connection: Connection,
        config: AppConfig,
        interceptors: WorkflowClientInterceptor[] | undefined,
      ) =>
        new Client({
          connection,
          namespace: config.temporal.namespace,
          dataConverter: temporalDataConverter(config),
          interceptors: { workflow: interceptors ?? [] },
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
