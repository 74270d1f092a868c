import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsUrl,
  Matches,
} from 'class-validator';
import { PageProperty, PageSizeProperty } from '../../common/dto-properties';

export class ListNotificationsQueryDto {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  // "true" or "false" only: anything else stays as sent and fails @IsBoolean (400).
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  unreadOnly: boolean = false;

  @PageProperty()
  page: number = 1;

  @PageSizeProperty()
  pageSize: number = 20;
}

export class NotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid', description: 'The recipient (the caller)' }) userId!: string;
  @ApiProperty({ description: 'The key that makes the notification appear once' })
  dedupKey!: string;
  @ApiProperty({
    enum: [
      'reminder',
      'escalation',
      'nomination.returned',
      'nomination.approved',
      'nomination.rejected',
      'nomination.awarded',
      'decision.issued',
      'pledge.declined',
      'task.done-by-other',
    ],
  })
  kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ nullable: true, type: String }) link!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) readAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'A reminder whose task was done (đã thực hiện): when; null otherwise',
  })
  doneAt!: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty() total!: number;
  @ApiProperty() unread!: number;
}

export class UnreadCountDto {
  @ApiProperty() unread!: number;
}

export class MarkedReadDto {
  @ApiProperty({ description: 'How many notifications were marked read' }) marked!: number;
}

export const CHANNELS = ['IN_APP', 'EMAIL', 'WEBHOOK'] as const;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export class NotificationPreferenceDto {
  @ApiProperty({ enum: CHANNELS, isArray: true, example: ['IN_APP', 'EMAIL'] })
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(CHANNELS, { each: true })
  channels!: (typeof CHANNELS)[number][];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://hooks.example.vn/thi-dua',
  })
  @IsOptional()
  @IsUrl(
    { require_protocol: true, require_tld: false, protocols: ['http', 'https'] },
    { message: 'webhookUrl must be an http(s) URL' },
  )
  webhookUrl?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '22:00',
    description: 'Quiet hours start, Asia/Ho_Chi_Minh',
  })
  @IsOptional()
  @Matches(HHMM, { message: 'quietFrom must be HH:mm' })
  quietFrom?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '07:00' })
  @IsOptional()
  @Matches(HHMM, { message: 'quietTo must be HH:mm' })
  quietTo?: string | null;
}

export class UpdateNotificationPreferenceDto extends NotificationPreferenceDto {
  @ApiPropertyOptional({
    description:
      'Make a new webhook signing key although the webhook URL stays the same (false when absent)',
  })
  @IsOptional()
  @IsBoolean()
  rotateWebhookSecret?: boolean;
}

export class SavedNotificationPreferenceDto extends NotificationPreferenceDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'whsec_3q2-7wEXAMPLEk9LZ0Ao0d2c1aQ6y3XbT4uVfWm8Hn1s',
    description:
      'The HMAC-SHA256 key of your webhook signatures (x-epw-signature over "<x-epw-timestamp>.<body>"), ' +
      'shown only in the answer that made it: when the webhook URL is set or changed, or rotateWebhookSecret; else null',
  })
  webhookSecret!: string | null;
}
