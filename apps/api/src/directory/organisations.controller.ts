import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { uuidParam } from '../common/uuid-param';
import { OrganisationTreeDto } from './dto/unit.dto';
import { UnitsService } from './units.service';
import { ApiProblems, AuthenticatedApi } from '../common/openapi/api-problems.decorator';

@AuthenticatedApi('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly units: UnitsService) {}

  @Get(':id/tree')
  @ApiOperation({
    summary:
      'Cây tổ chức / An organisation with every organisation beneath it (nested) and the ones above it; overseers see any, everyone else their own organisation and beneath',
  })
  @ApiOkResponse({ type: OrganisationTreeDto })
  @ApiProblems([403, "OUTSIDE_SUBTREE: not the caller's organisation or beneath"])
  tree(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<OrganisationTreeDto> {
    return this.units.organisationTree(user, id);
  }
}
