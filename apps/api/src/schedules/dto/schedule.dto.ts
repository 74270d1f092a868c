import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { MovementCodeProperty, UuidProperty } from '../../common/dto-properties';
import { MovementNameProperty } from '../../cycles/dto/cycle.dto';
import { CRON_PATTERN, CronRangesInOrder } from './cron-expression';

export class CreateScheduleDto {
  @UuidProperty({ format: 'uuid' })
  clusterId!: string;

  @MovementCodeProperty()
  movementCode!: string;

  @MovementNameProperty()
  movementName!: string;

  @ApiPropertyOptional({ example: 'DVK-MAC-DINH' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,40}$/, { message: 'ruleSetCode must be 2-40 of A-Z, 0-9 and -' })
  ruleSetCode?: string;

  @ApiPropertyOptional({
    default: '0 0 1 1 *',
    description: 'Cron in Asia/Ho_Chi_Minh; default: 1 January 00:00',
  })
  @IsOptional()
  @Matches(CRON_PATTERN, {
    message:
      'cron must have five fields (minute, hour, day of month, month, day of week), each *, values or ranges in its bounds, with an optional /step',
  })
  @CronRangesInOrder()
  cron?: string;

  @ApiPropertyOptional({
    default: 1,
    description: 'Accelerated calendar for demos (calendar days per real day)',
  })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(100_000_000)
  calendarScale?: number;
}

export class ScheduleDto {
  @ApiProperty() scheduleId!: string;
  @ApiProperty() clusterId!: string;
  @ApiProperty() movementCode!: string;
  @ApiProperty() movementName!: string;
  @ApiProperty() ruleSetCode!: string;
  @ApiProperty() calendarScale!: number;
}

/** A stored schedule as listed: its id twice (`scheduleId` and `id`) and when it was made. */
export class ScheduleRecordDto extends ScheduleDto {
  @ApiProperty() id!: string;
  @ApiProperty() createdAt!: string;
}

export class ScheduleTriggeredDto {
  @ApiProperty() scheduleId!: string;
  @ApiProperty({ type: Boolean, description: 'Always true' }) triggered!: true;
}
