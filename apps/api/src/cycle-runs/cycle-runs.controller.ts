import { Body, Controller } from '@nestjs/common';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CycleRunsService } from './cycle-runs.service';
import { CycleOutcomeDto, CycleRunDto, StartCycleDto } from './dto/cycle-run.dto';
import { AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { CreateRoute, ReadRoute, UuidParam } from '../common/route.decorators';

@AuthenticatedApi('cycle calendar')
@Controller('cycles/:cycleId')
export class CycleRunsController {
  constructor(private readonly runs: CycleRunsService) {}

  @CreateRoute({
    path: 'start',
    summary: 'Khởi động kỳ thi đua / Start the cycle workflow by hand (admin)',
    created: CycleRunDto,
  })
  @Roles('ADMIN')
  start(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('cycleId') cycleId: string,
    @Body() body: StartCycleDto,
  ): Promise<CycleRunDto> {
    return this.runs.start(user, cycleId, body.ruleSetCode, Date.now());
  }

  @ReadRoute({
    path: 'run',
    summary: 'Lịch các giai đoạn / Phases and their status',
    ok: CycleRunDto,
  })
  status(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('cycleId') cycleId: string,
  ): Promise<CycleRunDto> {
    return this.runs.status(user, cycleId);
  }

  @ReadRoute({
    path: 'outcome',
    summary:
      'Kết quả: xếp hạng, bình xét, suy tôn, biên bản, bầu cụm trưởng / Ranking, vote, acclamation, minutes, election',
    ok: CycleOutcomeDto,
  })
  outcome(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('cycleId') cycleId: string,
  ): Promise<CycleOutcomeDto> {
    return this.runs.outcome(user, cycleId);
  }
}
