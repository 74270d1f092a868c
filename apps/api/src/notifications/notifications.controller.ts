import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { uuidParam } from '../common/uuid-param';
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

/** The in-app inbox of reminders and escalations, and each user's delivery preferences. */
@AuthenticatedApi('inbox')
@Controller('me')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @ApiOperation({ summary: 'Hộp thư nhắc việc / Inbox of reminders and escalations' })
  @ApiOkResponse({ type: NotificationPageDto })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: ListNotificationsQueryDto,
  ): Promise<NotificationPageDto> {
    return this.notifications.list(user, q);
  }

  @Get('notifications/unread-count')
  @ApiOperation({ summary: 'Số thông báo chưa đọc / My unread notifications count' })
  @ApiOkResponse({ type: UnreadCountDto })
  async unread(@CurrentUser() user: AuthenticatedUser): Promise<UnreadCountDto> {
    return { unread: await this.notifications.unreadCount(user) };
  }

  @Post('notifications/:id/read')
  @ApiOperation({ summary: 'Đánh dấu đã đọc / Mark one of my notifications read' })
  @HttpCode(204)
  @ApiNoContentResponse()
  read(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<void> {
    return this.notifications.markRead(user, id);
  }

  @Post('notifications/read-all')
  @ApiOperation({ summary: 'Đánh dấu tất cả đã đọc / Mark all my notifications read' })
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedReadDto })
  async readAll(@CurrentUser() user: AuthenticatedUser): Promise<MarkedReadDto> {
    return { marked: await this.notifications.markAllRead(user) };
  }

  @Get('notification-preferences')
  @ApiOperation({ summary: 'Cài đặt nhắc việc / My channels and quiet hours' })
  @ApiOkResponse({ type: NotificationPreferenceDto })
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
