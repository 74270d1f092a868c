import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TASK_KINDS, type TaskKind } from '@epw/data-access';

/** The menu sections a task counts under (the web app's navigation groups). */
export const TASK_SECTIONS = ['unit', 'cluster', 'commendation'] as const;
export type TaskSection = (typeof TASK_SECTIONS)[number];

export class ListTasksQueryDto {
  @ApiPropertyOptional({ enum: TASK_KINDS, description: 'Only tasks of this kind' })
  @IsOptional()
  @IsIn(TASK_KINDS, { message: `kind must be one of ${TASK_KINDS.join(', ')}` })
  kind?: TaskKind;

  @ApiPropertyOptional({ enum: TASK_SECTIONS, description: 'Only tasks of this menu section' })
  @IsOptional()
  @IsIn(TASK_SECTIONS, { message: `section must be one of ${TASK_SECTIONS.join(', ')}` })
  section?: TaskSection;
}

export class TaskEntitiesDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cycleId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) clusterId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The signing round (workflow id)' })
  roundId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) nominationId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) objectionId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decisionId!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The unit the task is about (a late registration: the late unit)',
  })
  unitId!: string | null;
  @ApiProperty({
    type: [String],
    description: 'The nominations a grouped task stands for (draft-decision, issue-decision)',
  })
  nominationIds!: string[];
}

export class TaskDto {
  @ApiProperty({
    description: 'Stable key of the task (kind and entities): the same task keeps its id',
    example: 'sign-pledge:pledge-signing-CUM01-DVK-2026',
  })
  id!: string;

  @ApiProperty({ enum: TASK_KINDS }) kind!: TaskKind;

  @ApiProperty({
    description: 'What to do, naming the movement and cycle or the nomination (Accept-Language)',
    example: 'Ký giao ước thi đua – Phong trào thi đua "Dân vận khéo" 2026 (Cụm thi đua số 1)',
  })
  title!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "More about it: a return's reason, an objection's text, how many sheets are left",
  })
  detail!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it is due (null: no deadline)',
  })
  deadline!: string | null;

  @ApiProperty({ description: 'Past its deadline' }) overdue!: boolean;

  @ApiProperty({
    description: 'The web app page that acts on it',
    example: '/nominations/3f0c2d4e-8a51-4a40-9d89-1f4b7a0c9e21',
  })
  link!: string;

  @ApiProperty({ description: 'The menu item it counts under', example: '/approvals' })
  menu!: string;

  @ApiProperty({ enum: TASK_SECTIONS }) section!: TaskSection;

  @ApiProperty({ type: TaskEntitiesDto }) entities!: TaskEntitiesDto;

  @ApiProperty({ format: 'date-time', description: 'Since when it has been waiting' })
  createdAt!: string;

  @ApiProperty({ description: 'How many items it stands for (sheets, nominations)', example: 1 })
  count!: number;
}

export class TaskCountDto {
  @ApiProperty({ description: 'A task kind, a menu path or a section' }) key!: string;
  @ApiProperty() count!: number;
}

export class TaskCountsDto {
  @ApiProperty({ description: 'How many tasks wait on the caller' }) total!: number;
  @ApiProperty({ description: 'How many of them are past their deadline' }) overdue!: number;
  @ApiProperty({ type: [TaskCountDto], description: 'By task kind' }) byKind!: TaskCountDto[];
  @ApiProperty({ type: [TaskCountDto], description: 'By menu item (its path)' })
  byMenu!: TaskCountDto[];
  @ApiProperty({ type: [TaskCountDto], description: 'By menu section' })
  bySection!: TaskCountDto[];
}

export class TaskListDto {
  @ApiProperty({
    type: [TaskDto],
    description: 'Oldest deadline first; tasks without a deadline last, oldest first',
  })
  items!: TaskDto[];
  @ApiProperty({ type: TaskCountsDto, description: 'Counts of every task (before the filter)' })
  counts!: TaskCountsDto;
}

export class MembershipCycleDto {
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty() movementCode!: string;
  @ApiProperty() movementName!: string;
  @ApiProperty() periodLabel!: string;
  @ApiProperty({ enum: ['PLANNED', 'ACTIVE', 'CLOSED'] }) status!: string;
}

export class ClusterMembershipDto {
  @ApiProperty({ format: 'uuid' }) clusterId!: string;
  @ApiProperty() clusterCode!: string;
  @ApiProperty() clusterName!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ['HEAD', 'DEPUTY', 'MEMBER'] }) role!: string;
  @ApiProperty({ type: [MembershipCycleDto], description: "The cluster's cycles of that year" })
  cycles!: MembershipCycleDto[];
}

export class MembershipsDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({
    type: [ClusterMembershipDto],
    description: "The unit's cluster memberships, every year, newest first",
  })
  clusters!: ClusterMembershipDto[];
}
