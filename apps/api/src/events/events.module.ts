import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { UserEventsPublisher } from '@epw/notifications';
import { EventTicketsService } from './event-tickets.service';
import { EventsController } from './events.controller';
import { TaskEventsInterceptor } from './task-events.interceptor';
import { UserEventsHub } from './user-events.hub';

/** Live events: tickets, the server-sent event stream, and the publishing of `tasks` events after
 * accepted writes (the queues module, global, gives the Redis connection). */
@Module({
  controllers: [EventsController],
  providers: [
    UserEventsPublisher,
    UserEventsHub,
    EventTicketsService,
    { provide: APP_INTERCEPTOR, useClass: TaskEventsInterceptor },
  ],
})
export class EventsModule {}
