import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PrismaService } from '@epw/data-access';
import { DomainErrorCode, DomainException, type AwardFormContent } from '@epw/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { uuidParam } from '../common/uuid-param';
import { AwardFormsService } from './award-forms.service';
import { CreatePersonDto, HeadcountDto } from './dto/award.dto';

@ApiTags('award-forms')
@ApiBearerAuth()
@Controller()
export class AwardFormsController {
  constructor(
    private readonly forms: AwardFormsService,
    private readonly prisma: PrismaService,
  ) {}

  @Get('award-forms')
  @ApiOperation({
    summary:
      'Hình thức khen thưởng, quy trình xét duyệt / Award forms with their chains, dossiers and rules',
  })
  list() {
    return this.forms.list();
  }

  @Post('award-forms')
  @Roles('ADMIN')
  @ApiBody({
    description: 'AwardFormContent (see GET /award-forms for examples)',
    schema: { type: 'object' },
  })
  @ApiOperation({
    summary: 'Phiên bản mới của hình thức khen thưởng / Publish a new version (validated)',
  })
  publish(@CurrentUser() user: AuthenticatedUser, @Body() body: AwardFormContent) {
    return this.forms.publish(body, user.userId);
  }

  @Get('authorities')
  @ApiOperation({ summary: 'Cơ quan có thẩm quyền / Deciding authorities and their levels' })
  authorities() {
    return this.forms.authorities();
  }

  @Get('units/:unitId/people')
  @ApiOperation({ summary: 'Cá nhân của đơn vị / People of a unit (nominees)' })
  people(@Param('unitId', uuidParam('unitId')) unitId: string) {
    return this.prisma.person.findMany({ where: { unitId }, orderBy: { fullName: 'asc' } });
  }

  @Post('units/:unitId/people')
  @Roles('ADMIN', 'UNIT_OFFICER')
  @ApiOperation({ summary: 'Thêm cá nhân / Add a person to a unit (own unit, or admin)' })
  async addPerson(
    @CurrentUser() user: AuthenticatedUser,
    @Param('unitId', uuidParam('unitId')) unitId: string,
    @Body() body: CreatePersonDto,
  ) {
    this.assertOwnUnit(user, unitId);
    // An administrator may name any unit: an unknown one is a 404, not a foreign-key failure.
    if (!(await this.prisma.unit.findUnique({ where: { id: unitId }, select: { id: true } })))
      throw new DomainException(DomainErrorCode.NotFound, { entity: 'đơn vị' });
    return this.prisma.person.create({ data: { unitId, ...body } });
  }

  @Put('units/:unitId/headcount')
  @Roles('ADMIN', 'UNIT_SIGNER')
  @ApiOperation({ summary: "Quân số / Set a unit's headcount (quotas)" })
  async headcount(
    @CurrentUser() user: AuthenticatedUser,
    @Param('unitId', uuidParam('unitId')) unitId: string,
    @Body() body: HeadcountDto,
  ) {
    this.assertOwnUnit(user, unitId);
    const u = await this.prisma.unit.update({
      where: { id: unitId },
      data: { headcount: body.headcount },
    });
    return { unitId: u.id, headcount: u.headcount };
  }

  private assertOwnUnit(user: AuthenticatedUser, unitId: string) {
    if (!user.roles.includes('ADMIN') && user.unitId !== unitId) {
      throw new DomainException(DomainErrorCode.WrongUnit);
    }
  }
}
