import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type AppConfig, ConfigModule } from '@epw/config';
import { DataAccessModule } from '@epw/data-access';
import { TemporalClientModule } from '@epw/temporal';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CyclesModule } from './cycles/cycles.module';
import { HealthModule } from './health/health.module';
import { SigningRoundsModule } from './signing-rounds/signing-rounds.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.body.password'],
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
        }),
        DataAccessModule,
        TemporalClientModule,
        AuthModule,
        HealthModule,
        CyclesModule,
        SigningRoundsModule,
        AuditModule,
      ],
    };
  }
}
