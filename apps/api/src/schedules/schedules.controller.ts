import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  CreateScheduleDto,
  ScheduleDto,
  ScheduleRecordDto,
  ScheduleTriggeredDto,
} from './dto/schedule.dto';
import { SchedulesService } from './schedules.service';

/** Yearly cycles are opened by Temporal Schedules, one per cluster and movement. */
@ApiTags('schedules')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('schedules')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Post()
  @ApiOperation({
    summary: 'Lịch mở kỳ thi đua hằng năm / Schedule the yearly cycle of a cluster and movement',
  })
  @ApiCreatedResponse({ type: ScheduleDto })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateScheduleDto,
  ): Promise<ScheduleDto> {
    return this.schedules.create(user, body);
  }

  @Get()
  @ApiOkResponse({ type: [ScheduleRecordDto] })
  list(): Promise<ScheduleRecordDto[]> {
    return this.schedules.list();
  }

  @Post(':scheduleId/trigger')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Chạy ngay / Run the schedule now (opens this year’s cycle if missing)',
  })
  @ApiAcceptedResponse({ type: ScheduleTriggeredDto })
  trigger(
    @CurrentUser() user: AuthenticatedUser,
    @Param('scheduleId') scheduleId: string,
  ): Promise<ScheduleTriggeredDto> {
    return this.schedules.trigger(user, scheduleId);
  }
}
