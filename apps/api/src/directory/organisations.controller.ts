import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { uuidParam } from '../common/uuid-param';
import { OrganisationTreeDto } from './dto/unit.dto';
import { UnitsService } from './units.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly units: UnitsService) {}

  @Get(':id/tree')
  @ApiOperation({
    summary:
      'Cây tổ chức / An organisation with every organisation beneath it (nested) and the ones above it; overseers see any, everyone else their own organisation and beneath',
  })
  @ApiOkResponse({ type: OrganisationTreeDto })
  @ApiForbiddenResponse({
    description: "OUTSIDE_SUBTREE: not the caller's organisation or beneath",
  })
  tree(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<OrganisationTreeDto> {
    return this.units.organisationTree(user, id);
  }
}
