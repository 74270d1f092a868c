import { Injectable } from '@nestjs/common';
import { ModelRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException, seesSubtree } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { ModelDetailDto, ModelQueryDto, ModelSummaryDto } from './dto/model.dto';
import { toModelDetailDto, toModelSummaryDto } from './model.mapper';

const DEFAULT_LIMIT = 200;

const outside = () =>
  new DomainException(DomainErrorCode.Forbidden, {
    reason: 'mô hình của đơn vị ngoài tổ chức của bạn',
  });

/**
 * Models, solutions and works as records of their own: who registered them in which cycle, and
 * how they were recognized level by level. Oversight roles see every unit's; everyone else their
 * own organisation's and those beneath it (siblings never see each other's).
 */
@Injectable()
export class ModelsService {
  constructor(private readonly models: ModelRepository) {}

  async list(user: AuthenticatedUser, q: ModelQueryDto): Promise<ModelSummaryDto[]> {
    const own = await this.models.unitNode(user.unitId);
    const actor = { roles: user.roles, unitPath: own?.path ?? null };
    const everything = seesSubtree(actor, '/');
    if (q.unitId) {
      const unit = await this.models.unitNode(q.unitId);
      if (!unit) throw new DomainException(DomainErrorCode.NotFound, { entity: 'đơn vị' });
      if (!seesSubtree(actor, unit.path)) throw outside();
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
    const own = await this.models.unitNode(user.unitId);
    if (!seesSubtree({ roles: user.roles, unitPath: own?.path ?? null }, model.unit.path))
      throw outside();
    return toModelDetailDto(model);
  }
}
