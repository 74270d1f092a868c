import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { uuidParam } from '../common/uuid-param';
import { CreatePersonDto, HeadcountDto, PersonDto, UnitHeadcountDto } from './dto/person.dto';
import { PeopleService } from './people.service';
import { ApiProblems, AuthenticatedApi } from '../common/openapi/api-problems.decorator';

@AuthenticatedApi('people')
@Controller('units/:unitId')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get('people')
  @ApiOperation({ summary: 'Cá nhân của đơn vị / People of a unit (nominees)' })
  @ApiOkResponse({ type: [PersonDto] })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('unitId', uuidParam('unitId')) unitId: string,
  ): Promise<PersonDto[]> {
    return this.people.list(user, unitId);
  }

  @Post('people')
  @ApiProblems(409, 422)
  @Roles('ADMIN', 'ORG_ADMIN', 'UNIT_OFFICER')
  @ApiOperation({
    summary:
      'Thêm cá nhân / Add a person to a unit (own unit, an organisation administrator beneath their organisation, or admin)',
  })
  @ApiCreatedResponse({ type: PersonDto })
  add(
    @CurrentUser() user: AuthenticatedUser,
    @Param('unitId', uuidParam('unitId')) unitId: string,
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
    @Param('unitId', uuidParam('unitId')) unitId: string,
    @Body() body: HeadcountDto,
  ): Promise<UnitHeadcountDto> {
    return this.people.setHeadcount(user, unitId, body.headcount);
  }
}
