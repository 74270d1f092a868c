import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** A ticket: 32 random bytes, base64url. */
export const EVENT_TICKET = /^[A-Za-z0-9_-]{43}$/;

export class EventTicketDto {
  @ApiProperty({
    description:
      'Single-use ticket for GET /me/events?ticket=… (EventSource cannot send the access token; ' +
      'the token never goes into a URL)',
    example: 'q3V0aGVudGljYXRlZC1ldmVudC1zdHJlYW0tdGlja2V0',
  })
  ticket!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'Unused, it expires at this instant (1 minute)',
  })
  expiresAt!: string;
}

export class EventStreamQueryDto {
  @ApiProperty({
    description: 'A ticket from POST /me/events/ticket',
    pattern: EVENT_TICKET.source,
  })
  @Matches(EVENT_TICKET, { message: 'ticket must be a ticket from POST /me/events/ticket' })
  ticket!: string;
}
