import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { NotificationInboxRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import {
  assertPublicWebhookTarget,
  newWebhookSecret,
  WEBHOOK_PUBLIC_ADDRESS_RULE,
  WebhookTargetRefusedError,
} from '@epw/notifications';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RequestValidationException } from '../common/request-validation.exception';
import type {
  ListNotificationsQueryDto,
  NotificationPageDto,
  NotificationPreferenceDto,
  SavedNotificationPreferenceDto,
  UpdateNotificationPreferenceDto,
} from './dto/notification.dto';

/** The caller's own in-app inbox and delivery preferences. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly inbox: NotificationInboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
        doneAt: n.doneAt?.toISOString() ?? null,
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
    body: UpdateNotificationPreferenceDto,
  ): Promise<SavedNotificationPreferenceDto> {
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
    if (body.webhookUrl) await this.assertPublicWebhook(body.webhookUrl);
    const data = {
      channels: [...new Set(body.channels)],
      webhookUrl: body.webhookUrl ?? null,
      quietFrom: body.quietFrom ?? null,
      quietTo: body.quietTo ?? null,
    };
    const { webhookSecret } = await this.inbox.savePreferences(
      user.userId,
      data,
      newWebhookSecret,
      body.rotateWebhookSecret === true,
    );
    return { ...data, webhookSecret };
  }

  /** Webhooks reach public addresses only: no loopback, private, link-local or metadata host. */
  private async assertPublicWebhook(url: string): Promise<void> {
    try {
      await assertPublicWebhookTarget(url, this.config.notifications.webhookAllowedHosts);
    } catch (err) {
      if (!(err instanceof WebhookTargetRefusedError)) throw err;
      throw new RequestValidationException([
        {
          field: 'webhookUrl',
          rule: WEBHOOK_PUBLIC_ADDRESS_RULE,
          message: `webhookUrl must reach a public address: ${err.reason}`,
        },
      ]);
    }
  }
}
