import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { Channel } from '../generated/prisma/enums';
import { PrismaService } from '../prisma.service';

/** One in-app notification of a user's inbox. */
export interface InboxNotification {
  id: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupKey: string;
  createdAt: Date;
  readAt: Date | null;
  /** A reminder whose task was done. */
  doneAt: Date | null;
}

export type DeliveryChannel = `${Channel}`;

/** A user's delivery preferences; `null` fields are unset. */
export interface DeliveryPreferences {
  channels: DeliveryChannel[];
  webhookUrl: string | null;
  quietFrom: string | null;
  quietTo: string | null;
}

/** Each user's in-app inbox and delivery preferences: every method acts on one user's own rows. */
@Injectable()
export class NotificationInboxRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  /** One page of the inbox, newest first, with the totals of the filter and of unread ones. */
  async page(
    userId: string,
    filter: { unreadOnly: boolean; skip: number; take: number },
  ): Promise<{ items: InboxNotification[]; total: number; unread: number }> {
    const where = { userId, ...(filter.unreadOnly ? { readAt: null } : {}) };
    const [items, total, unread] = await this.prisma.$transaction([
      this.prisma.notification.findMany({
        where,
        orderBy: { createdAt: 'desc' },
        skip: filter.skip,
        take: filter.take,
      }),
      this.prisma.notification.count({ where }),
      this.prisma.notification.count({ where: { userId, readAt: null } }),
    ]);
    return { items, total, unread };
  }

  unreadCount(userId: string): Promise<number> {
    return this.prisma.notification.count({ where: { userId, readAt: null } });
  }

  /** Marks one of the user's notifications read; false when the user has no such notification.
   * Not audited: it changes only the user's own inbox. */
  async markRead(userId: string, id: string, at: Date): Promise<boolean> {
    const { count } = await this.prisma.notification.updateMany({
      where: { id, userId },
      data: { readAt: at },
    });
    return count > 0;
  }

  /** Marks every unread notification of the user read; returns how many. Not audited: it
   * changes only the user's own inbox. */
  async markAllRead(userId: string, at: Date): Promise<number> {
    const { count } = await this.prisma.notification.updateMany({
      where: { userId, readAt: null },
      data: { readAt: at },
    });
    return count;
  }

  /** The user's stored preferences, or null when they never set any. */
  findPreferences(userId: string): Promise<DeliveryPreferences | null> {
    return this.prisma.notificationPreference.findUnique({
      where: { userId },
      select: { channels: true, webhookUrl: true, quietFrom: true, quietTo: true },
    });
  }

  /** Where the user's webhooks go and the key that signs them (null: never set). */
  findWebhookTarget(
    userId: string,
  ): Promise<{ webhookUrl: string | null; webhookSecret: string | null } | null> {
    return this.prisma.notificationPreference.findUnique({
      where: { userId },
      select: { webhookUrl: true, webhookSecret: true },
    });
  }

  /**
   * Replaces the user's preferences, audited as `notification-preferences.updated` (they say
   * where reminders go, a webhook URL included). The webhook signing key is made anew by
   * `newSecret` when the URL is set or changed, or when `rotateSecret`; it is dropped with the
   * URL. Returns the new key (to be shown once), else null; the audit entry never holds it.
   */
  async savePreferences(
    userId: string,
    prefs: DeliveryPreferences,
    newSecret: () => string,
    rotateSecret = false,
  ): Promise<{ webhookSecret: string | null }> {
    let made: string | null = null;
    // Filled in by the write, which runs before the entry is appended.
    const payload: Record<string, unknown> = { ...prefs, webhookSecretRenewed: false };
    await this.audit.recordOnce(
      {
        eventKey: `notification-preferences.updated:${userId}:${randomUUID()}`,
        actorUserId: userId,
        action: 'notification-preferences.updated',
        entityType: 'User',
        entityId: userId,
        payload,
      },
      async (tx) => {
        const before = await tx.notificationPreference.findUnique({
          where: { userId },
          select: { webhookUrl: true, webhookSecret: true },
        });
        const changed = before?.webhookUrl !== prefs.webhookUrl || !before?.webhookSecret;
        made = prefs.webhookUrl !== null && (changed || rotateSecret) ? newSecret() : null;
        payload['webhookSecretRenewed'] = made !== null;
        const webhookSecret = prefs.webhookUrl === null ? null : (made ?? before?.webhookSecret);
        await tx.notificationPreference.upsert({
          where: { userId },
          create: { userId, ...prefs, webhookSecret: webhookSecret ?? null },
          update: { ...prefs, webhookSecret: webhookSecret ?? null },
        });
      },
    );
    return { webhookSecret: made };
  }
}
