import { Injectable } from '@nestjs/common';
import { ModelRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException, isWithin } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ReadAccessService } from '../common/read-access.service';
import type { ModelDetailDto, ModelQueryDto, ModelSummaryDto } from './dto/model.dto';
import { toModelDetailDto, toModelSummaryDto } from './model.mapper';

const DEFAULT_LIMIT = 200;

const outside = () =>
  new DomainException(DomainErrorCode.Forbidden, {
    reason: 'mô hình của đơn vị ngoài tổ chức của bạn',
  });

/**
 * Models, solutions and works as records of their own: who registered them in which cycle, and
 * how they were recognized level by level. The global administrator sees every unit's; everyone
 * else their own organisation's and those beneath it (siblings never see each other's), and one
 * model a nomination they read names (ReadAccessService).
 */
@Injectable()
export class ModelsService {
  constructor(
    private readonly models: ModelRepository,
    private readonly access: ReadAccessService,
  ) {}

  async list(user: AuthenticatedUser, q: ModelQueryDto): Promise<ModelSummaryDto[]> {
    const own = await this.models.unitNode(user.unitId);
    const everything = (await this.access.scopeOf(user)).kind === 'all';
    if (q.unitId) {
      const unit = await this.models.unitNode(q.unitId);
      if (!unit) throw new DomainException(DomainErrorCode.NotFound, { entity: 'đơn vị' });
      if (!everything && !(own && isWithin(unit.path, own.path))) throw outside();
    }
    if (!everything && !own) return [];
    const rows = await this.models.list({
      unitId: q.unitId,
      cycleId: q.cycleId,
      kind: q.kind,
      search: q.search,
      within: everything ? undefined : (own ?? undefined),
      limit: q.limit ?? DEFAULT_LIMIT,
    });
    return rows.map(toModelSummaryDto);
  }

  async get(user: AuthenticatedUser, id: string): Promise<ModelDetailDto> {
    const model = await this.models.findHistory(id);
    if (!model) throw new DomainException(DomainErrorCode.NotFound, { entity: 'mô hình' });
    if (!(await this.access.canReadModel(user, { id: model.id, unitId: model.unit.id })))
      throw outside();
    return toModelDetailDto(model);
  }
}
