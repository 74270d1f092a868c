import { Controller, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { localeFrom } from '../common/locale';
import { AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { ListTasksQueryDto, MembershipsDto, TaskCountsDto, TaskListDto } from './dto/task.dto';
import { TasksService } from './tasks.service';
import { ReadRoute } from '../common/route.decorators';

/** The caller's to-do list and what they belong to. */
@AuthenticatedApi('tasks')
@Controller('me')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @ReadRoute({
    path: 'tasks',
    summary:
      'Việc cần làm / Everything waiting on me (sign, register, assess, vote, approve, council ballot, objections, returned dossiers, decisions), oldest deadline first',
    ok: TaskListDto,
  })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: ListTasksQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<TaskListDto> {
    // Worded in the caller's language (Accept-Language), like the error answers.
    return this.tasks.list(user, q, localeFrom(request.headers['accept-language']));
  }

  @ReadRoute({
    path: 'tasks/counts',
    summary: 'Số việc cần làm / How many tasks wait on me, by kind and menu item',
    ok: TaskCountsDto,
  })
  counts(@CurrentUser() user: AuthenticatedUser): Promise<TaskCountsDto> {
    return this.tasks.counts(user);
  }

  @ReadRoute({
    path: 'memberships',
    summary:
      'Tôi thuộc cụm nào / The clusters (every year) my unit belongs to, with their cycles, and my roles',
    ok: MembershipsDto,
  })
  memberships(@CurrentUser() user: AuthenticatedUser): Promise<MembershipsDto> {
    return this.tasks.memberships(user);
  }
}
