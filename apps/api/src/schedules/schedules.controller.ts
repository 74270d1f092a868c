import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import {
  CYCLE_SCHEDULER_WORKFLOW_TYPE,
  cycleScheduleId,
  type CycleSchedulerInput,
} from '@epw/contracts';
import { DEFAULT_RULE_SET_CODE, PrismaService } from '@epw/data-access';
import { DomainErrorCode, DomainException, VIETNAM_TIME_ZONE } from '@epw/domain';
import { Roles } from '../auth/auth.decorators';
import { CreateScheduleDto, ScheduleDto } from './dto/schedule.dto';

/** Yearly cycles are opened by Temporal Schedules, one per cluster and movement. */
@ApiTags('schedules')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('schedules')
export class SchedulesController {
  constructor(
    private readonly temporal: Client,
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Lịch mở kỳ thi đua hằng năm / Schedule the yearly cycle of a cluster and movement',
  })
  @ApiOkResponse({ type: ScheduleDto })
  async create(@Body() body: CreateScheduleDto): Promise<ScheduleDto> {
    const cluster = await this.prisma.cluster.findUnique({ where: { id: body.clusterId } });
    if (!cluster) throw new DomainException(DomainErrorCode.NotFound, { entity: 'cụm thi đua' });
    const scheduleId = cycleScheduleId(cluster.code, body.movementCode);
    const input: CycleSchedulerInput = {
      clusterCode: cluster.code,
      movementCode: body.movementCode,
      movementName: body.movementName,
      ruleSetCode: body.ruleSetCode ?? DEFAULT_RULE_SET_CODE,
      calendarScale: body.calendarScale ?? 1,
    };
    try {
      await this.temporal.schedule.create({
        scheduleId,
        spec: { cronExpressions: [body.cron ?? '0 0 1 1 *'], timezone: VIETNAM_TIME_ZONE },
        action: {
          type: 'startWorkflow',
          workflowType: CYCLE_SCHEDULER_WORKFLOW_TYPE,
          workflowId: `cycle-scheduler-${cluster.code}-${body.movementCode}`,
          taskQueue: this.config.temporal.taskQueue,
          args: [input],
        },
      });
    } catch (err) {
      if (err instanceof ScheduleAlreadyRunning)
        throw new DomainException(DomainErrorCode.Conflict, { target: scheduleId });
      throw err;
    }
    await this.prisma.cycleSchedule.create({
      data: {
        id: scheduleId,
        clusterId: cluster.id,
        movementCode: body.movementCode,
        movementName: body.movementName,
        ruleSetCode: input.ruleSetCode,
        calendarScale: input.calendarScale,
      },
    });
    return { scheduleId, clusterId: cluster.id, ...input };
  }

  @Get()
  @ApiOkResponse({ type: [ScheduleDto] })
  async list(): Promise<ScheduleDto[]> {
    return (await this.prisma.cycleSchedule.findMany({ orderBy: { createdAt: 'asc' } })).map(
      (s) => ({ scheduleId: s.id, ...s }),
    );
  }

  @Post(':scheduleId/trigger')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Chạy ngay / Run the schedule now (opens this year’s cycle if missing)',
  })
  async trigger(
    @Param('scheduleId') scheduleId: string,
  ): Promise<{ scheduleId: string; triggered: true }> {
    const row = await this.prisma.cycleSchedule.findUnique({ where: { id: scheduleId } });
    if (!row) throw new DomainException(DomainErrorCode.NotFound, { entity: 'lịch' });
    // "Run now" runs even if an earlier action is still going (the default overlap policy skips).
    await this.temporal.schedule.getHandle(scheduleId).trigger(ScheduleOverlapPolicy.ALLOW_ALL);
    return { scheduleId, triggered: true };
  }
}
