import { Body, Controller, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  ListNotificationsQueryDto,
  MarkedReadDto,
  NotificationPageDto,
  NotificationPreferenceDto,
  SavedNotificationPreferenceDto,
  UnreadCountDto,
  UpdateNotificationPreferenceDto,
} from './dto/notification.dto';
import { NotificationsService } from './notifications.service';
import { AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { ActionRoute, ReadRoute, UuidParam } from '../common/route.decorators';

/** The in-app inbox of reminders and escalations, and each user's delivery preferences. */
@AuthenticatedApi('inbox')
@Controller('me')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @ReadRoute({
    path: 'notifications',
    summary: 'Hộp thư nhắc việc / Inbox of reminders and escalations',
    ok: NotificationPageDto,
  })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: ListNotificationsQueryDto,
  ): Promise<NotificationPageDto> {
    return this.notifications.list(user, q);
  }

  @ReadRoute({
    path: 'notifications/unread-count',
    summary: 'Số thông báo chưa đọc / My unread notifications count',
    ok: UnreadCountDto,
  })
  async unread(@CurrentUser() user: AuthenticatedUser): Promise<UnreadCountDto> {
    return { unread: await this.notifications.unreadCount(user) };
  }

  @Post('notifications/:id/read')
  @ApiOperation({ summary: 'Đánh dấu đã đọc / Mark one of my notifications read' })
  @HttpCode(204)
  @ApiNoContentResponse()
  read(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<void> {
    return this.notifications.markRead(user, id);
  }

  @ActionRoute({
    path: 'notifications/read-all',
    summary: 'Đánh dấu tất cả đã đọc / Mark all my notifications read',
    ok: MarkedReadDto,
    problems: [],
  })
  async readAll(@CurrentUser() user: AuthenticatedUser): Promise<MarkedReadDto> {
    return { marked: await this.notifications.markAllRead(user) };
  }

  @ReadRoute({
    path: 'notification-preferences',
    summary: 'Cài đặt nhắc việc / My channels and quiet hours',
    ok: NotificationPreferenceDto,
  })
  preferences(@CurrentUser() user: AuthenticatedUser): Promise<NotificationPreferenceDto> {
    return this.notifications.preferences(user);
  }

  @Put('notification-preferences')
  @ApiOperation({ summary: 'Kênh nhận nhắc việc, giờ yên lặng / Channels and quiet hours' })
  @ApiOkResponse({ type: SavedNotificationPreferenceDto })
  setPreferences(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: UpdateNotificationPreferenceDto,
  ): Promise<SavedNotificationPreferenceDto> {
    return this.notifications.setPreferences(user, body);
  }
}
