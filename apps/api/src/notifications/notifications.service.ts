import { Injectable } from '@nestjs/common';
import { NotificationInboxRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RequestValidationException } from '../common/request-validation.exception';
import type {
  ListNotificationsQueryDto,
  NotificationPageDto,
  NotificationPreferenceDto,
} from './dto/notification.dto';

/** The caller's own in-app inbox and delivery preferences. */
@Injectable()
export class NotificationsService {
  constructor(private readonly inbox: NotificationInboxRepository) {}

  async list(user: AuthenticatedUser, q: ListNotificationsQueryDto): Promise<NotificationPageDto> {
    const page = await this.inbox.page(user.userId, {
      unreadOnly: q.unreadOnly,
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return {
      items: page.items.map((n) => ({
        ...n,
        createdAt: n.createdAt.toISOString(),
        readAt: n.readAt?.toISOString() ?? null,
      })),
      total: page.total,
      unread: page.unread,
    };
  }

  async unreadCount(user: AuthenticatedUser): Promise<number> {
    return this.inbox.unreadCount(user.userId);
  }

  async markRead(user: AuthenticatedUser, id: string): Promise<void> {
    if (!(await this.inbox.markRead(user.userId, id, new Date())))
      throw new DomainException(DomainErrorCode.NotFound, { entity: 'thông báo' });
  }

  markAllRead(user: AuthenticatedUser): Promise<number> {
    return this.inbox.markAllRead(user.userId, new Date());
  }

  async preferences(user: AuthenticatedUser): Promise<NotificationPreferenceDto> {
    const p = await this.inbox.findPreferences(user.userId);
    return {
      channels: p?.channels ?? ['IN_APP', 'EMAIL'],
      webhookUrl: p?.webhookUrl ?? null,
      quietFrom: p?.quietFrom ?? null,
      quietTo: p?.quietTo ?? null,
    };
  }

  async setPreferences(
    user: AuthenticatedUser,
    body: NotificationPreferenceDto,
  ): Promise<NotificationPreferenceDto> {
    if (body.channels.includes('WEBHOOK') && !body.webhookUrl) {
      throw new RequestValidationException([
        {
          field: 'webhookUrl',
          rule: 'requiredForWebhook',
          message: 'webhookUrl is required when WEBHOOK is a channel',
        },
      ]);
    }
    if ((body.quietFrom == null) !== (body.quietTo == null)) {
      throw new RequestValidationException([
        { field: 'quietTo', rule: 'bothOrNeither', message: 'quietFrom and quietTo go together' },
      ]);
    }
    const data = {
      channels: [...new Set(body.channels)],
      webhookUrl: body.webhookUrl ?? null,
      quietFrom: body.quietFrom ?? null,
      quietTo: body.quietTo ?? null,
    };
    await this.inbox.savePreferences(user.userId, data);
    return data;
  }
}
