import { Body, Controller, Patch, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CreateUnitDto, UnitDto, UnitQueryDto, UpdateUnitDto } from './dto/unit.dto';
import { UnitsService } from './units.service';
import { ApiProblems, AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { CreateRoute, ReadRoute, UuidParam } from '../common/route.decorators';

// Above the controller default: its case replaces the general 403.
@ApiProblems([
  403,
  'FORBIDDEN: administrators only; OUTSIDE_SUBTREE: an organisation administrator acts only beneath their own organisation',
])
@AuthenticatedApi('directory (administrators)')
@Roles('ADMIN', 'ORG_ADMIN')
@Controller('admin/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @ReadRoute({
    summary:
      "Đơn vị / Units and authorities (filter by kind, search code or name, or one organisation's subtree with `under`); an organisation administrator sees only their own subtree",
    ok: [UnitDto],
  })
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: UnitQueryDto): Promise<UnitDto[]> {
    return this.units.list(user, q);
  }

  @CreateRoute({
    summary:
      'Thêm đơn vị / Create a unit under a parent (its code can never change); an organisation administrator creates units beneath their own organisation only',
    created: UnitDto,
    problems: [[409, 'UNIT_CODE_TAKEN'], 422],
  })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateUnitDto): Promise<UnitDto> {
    return this.units.create(user, body);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Sửa đơn vị / Edit a unit (name, kind, level, organisation kind, headcount) or move it with its subtree under another parent (audited unit.moved); never beneath itself',
  })
  @ApiOkResponse({ type: UnitDto })
  @ApiProblems([409, 'ORGANISATION_CYCLE: the new parent lies in its subtree'], 422)
  update(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateUnitDto,
  ): Promise<UnitDto> {
    return this.units.update(user, id, body);
  }
}
