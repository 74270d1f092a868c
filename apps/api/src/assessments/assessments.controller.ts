import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseEnumPipe,
  Post,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RequestValidationException } from '../common/request-validation.exception';
import { uuidParam } from '../common/uuid-param';
import { AssessmentsService, type Stage } from './assessments.service';
import {
  AssessmentStatusDto,
  ConflictDto,
  PeerAssessmentDto,
  ProgressDto,
  SelfAssessmentDto,
} from './dto/assessment.dto';
import { ApiProblems, AuthenticatedApi } from '../common/openapi/api-problems.decorator';

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

  @Post(':stage/self')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiParam({ name: 'stage', enum: StageParam })
  @ApiOperation({ summary: 'Tự chấm điểm / Self-assessment (sơ kết: interim, tổng kết: final)' })
  @ApiOkResponse({ type: AssessmentStatusDto })
  self(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
    @Param('stage', stagePipe) stage: Stage,
    @Body() body: SelfAssessmentDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.assessments.self(user, cycleId, stage, body, key);
  }

  @Post('final/peer')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({ summary: 'Chấm điểm chéo / Cross-assess an assigned unit (never your own)' })
  @ApiOkResponse({ type: AssessmentStatusDto })
  peer(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
    @Body() body: PeerAssessmentDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.assessments.peer(user, cycleId, body, key);
  }

  @Post('final/conflicts')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Khai báo xung đột lợi ích / Declare a conflict of interest (before cross-assessment starts)',
  })
  @ApiOkResponse({ type: AssessmentStatusDto })
  conflict(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
    @Body() body: ConflictDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.assessments.conflict(user, cycleId, body, key);
  }

  @Post('interim/progress')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({ summary: 'Báo cáo sơ kết / Interim progress against each pledge item' })
  @ApiOkResponse({ type: AssessmentStatusDto })
  progress(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
    @Body() body: ProgressDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.assessments.progress(user, cycleId, body, key);
  }

  @Get(':stage')
  @ApiProblems([409, 'The cycle is not in this phase yet'])
  @ApiParam({ name: 'stage', enum: StageParam })
  @ApiOperation({ summary: 'Phân công và tiến độ chấm điểm / Assignment and submissions (live)' })
  @ApiOkResponse({ type: AssessmentStatusDto })
  status(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
    @Param('stage', stagePipe) stage: Stage,
  ) {
    return this.assessments.status(user, cycleId, stage);
  }
}
