import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { UserRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import { QueueConnection } from '@epw/notifications';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { EventTicketDto } from './dto/event.dto';

const TICKET_SECONDS = 60;

/**
 * One-minute, single-use tickets for the event stream, kept in Redis so that any API replica
 * accepts a ticket another one issued. A ticket names only its user; the account must still be
 * active when it is used.
 */
@Injectable()
export class EventTicketsService {
  private readonly prefix: string;

  constructor(
    private readonly connection: QueueConnection,
    private readonly users: UserRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = `${config.notifications.queuePrefix}:event-ticket:`;
  }

  async issue(user: AuthenticatedUser): Promise<EventTicketDto> {
    const ticket = randomBytes(32).toString('base64url');
    await this.connection.redis.set(this.prefix + ticket, user.userId, 'EX', TICKET_SECONDS);
    return { ticket, expiresAt: new Date(Date.now() + TICKET_SECONDS * 1000).toISOString() };
  }

  /** The ticket's user, once; an unknown, used or expired ticket (or an inactive account) is
   * refused as UNAUTHENTICATED. */
  async redeem(ticket: string): Promise<string> {
    const userId = await this.connection.redis.getdel(this.prefix + ticket);
    const session = userId ? await this.users.findSessionState(userId) : null;
    if (!userId || !session?.active) throw new DomainException(DomainErrorCode.Unauthenticated);
    return userId;
  }
}
