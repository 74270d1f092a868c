import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { uuidParam } from '../common/uuid-param';
import { BallotsService } from './ballots.service';
import { BallotBoxDto, ElectionBallotDto, VoteBallotDto } from './dto/ballot.dto';
import { ApiProblems, AuthenticatedApi } from '../common/openapi/api-problems.decorator';

@AuthenticatedApi('vote and election')
@Controller('cycles/:cycleId')
export class BallotsController {
  constructor(private readonly ballots: BallotsService) {}

  @Post('vote')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Bỏ phiếu bình xét, suy tôn (phiếu kín) / Secret ballot for the vote and acclamation',
  })
  @ApiOkResponse({ type: BallotBoxDto })
  vote(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
    @Body() body: VoteBallotDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.ballots.vote(user, cycleId, body, key);
  }

  @Get('vote')
  @ApiProblems([409, 'The cycle is not in this phase yet'])
  @ApiOperation({
    summary: 'Hòm phiếu bình xét / The vote ballot box: candidates and whether I voted',
  })
  @ApiOkResponse({ type: BallotBoxDto })
  voteBox(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
  ) {
    return this.ballots.box(user, cycleId, 'vote');
  }

  @Post('election')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({ summary: 'Bầu cụm trưởng, cụm phó kỳ sau / Elect next period’s head and deputy' })
  @ApiOkResponse({ type: BallotBoxDto })
  elect(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
    @Body() body: ElectionBallotDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.ballots.elect(user, cycleId, body, key);
  }

  @Get('election')
  @ApiProblems([409, 'The cycle is not in this phase yet'])
  @ApiOperation({
    summary: 'Hòm phiếu bầu cụm trưởng / The election ballot box: candidates and whether I voted',
  })
  @ApiOkResponse({ type: BallotBoxDto })
  electionBox(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
  ) {
    return this.ballots.box(user, cycleId, 'election');
  }
}
