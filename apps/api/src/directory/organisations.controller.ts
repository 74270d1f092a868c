import { Controller } from '@nestjs/common';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { OrganisationTreeDto } from './dto/unit.dto';
import { UnitsService } from './units.service';
import { AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { ReadRoute, UuidParam } from '../common/route.decorators';

@AuthenticatedApi('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly units: UnitsService) {}

  @ReadRoute({
    path: ':id/tree',
    summary:
      'Cây tổ chức / An organisation with every organisation beneath it (nested) and the ones above it; overseers see any, everyone else their own organisation and beneath',
    ok: OrganisationTreeDto,
    problems: [[403, "OUTSIDE_SUBTREE: not the caller's organisation or beneath"]],
  })
  tree(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
  ): Promise<OrganisationTreeDto> {
    return this.units.organisationTree(user, id);
  }
}
