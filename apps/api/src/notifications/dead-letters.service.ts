import { Injectable } from '@nestjs/common';
import { ReminderRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import {
  DELIVERY_QUEUES,
  EVENT_QUEUE,
  QueuesService,
  REMINDER_QUEUE,
  type ChannelName,
  type DeliveryJob,
  type EventJob,
  type ReminderJob,
} from '@epw/notifications';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { DeadLetterDto, DeadLetterRetriedDto } from './dto/dead-letter.dto';

/** Failed deliveries, parked after their last retry; an administrator can send them again. */
@Injectable()
export class DeadLettersService {
  constructor(
    private readonly queues: QueuesService,
    private readonly reminders: ReminderRepository,
  ) {}

  async list(): Promise<DeadLetterDto[]> {
    const jobs = await this.queues.deadLetters.getJobs(['waiting', 'delayed', 'paused'], 0, 200);
    return jobs.map((j) => ({ id: j.id as string, ...j.data }));
  }

  /** Sends the parked job again on its queue, then removes it from the dead letters; audited as
   * `dead-letter.retried` once it is back on its queue. */
  async retry(user: AuthenticatedUser, id: string): Promise<DeadLetterRetriedDto> {
    const job = await this.queues.deadLetters.getJob(id);
    if (!job)
      throw new DomainException(DomainErrorCode.NotFound, { entity: 'bản ghi gửi thất bại' });
    const { queue, data } = job.data;
    if (queue === REMINDER_QUEUE) {
      await this.queues.reminders.add('retry', data as ReminderJob);
    } else if (queue === EVENT_QUEUE) {
      await this.queues.events.add('retry', data as EventJob);
    } else {
      const channel = (Object.keys(DELIVERY_QUEUES) as ChannelName[]).find(
        (c) => DELIVERY_QUEUES[c] === queue,
      );
      if (!channel) throw new DomainException(DomainErrorCode.NotFound, { entity: queue });
      // A fresh job id: the old one is kept as failed; the sent-log still stops a double send.
      await this.queues.deliveries[channel].add('retry', data as DeliveryJob);
    }
    await job.remove();
    await this.reminders.recordDeadLetterRetried(user.userId, id, {
      queue,
      jobId: job.data.jobId ?? null,
      error: job.data.error,
      failedAt: job.data.failedAt,
    });
    return { retried: id };
  }
}
