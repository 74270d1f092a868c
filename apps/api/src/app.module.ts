import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type AppConfig, ConfigModule } from '@epw/config';
import { DataAccessModule } from '@epw/data-access';
import { TemporalClientModule } from '@epw/temporal';
import { traceLogFields, tracingRuntime } from '@epw/observability';
import { AssessmentsModule } from './assessments/assessments.module';
import { AuditModule } from './audit/audit.module';
import { BallotsModule } from './ballots/ballots.module';
import { CycleRunsModule } from './cycle-runs/cycle-runs.module';
import { InboxModule } from './notifications/notifications.module';
import { RegistrationsModule } from './registrations/registrations.module';
import { RuleSetsModule } from './rule-sets/rule-sets.module';
import { SchedulesModule } from './schedules/schedules.module';
import { AuthModule } from './auth/auth.module';
import { CommendationModule } from './commendation/commendation.module';
import { CommonModule } from './common/common.module';
import { CyclesModule } from './cycles/cycles.module';
import { DirectoryModule } from './directory/directory.module';
import { DocumentSealModule } from './document-seal/document-seal.module';
import { HealthModule } from './health/health.module';
import { HolidaysModule } from './holidays/holidays.module';
import { ImportsModule } from './imports/imports.module';
import { ModelsModule } from './models/models.module';
import { PeopleModule } from './people/people.module';
import { SigningRoundsModule } from './signing-rounds/signing-rounds.module';
import { TasksModule } from './tasks/tasks.module';
import { EventsModule } from './events/events.module';
import { ObservabilityModule } from './observability/observability.module';

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
            // trace_id and span_id of the active span on every line (when tracing is on).
            ...(tracingRuntime() ? { mixin: traceLogFields } : {}),
          },
        }),
        DataAccessModule,
        TemporalClientModule,
        CommonModule,
        DocumentSealModule,
        AuthModule,
        HealthModule,
        CyclesModule,
        SigningRoundsModule,
        AuditModule,
        CycleRunsModule,
        RegistrationsModule,
        AssessmentsModule,
        BallotsModule,
        RuleSetsModule,
        HolidaysModule,
        SchedulesModule,
        InboxModule,
        CommendationModule,
        PeopleModule,
        DirectoryModule,
        ImportsModule,
        ModelsModule,
        TasksModule,
        EventsModule,
        ObservabilityModule,
      ],
    };
  }
}
