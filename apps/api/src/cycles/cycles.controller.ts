import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { uuidParam } from '../common/uuid-param';
import { CreateCycleDto, CycleDto, CyclePageDto, ListCyclesQueryDto } from './dto/cycle.dto';
import { toCycleDto } from './cycle.mapper';
import { CyclesService } from './cycles.service';
import { ApiProblems, AuthenticatedApi } from '../common/openapi/api-problems.decorator';

@AuthenticatedApi('cycles')
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách kỳ thi đua / List emulation cycles' })
  @ApiOkResponse({ type: CyclePageDto })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListCyclesQueryDto,
  ): Promise<CyclePageDto> {
    return this.cycles.list(user, query);
  }

  @Get(':cycleId')
  @ApiOperation({ summary: 'Kỳ thi đua / A cycle, its phase, pledge and signing round' })
  @ApiOkResponse({ type: CycleDto })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
  ): Promise<CycleDto> {
    return toCycleDto(await this.cycles.readable(user, cycleId));
  }

  @Post()
  @ApiProblems(409, 422)
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Mở kỳ thi đua / Create a cycle for a cluster, movement and period (admin)',
  })
  @ApiCreatedResponse({ type: CycleDto })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateCycleDto,
  ): Promise<CycleDto> {
    return toCycleDto(await this.cycles.create(user, body, Date.now()));
  }
}
