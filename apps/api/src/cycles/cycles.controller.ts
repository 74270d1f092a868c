import { Body, Controller, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CreateCycleDto, CycleDto, CyclePageDto, ListCyclesQueryDto } from './dto/cycle.dto';
import { toCycleDto } from './cycle.mapper';
import { CyclesService } from './cycles.service';
import { AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { CreateRoute, ReadRoute, UuidParam } from '../common/route.decorators';

@AuthenticatedApi('cycles')
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @ReadRoute({ summary: 'Danh sách kỳ thi đua / List emulation cycles', ok: CyclePageDto })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListCyclesQueryDto,
  ): Promise<CyclePageDto> {
    return this.cycles.list(user, query);
  }

  @ReadRoute({
    path: ':cycleId',
    summary: 'Kỳ thi đua / A cycle, its phase, pledge and signing round',
    ok: CycleDto,
  })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('cycleId') cycleId: string,
  ): Promise<CycleDto> {
    return toCycleDto(await this.cycles.readable(user, cycleId));
  }

  @CreateRoute({
    summary: 'Mở kỳ thi đua / Create a cycle for a cluster, movement and period (admin)',
    created: CycleDto,
  })
  @Roles('ADMIN')
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateCycleDto,
  ): Promise<CycleDto> {
    return toCycleDto(await this.cycles.create(user, body, Date.now()));
  }
}
