import { Body, Controller, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CreatePersonDto, HeadcountDto, PersonDto, UnitHeadcountDto } from './dto/person.dto';
import { PeopleService } from './people.service';
import { ApiProblems, AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { CreateRoute, ReadRoute, UuidParam } from '../common/route.decorators';

@AuthenticatedApi('people')
@Controller('units/:unitId')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @ReadRoute({
    path: 'people',
    summary: 'Cá nhân của đơn vị / People of a unit (nominees)',
    ok: [PersonDto],
  })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('unitId') unitId: string,
  ): Promise<PersonDto[]> {
    return this.people.list(user, unitId);
  }

  @CreateRoute({
    path: 'people',
    summary:
      'Thêm cá nhân / Add a person to a unit (own unit, an organisation administrator beneath their organisation, or admin)',
    created: PersonDto,
  })
  @Roles('ADMIN', 'ORG_ADMIN', 'UNIT_OFFICER')
  add(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('unitId') unitId: string,
    @Body() body: CreatePersonDto,
  ): Promise<PersonDto> {
    return this.people.add(user, unitId, body);
  }

  @Put('headcount')
  @ApiProblems(409, 422)
  @Roles('ADMIN', 'ORG_ADMIN', 'UNIT_SIGNER')
  @ApiOperation({ summary: "Quân số / Set a unit's headcount (quotas)" })
  @ApiOkResponse({ type: UnitHeadcountDto })
  headcount(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('unitId') unitId: string,
    @Body() body: HeadcountDto,
  ): Promise<UnitHeadcountDto> {
    return this.people.setHeadcount(user, unitId, body.headcount);
  }
}
