import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  CreateScheduleDto,
  ScheduleDto,
  ScheduleRecordDto,
  ScheduleTriggeredDto,
} from './dto/schedule.dto';
import { SchedulesService } from './schedules.service';
import { ApiProblems, AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { CreateRoute, ReadRoute } from '../common/route.decorators';

/** Yearly cycles are opened by Temporal Schedules, one per cluster and movement. */
@AuthenticatedApi('schedules')
@Roles('ADMIN')
@Controller('schedules')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @CreateRoute({
    summary: 'Lịch mở kỳ thi đua hằng năm / Schedule the yearly cycle of a cluster and movement',
    created: ScheduleDto,
  })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateScheduleDto,
  ): Promise<ScheduleDto> {
    return this.schedules.create(user, body);
  }

  @ReadRoute({
    summary: 'Lịch tự động mở kỳ / Schedules that start yearly cycles',
    ok: [ScheduleRecordDto],
  })
  list(): Promise<ScheduleRecordDto[]> {
    return this.schedules.list();
  }

  @Post(':scheduleId/trigger')
  @ApiProblems(409, 422)
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
