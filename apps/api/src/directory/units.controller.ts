import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { uuidParam } from '../common/uuid-param';
import { CreateUnitDto, UnitDto, UnitQueryDto, UpdateUnitDto } from './dto/unit.dto';
import { UnitsService } from './units.service';

@ApiTags('directory (administrators)')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'FORBIDDEN: administrators only' })
@Roles('ADMIN')
@Controller('admin/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOperation({ summary: 'Đơn vị / Units and authorities (filter by kind, search code or name)' })
  @ApiOkResponse({ type: [UnitDto] })
  list(@Query() q: UnitQueryDto): Promise<UnitDto[]> {
    return this.units.list(q);
  }

  @Post()
  @ApiOperation({ summary: 'Thêm đơn vị / Create a unit (its code can never change)' })
  @ApiCreatedResponse({ type: UnitDto })
  @ApiConflictResponse({ description: 'UNIT_CODE_TAKEN' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateUnitDto): Promise<UnitDto> {
    return this.units.create(user, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Sửa đơn vị / Edit a unit (name, kind, level, headcount)' })
  @ApiOkResponse({ type: UnitDto })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateUnitDto,
  ): Promise<UnitDto> {
    return this.units.update(user, id, body);
  }
}
