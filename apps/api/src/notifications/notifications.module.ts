import { Module } from '@nestjs/common';
import { NotificationsModule as QueuesModule } from '@epw/notifications';
import { DeadLettersController } from './dead-letters.controller';
import { DeadLettersService } from './dead-letters.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [QueuesModule],
  controllers: [NotificationsController, DeadLettersController],
  providers: [NotificationsService, DeadLettersService],
})
export class InboxModule {}
