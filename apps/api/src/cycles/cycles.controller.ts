import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { uuidParam } from '../common/uuid-param';
import { CreateCycleDto, CycleDto, CyclePageDto, ListCyclesQueryDto } from './dto/cycle.dto';
import { toCycleDto } from './cycle.mapper';
import { CyclesService } from './cycles.service';

@ApiTags('cycles')
@ApiBearerAuth()
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách kỳ thi đua / List emulation cycles' })
  @ApiOkResponse({ type: CyclePageDto })
  list(@Query() query: ListCyclesQueryDto): Promise<CyclePageDto> {
    return this.cycles.list(query);
  }

  @Get(':cycleId')
  @ApiOkResponse({ type: CycleDto })
  async get(@Param('cycleId', uuidParam('cycleId')) cycleId: string): Promise<CycleDto> {
    return toCycleDto(await this.cycles.getOrFail(cycleId));
  }

  @Post()
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
