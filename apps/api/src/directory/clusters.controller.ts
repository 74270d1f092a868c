import { Body, Controller, Param, Patch, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RequestValidationException } from '../common/request-validation.exception';
import { ClustersService, currentVietnamYear } from './clusters.service';
import {
  ClusterDto,
  ClusterMembershipsDto,
  ClusterQueryDto,
  CreateClusterDto,
  MembershipYearQueryDto,
  PutMembershipsDto,
  UpdateClusterDto,
} from './dto/cluster.dto';
import { ApiProblems, AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { CreateRoute, ReadRoute, UuidParam } from '../common/route.decorators';

function yearParam(year: string): number {
  const n = Number(year);
  if (!/^\d{4}$/.test(year) || n < 2000 || n > 2100) {
    throw new RequestValidationException([
      { field: 'year', rule: 'isYear', message: 'year must be a year between 2000 and 2100' },
    ]);
  }
  return n;
}

// Above the controller default: its case replaces the general 403.
@ApiProblems([403, 'FORBIDDEN: administrators only'])
@AuthenticatedApi('directory (administrators)')
@Roles('ADMIN')
@Controller('admin/clusters')
export class ClustersController {
  constructor(private readonly clusters: ClustersService) {}

  @ReadRoute({
    summary: 'Cụm, khối thi đua / Clusters (with the years that have members)',
    ok: [ClusterDto],
  })
  list(@Query() q: ClusterQueryDto): Promise<ClusterDto[]> {
    return this.clusters.list(q);
  }

  @CreateRoute({
    summary: 'Thêm cụm thi đua / Create a cluster (its code can never change)',
    created: ClusterDto,
    problems: [[409, 'CLUSTER_CODE_TAKEN'], 422],
  })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateClusterDto,
  ): Promise<ClusterDto> {
    return this.clusters.create(user, body);
  }

  @Patch(':id')
  @ApiProblems(409, 422)
  @ApiOperation({ summary: 'Sửa cụm thi đua / Edit a cluster (name, organizer)' })
  @ApiOkResponse({ type: ClusterDto })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateClusterDto,
  ): Promise<ClusterDto> {
    return this.clusters.update(user, id, body);
  }

  @ReadRoute({
    path: ':id/memberships',
    summary:
      'Thành viên cụm theo năm / Members of one year, with their roles (an organisation administrator: clusters whose members all lie beneath their organisation)',
    ok: ClusterMembershipsDto,
  })
  @Roles('ADMIN', 'ORG_ADMIN')
  memberships(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Query() q: MembershipYearQueryDto,
  ): Promise<ClusterMembershipsDto> {
    return this.clusters.membershipsFor(user, id, q.year ?? currentVietnamYear());
  }

  @Put(':id/memberships/:year')
  @Roles('ADMIN', 'ORG_ADMIN')
  @ApiOperation({
    summary:
      'Thay danh sách thành viên năm / Replace the members of a year (exactly one HEAD, at most one DEPUTY, each unit once); refused once a cycle of that year has started. An organisation administrator: clusters whose members, old and new, all lie beneath their organisation (OUTSIDE_SUBTREE)',
  })
  @ApiOkResponse({ type: ClusterMembershipsDto })
  @ApiProblems([409, 'MEMBERSHIP_FROZEN: a cycle of that year has started'], 422)
  @ApiParam({ name: 'year', schema: { type: 'integer', minimum: 2000, maximum: 2100 } })
  putMemberships(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Param('year') year: string,
    @Body() body: PutMembershipsDto,
  ): Promise<ClusterMembershipsDto> {
    return this.clusters.putMemberships(user, id, yearParam(year), body);
  }
}
