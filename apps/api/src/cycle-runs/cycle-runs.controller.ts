import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { uuidParam } from '../common/uuid-param';
import { CycleRunsService } from './cycle-runs.service';
import { CycleOutcomeDto, CycleRunDto, StartCycleDto } from './dto/cycle-run.dto';
import { ApiProblems, AuthenticatedApi } from '../common/openapi/api-problems.decorator';

@AuthenticatedApi('cycle calendar')
@Controller('cycles/:cycleId')
export class CycleRunsController {
  constructor(private readonly runs: CycleRunsService) {}

  @Post('start')
  @ApiProblems(409, 422)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Khởi động kỳ thi đua / Start the cycle workflow by hand (admin)' })
  @ApiCreatedResponse({ type: CycleRunDto })
  start(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
    @Body() body: StartCycleDto,
  ): Promise<CycleRunDto> {
    return this.runs.start(user, cycleId, body.ruleSetCode, Date.now());
  }

  @Get('run')
  @ApiOperation({ summary: 'Lịch các giai đoạn / Phases and their status' })
  @ApiOkResponse({ type: CycleRunDto })
  status(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
  ): Promise<CycleRunDto> {
    return this.runs.status(user, cycleId);
  }

  @Get('outcome')
  @ApiOperation({
    summary:
      'Kết quả: xếp hạng, bình xét, suy tôn, biên bản, bầu cụm trưởng / Ranking, vote, acclamation, minutes, election',
  })
  @ApiOkResponse({ type: CycleOutcomeDto })
  outcome(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
  ): Promise<CycleOutcomeDto> {
    return this.runs.outcome(user, cycleId);
  }
}
