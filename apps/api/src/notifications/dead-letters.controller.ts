import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainErrorCode, DomainException } from '@epw/domain';
import {
  DELIVERY_QUEUES,
  QueuesService,
  REMINDER_QUEUE,
  type ChannelName,
  type DeliveryJob,
  type ReminderJob,
} from '@epw/notifications';
import { Roles } from '../auth/auth.decorators';

/** Failed deliveries, parked after their last retry; an administrator can send them again. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly queues: QueuesService) {}

  @Get()
  @ApiOperation({ summary: 'Gửi thất bại / Failed deliveries (dead-letter queue)' })
  async list() {
    const jobs = await this.queues.deadLetters.getJobs(['waiting', 'delayed', 'paused'], 0, 200);
    return jobs.map((j) => ({ id: j.id, ...j.data }));
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Gửi lại / Retry a failed delivery' })
  async retry(@Param('id') id: string): Promise<{ retried: string }> {
    const job = await this.queues.deadLetters.getJob(id);
    if (!job)
      throw new DomainException(DomainErrorCode.NotFound, { entity: 'bản ghi gửi thất bại' });
    const { queue, data } = job.data;
    if (queue === REMINDER_QUEUE) {
      await this.queues.reminders.add('retry', data as ReminderJob);
    } else {
      const channel = (Object.keys(DELIVERY_QUEUES) as ChannelName[]).find(
        (c) => DELIVERY_QUEUES[c] === queue,
      );
      if (!channel) throw new DomainException(DomainErrorCode.NotFound, { entity: queue });
      // A fresh job id: the old one is kept as failed; the sent-log still stops a double send.
      await this.queues.deliveries[channel].add('retry', data as DeliveryJob);
    }
    await job.remove();
    return { retried: id };
  }
}
