import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PrismaService } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RequestValidationException } from '../common/request-validation.exception';
import { uuidParam } from '../common/uuid-param';
import {
  ListNotificationsQueryDto,
  NotificationPageDto,
  NotificationPreferenceDto,
} from './dto/notification.dto';

/** The in-app inbox of reminders and escalations, and each user's delivery preferences. */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('me')
export class NotificationsController {
  constructor(private readonly prisma: PrismaService) {}

  @Get('notifications')
  @ApiOperation({ summary: 'Hộp thư nhắc việc / Inbox of reminders and escalations' })
  @ApiOkResponse({ type: NotificationPageDto })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: ListNotificationsQueryDto,
  ): Promise<NotificationPageDto> {
    const where = { userId: user.userId, ...(q.unreadOnly ? { readAt: null } : {}) };
    const [rows, total, unread] = await this.prisma.$transaction([
      this.prisma.notification.findMany({
        where,
        orderBy: { createdAt: 'desc' },
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
      }),
      this.prisma.notification.count({ where }),
      this.prisma.notification.count({ where: { userId: user.userId, readAt: null } }),
    ]);
    return {
      items: rows.map((n) => ({
        ...n,
        createdAt: n.createdAt.toISOString(),
        readAt: n.readAt?.toISOString() ?? null,
      })),
      total,
      unread,
    };
  }

  @Get('notifications/unread-count')
  async unread(@CurrentUser() user: AuthenticatedUser): Promise<{ unread: number }> {
    return {
      unread: await this.prisma.notification.count({
        where: { userId: user.userId, readAt: null },
      }),
    };
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  async read(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<void> {
    const { count } = await this.prisma.notification.updateMany({
      where: { id, userId: user.userId },
      data: { readAt: new Date() },
    });
    if (count === 0) throw new DomainException(DomainErrorCode.NotFound, { entity: 'thông báo' });
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  async readAll(@CurrentUser() user: AuthenticatedUser): Promise<{ marked: number }> {
    const { count } = await this.prisma.notification.updateMany({
      where: { userId: user.userId, readAt: null },
      data: { readAt: new Date() },
    });
    return { marked: count };
  }

  @Get('notification-preferences')
  @ApiOkResponse({ type: NotificationPreferenceDto })
  async preferences(@CurrentUser() user: AuthenticatedUser): Promise<NotificationPreferenceDto> {
    const p = await this.prisma.notificationPreference.findUnique({
      where: { userId: user.userId },
    });
    return {
      channels: p?.channels ?? ['IN_APP', 'EMAIL'],
      webhookUrl: p?.webhookUrl ?? null,
      quietFrom: p?.quietFrom ?? null,
      quietTo: p?.quietTo ?? null,
    };
  }

  @Put('notification-preferences')
  @ApiOperation({ summary: 'Kênh nhận nhắc việc, giờ yên lặng / Channels and quiet hours' })
  @ApiOkResponse({ type: NotificationPreferenceDto })
  async setPreferences(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: NotificationPreferenceDto,
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
    await this.prisma.notificationPreference.upsert({
      where: { userId: user.userId },
      create: { userId: user.userId, ...data },
      update: data,
    });
    return data;
  }
}
