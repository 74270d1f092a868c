import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserEvent } from '@epw/notifications';
import { CurrentUser, Public } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiProblems, AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { EventStreamQueryDto, EventTicketDto } from './dto/event.dto';
import { EventTicketsService } from './event-tickets.service';
import { UserEventsHub } from './user-events.hub';

/** A comment line every 25 s keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

/** Server-sent events telling a signed-in browser to re-read its tasks and inbox. */
@AuthenticatedApi('events')
@ApiTags('events')
@Controller('me/events')
export class EventsController {
  constructor(
    private readonly tickets: EventTicketsService,
    private readonly hub: UserEventsHub,
  ) {}

  @Post('ticket')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Vé mở luồng sự kiện / A one-minute, single-use ticket for GET /me/events (EventSource cannot send the token)',
  })
  @ApiCreatedResponse({ type: EventTicketDto })
  ticket(@CurrentUser() user: AuthenticatedUser): Promise<EventTicketDto> {
    return this.tickets.issue(user);
  }

  @Public()
  @Get()
  @ApiOperation({
    summary:
      'Luồng sự kiện / Server-sent events: `tasks` (my to-do list may have changed) and `notification` (a new in-app notification); data: {"entity":{"type","id"}|null}; a comment every 25 s',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'text/event-stream, open until the client leaves',
    content: {
      'text/event-stream': {
        // One event of the stream (Schemathesis checks each one; OpenAPI 3.2 calls it itemSchema).
        schema: {
          type: 'object',
          required: ['event', 'data'],
          properties: {
            event: { type: 'string', enum: ['ready', 'tasks', 'notification'] },
            data: {
              type: 'string',
              description: 'JSON: {} for ready; {"entity":{"type","id"}|null} for the others',
            },
            retry: { type: 'integer', description: 'Reconnect delay in ms (first event)' },
          },
        },
      },
    },
  })
  @ApiProblems([401, 'UNAUTHENTICATED: the ticket is unknown, used or expired'])
  async stream(
    @Query() q: EventStreamQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const userId = await this.tickets.redeem(q.ticket);
    reply.hijack();
    const raw = reply.raw;
    const headers: Record<string, string | number | string[]> = {};
    // What the hooks set so far (the security headers): the raw answer skips Fastify's sending.
    for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = v;
    raw.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 5000\n\nevent: ready\ndata: {}\n\n');
    const send = (event: UserEvent) =>
      raw.write(
        `event: ${event.type}\ndata: ${JSON.stringify({ entity: event.entity ?? null })}\n\n`,
      );
    const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
    let stop = () => undefined as void;
    const end = () => {
      clearInterval(heartbeat);
      stop();
      if (!raw.writableEnded) raw.end();
    };
    stop = this.hub.listen(userId, send, end);
    request.raw.on('close', end);
  }
}
