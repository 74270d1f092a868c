import { Body, Controller } from '@nestjs/common';
import { CurrentUser } from '../../auth/auth.decorators';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { CreateProposalDto } from './dto/proposal.dto';
import { ProposalDetailDto, ProposalSummaryDto } from './dto/proposal-response.dto';
import { ProposalsService } from './proposals.service';
import { AuthenticatedApi } from '../../common/openapi/api-problems.decorator';
import { CreateRoute, IdempotencyKey, ReadRoute, UuidParam } from '../../common/route.decorators';

@AuthenticatedApi('proposals')
@Controller('proposals')
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @CreateRoute({
    summary:
      'Lập tờ trình kèm danh sách đề nghị khen thưởng / Propose collectives and individuals of your organisation and those beneath it in one list (one nomination each, each on its chain)',
    created: ProposalDetailDto,
    problems: [[404, 'NOT_FOUND: a nominee or its unit'], 409, 422],
  })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateProposalDto,
    @IdempotencyKey() key?: string,
  ): Promise<ProposalDetailDto> {
    return this.proposals.submit(user, body, key);
  }

  @ReadRoute({
    summary: 'Tờ trình của tổ chức mình / Your organisation’s proposal lists, newest first',
    ok: [ProposalSummaryDto],
  })
  list(@CurrentUser() user: AuthenticatedUser): Promise<ProposalSummaryDto[]> {
    return this.proposals.list(user);
  }

  @ReadRoute({
    path: ':id',
    summary:
      'Một tờ trình và tình trạng từng hồ sơ / One proposal list with each nomination’s status',
    ok: ProposalDetailDto,
  })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
  ): Promise<ProposalDetailDto> {
    return this.proposals.get(user, id);
  }
}
