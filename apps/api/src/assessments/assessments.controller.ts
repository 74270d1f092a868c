import { Body, Controller, Param, ParseEnumPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RequestValidationException } from '../common/request-validation.exception';
import { AssessmentsService, type Stage } from './assessments.service';
import {
  AssessmentStatusDto,
  ConflictDto,
  PeerAssessmentDto,
  ProgressDto,
  SelfAssessmentDto,
} from './dto/assessment.dto';
import { AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { ActionRoute, IdempotencyKey, ReadRoute, UuidParam } from '../common/route.decorators';

enum StageParam {
  interim = 'interim',
  final = 'final',
}
const stagePipe = new ParseEnumPipe(StageParam, {
  exceptionFactory: () =>
    new RequestValidationException([
      { field: 'stage', rule: 'isIn', message: 'stage must be interim or final' },
    ]),
});

@AuthenticatedApi('review and assessment')
@Controller('cycles/:cycleId/assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @ActionRoute({
    path: ':stage/self',
    summary: 'Tự chấm điểm / Self-assessment (sơ kết: interim, tổng kết: final)',
    ok: AssessmentStatusDto,
  })
  @ApiParam({ name: 'stage', enum: StageParam })
  self(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('cycleId') cycleId: string,
    @Param('stage', stagePipe) stage: Stage,
    @Body() body: SelfAssessmentDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.assessments.self(user, cycleId, stage, body, key);
  }

  @ActionRoute({
    path: 'final/peer',
    summary: 'Chấm điểm chéo / Cross-assess an assigned unit (never your own)',
    ok: AssessmentStatusDto,
  })
  peer(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('cycleId') cycleId: string,
    @Body() body: PeerAssessmentDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.assessments.peer(user, cycleId, body, key);
  }

  @ActionRoute({
    path: 'final/conflicts',
    summary:
      'Khai báo xung đột lợi ích / Declare a conflict of interest (before cross-assessment starts)',
    ok: AssessmentStatusDto,
  })
  conflict(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('cycleId') cycleId: string,
    @Body() body: ConflictDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.assessments.conflict(user, cycleId, body, key);
  }

  @ActionRoute({
    path: 'interim/progress',
    summary: 'Báo cáo sơ kết / Interim progress against each pledge item',
    ok: AssessmentStatusDto,
  })
  progress(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('cycleId') cycleId: string,
    @Body() body: ProgressDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.assessments.progress(user, cycleId, body, key);
  }

  @ReadRoute({
    path: ':stage',
    summary: 'Phân công và tiến độ chấm điểm / Assignment and submissions (live)',
    ok: AssessmentStatusDto,
  })
  @ApiParam({ name: 'stage', enum: StageParam })
  status(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('cycleId') cycleId: string,
    @Param('stage', stagePipe) stage: Stage,
  ) {
    return this.assessments.status(user, cycleId, stage);
  }
}
