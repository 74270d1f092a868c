import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type AppConfig, ConfigModule } from '@epw/config';
import { DataAccessModule } from '@epw/data-access';
import { NotificationsModule } from '@epw/notifications';
import { ClockActivitiesImpl, CycleActivitiesImpl } from './activities/cycle.activities';
import { PledgeSigningActivitiesImpl } from './activities/pledge-signing.activities';
import { NominationActivitiesImpl } from './activities/nomination.activities';
import { ReminderActivitiesImpl } from './activities/reminder.activities';
import { NotificationProcessors } from './queues/notification.processors';
import { TemporalWorkerService } from './temporal/temporal-worker.service';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
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
      ],
    };
  }
}
