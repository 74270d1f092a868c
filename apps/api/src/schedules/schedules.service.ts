import { Inject, Injectable } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import {
  CYCLE_SCHEDULER_WORKFLOW_TYPE,
  cycleScheduleId,
  type CycleSchedulerInput,
} from '@epw/contracts';
import {
  ClusterRepository,
  CycleScheduleRepository,
  DEFAULT_RULE_SET_CODE,
} from '@epw/data-access';
import { DomainErrorCode, DomainException, VIETNAM_TIME_ZONE } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type {
  CreateScheduleDto,
  ScheduleDto,
  ScheduleRecordDto,
  ScheduleTriggeredDto,
} from './dto/schedule.dto';

const DEFAULT_CRON = '0 0 1 1 *';

/** Yearly cycles are opened by Temporal Schedules, one per cluster and movement; PostgreSQL keeps
 * their records and the audit trail. */
@Injectable()
export class SchedulesService {
  constructor(
    private readonly temporal: Client,
    private readonly clusters: ClusterRepository,
    private readonly schedules: CycleScheduleRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: AuthenticatedUser, dto: CreateScheduleDto): Promise<ScheduleDto> {
    const cluster = await this.clusters.findById(dto.clusterId);
    if (!cluster) throw new DomainException(DomainErrorCode.NotFound, { entity: 'cụm thi đua' });
    const scheduleId = cycleScheduleId(cluster.code, dto.movementCode);
    const input: CycleSchedulerInput = {
      clusterCode: cluster.code,
      movementCode: dto.movementCode,
      movementName: dto.movementName,
      ruleSetCode: dto.ruleSetCode ?? DEFAULT_RULE_SET_CODE,
      calendarScale: dto.calendarScale ?? 1,
    };
    const cron = dto.cron ?? DEFAULT_CRON;
    try {
      await this.temporal.schedule.create({
        scheduleId,
        spec: { cronExpressions: [cron], timezone: VIETNAM_TIME_ZONE },
        action: {
          type: 'startWorkflow',
          workflowType: CYCLE_SCHEDULER_WORKFLOW_TYPE,
          workflowId: `cycle-scheduler-${cluster.code}-${dto.movementCode}`,
          taskQueue: this.config.temporal.taskQueue,
          args: [input],
        },
      });
    } catch (err) {
      if (err instanceof ScheduleAlreadyRunning)
        throw new DomainException(DomainErrorCode.Conflict, { target: scheduleId });
      throw err;
    }
    await this.schedules.recordCreated(user.userId, {
      id: scheduleId,
      clusterId: cluster.id,
      movementCode: dto.movementCode,
      movementName: dto.movementName,
      ruleSetCode: input.ruleSetCode,
      calendarScale: input.calendarScale,
      cron,
    });
    return { scheduleId, clusterId: cluster.id, ...input };
  }

  async list(): Promise<ScheduleRecordDto[]> {
    return (await this.schedules.list()).map((s) => ({
      scheduleId: s.id,
      ...s,
      createdAt: s.createdAt.toISOString(),
    }));
  }

  /** "Run now" runs even if an earlier action is still going (the default overlap policy skips). */
  async trigger(user: AuthenticatedUser, scheduleId: string): Promise<ScheduleTriggeredDto> {
    if (!(await this.schedules.findById(scheduleId)))
      throw new DomainException(DomainErrorCode.NotFound, { entity: 'lịch' });
    await this.temporal.schedule.getHandle(scheduleId).trigger(ScheduleOverlapPolicy.ALLOW_ALL);
    await this.schedules.recordTriggered(user.userId, scheduleId);
    return { scheduleId, triggered: true };
  }
}
