import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type AppConfig, ConfigModule } from '@epw/config';
import { DataAccessModule } from '@epw/data-access';
import { NotificationsModule } from '@epw/notifications';
import { traceLogFields, tracingRuntime, TracingFlusher } from '@epw/observability';
import { ClockActivitiesImpl, CycleActivitiesImpl } from './activities/cycle.activities';
import { PledgeSigningActivitiesImpl } from './activities/pledge-signing.activities';
import { NominationActivitiesImpl } from './activities/nomination.activities';
import { ReminderActivitiesImpl } from './activities/reminder.activities';
import { NotificationProcessors } from './queues/notification.processors';
import { TemporalWorkerService } from './temporal/temporal-worker.service';
import { WorkerMetrics } from './observability/worker-metrics';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // trace_id and span_id of the active span (an activity's) on every line.
            ...(tracingRuntime() ? { mixin: traceLogFields } : {}),
          },
        }),
        DataAccessModule,
        NotificationsModule,
      ],
      providers: [
        PledgeSigningActivitiesImpl,
        CycleActivitiesImpl,
        ClockActivitiesImpl,
        ReminderActivitiesImpl,
        NominationActivitiesImpl,
        TemporalWorkerService,
        NotificationProcessors,
        WorkerMetrics,
        TracingFlusher,
      ],
    };
  }
}
