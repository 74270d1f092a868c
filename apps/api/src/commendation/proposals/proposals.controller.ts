import { Body, Controller, Get, Headers, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser } from '../../auth/auth.decorators';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { uuidParam } from '../../common/uuid-param';
import { CreateProposalDto } from './dto/proposal.dto';
import { ProposalDetailDto, ProposalSummaryDto } from './dto/proposal-response.dto';
import { ProposalsService } from './proposals.service';
import { ApiProblems, AuthenticatedApi } from '../../common/openapi/api-problems.decorator';

@AuthenticatedApi('proposals')
@Controller('proposals')
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Post()
  @ApiProblems([404, 'NOT_FOUND: a nominee or its unit'], 409, 422)
  @ApiOperation({
    summary:
      'Lập tờ trình kèm danh sách đề nghị khen thưởng / Propose collectives and individuals of your organisation and those beneath it in one list (one nomination each, each on its chain)',
  })
  @ApiCreatedResponse({ type: ProposalDetailDto })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateProposalDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<ProposalDetailDto> {
    return this.proposals.submit(user, body, key);
  }

  @Get()
  @ApiOperation({
    summary: 'Tờ trình của tổ chức mình / Your organisation’s proposal lists, newest first',
  })
  @ApiOkResponse({ type: [ProposalSummaryDto] })
  list(@CurrentUser() user: AuthenticatedUser): Promise<ProposalSummaryDto[]> {
    return this.proposals.list(user);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'Một tờ trình và tình trạng từng hồ sơ / One proposal list with each nomination’s status',
  })
  @ApiOkResponse({ type: ProposalDetailDto })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<ProposalDetailDto> {
    return this.proposals.get(user, id);
  }
}
