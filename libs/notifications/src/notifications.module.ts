import { Global, Module } from '@nestjs/common';
import { AuditOutbox } from './audit-outbox.service';
import { EventPlanner } from './event-planner.service';
import { NotificationDispatcher } from './notification-dispatcher.service';
import { QueuesService } from './queues.service';
import { QueueConnection } from './redis.provider';
import { ReminderScheduler } from './reminder-scheduler.service';
import { EmailSender } from './senders/email.sender';
import { WebhookSender } from './senders/webhook.sender';

const providers = [
  QueueConnection,
  QueuesService,
  ReminderScheduler,
  NotificationDispatcher,
  EmailSender,
  WebhookSender,
  EventPlanner,
  AuditOutbox,
];

@Global()
@Module({ providers, exports: providers })
export class NotificationsModule {}
