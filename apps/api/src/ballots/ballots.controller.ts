import { Body, Controller } from '@nestjs/common';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { BallotsService } from './ballots.service';
import { BallotBoxDto, ElectionBallotDto, VoteBallotDto } from './dto/ballot.dto';
import { AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { ActionRoute, IdempotencyKey, ReadRoute, UuidParam } from '../common/route.decorators';

@AuthenticatedApi('vote and election')
@Controller('cycles/:cycleId')
export class BallotsController {
  constructor(private readonly ballots: BallotsService) {}

  @ActionRoute({
    path: 'vote',
    summary: 'Bỏ phiếu bình xét, suy tôn (phiếu kín) / Secret ballot for the vote and acclamation',
    ok: BallotBoxDto,
  })
  vote(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('cycleId') cycleId: string,
    @Body() body: VoteBallotDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.ballots.vote(user, cycleId, body, key);
  }

  @ReadRoute({
    path: 'vote',
    summary: 'Hòm phiếu bình xét / The vote ballot box: candidates and whether I voted',
    ok: BallotBoxDto,
  })
  voteBox(@CurrentUser() user: AuthenticatedUser, @UuidParam('cycleId') cycleId: string) {
    return this.ballots.box(user, cycleId, 'vote');
  }

  @ActionRoute({
    path: 'election',
    summary: 'Bầu cụm trưởng, cụm phó kỳ sau / Elect next period’s head and deputy',
    ok: BallotBoxDto,
  })
  elect(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('cycleId') cycleId: string,
    @Body() body: ElectionBallotDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.ballots.elect(user, cycleId, body, key);
  }

  @ReadRoute({
    path: 'election',
    summary: 'Hòm phiếu bầu cụm trưởng / The election ballot box: candidates and whether I voted',
    ok: BallotBoxDto,
  })
  electionBox(@CurrentUser() user: AuthenticatedUser, @UuidParam('cycleId') cycleId: string) {
    return this.ballots.box(user, cycleId, 'election');
  }
}
