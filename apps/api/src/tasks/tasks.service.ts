import { Injectable } from '@nestjs/common';
import { TasksRepository } from '@epw/data-access';
import type { Locale } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { ListTasksQueryDto, MembershipsDto, TaskCountsDto, TaskListDto } from './dto/task.dto';
import { byDeadline, countsOf, toTaskDto } from './task.mapper';

/** The caller's to-do list: every kind of task waiting on them, from the read models. Only the
 * caller's own unit and roles are looked at, so nobody sees another unit's work. */
@Injectable()
export class TasksService {
  constructor(private readonly tasks: TasksRepository) {}

  async list(user: AuthenticatedUser, q: ListTasksQueryDto, locale: Locale): Promise<TaskListDto> {
    const now = Date.now();
    const all = (await this.tasks.waitingFor(user))
      .map((t) => toTaskDto(t, locale, now))
      .sort(byDeadline);
    return {
      items: all.filter(
        (t) => (!q.kind || t.kind === q.kind) && (!q.section || t.section === q.section),
      ),
      counts: countsOf(all),
    };
  }

  async counts(user: AuthenticatedUser): Promise<TaskCountsDto> {
    return (await this.list(user, {}, 'vi')).counts;
  }

  async memberships(user: AuthenticatedUser): Promise<MembershipsDto> {
    return {
      unitId: user.unitId,
      roles: user.roles,
      clusters: user.unitId ? await this.tasks.membershipsOf(user.unitId) : [],
    };
  }
}
