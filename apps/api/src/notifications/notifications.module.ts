import { Module } from '@nestjs/common';
import { NotificationsModule as QueuesModule } from '@epw/notifications';
import { DeadLettersController } from './dead-letters.controller';
import { NotificationsController } from './notifications.controller';

@Module({ imports: [QueuesModule], controllers: [NotificationsController, DeadLettersController] })
export class InboxModule {}
