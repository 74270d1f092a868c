import { Injectable } from '@nestjs/common';
import { DecisionRepository, type DecisionRecord } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { ReadAccessService } from '../../common/read-access.service';
import { toDecisionDetailDto, toDecisionSummaryDto } from './decision.mapper';
import type { DecisionDetailDto, DecisionSummaryDto } from './dto/decision.dto';

/** Reads decisions: the list by ceremony, one decision with its annex, and the caller's authority. */
@Injectable()
export class DecisionReaderService {
  constructor(
    private readonly decisions: DecisionRepository,
    private readonly access: ReadAccessService,
  ) {}

  /** The decisions the caller reads (ReadAccessService): its organisation's, and the issued ones
   * awarding a unit of its subtree. */
  async list(user: AuthenticatedUser, ceremonyName?: string): Promise<DecisionSummaryDto[]> {
    const [rows, authorities] = await Promise.all([
      this.access.scopeOf(user).then((scope) => this.decisions.list(ceremonyName, scope)),
      this.decisions.authorities(),
    ]);
    return rows.map((d) => toDecisionSummaryDto(d, authorities));
  }

  /** A decision with its annex, for a caller who reads it. */
  async getFor(user: AuthenticatedUser, id: string): Promise<DecisionDetailDto> {
    await this.readable(user, id);
    return this.get(id);
  }

  /** A decision with its annex (for its own writers, who just wrote it). */
  async get(id: string): Promise<DecisionDetailDto> {
    const d = await this.getOrFail(id);
    const [authorities, recipients] = await Promise.all([
      this.decisions.authorities(),
      this.decisions.recipients(d.nominationIds),
    ]);
    return toDecisionDetailDto(d, authorities, recipients);
  }

  /** The decision, if the caller reads it (404 unknown, 403 another organisation's). */
  async readable(user: AuthenticatedUser, id: string): Promise<DecisionRecord> {
    const d = await this.getOrFail(id);
    await this.access.assertCanReadDecision(user, d);
    return d;
  }

  async getOrFail(id: string): Promise<DecisionRecord> {
    const d = await this.decisions.findById(id);
    if (!d) throw new DomainException(DomainErrorCode.NotFound, { entity: 'quyết định' });
    return d;
  }

  /** The caller decides for their own organisation only (any organisation of the tree may decide
   * its forms: its leader is its user with the AUTHORITY role). */
  async authorityOf(user: AuthenticatedUser): Promise<{ id: string; name: string }> {
    const unit = user.unitId ? await this.decisions.findUnit(user.unitId) : null;
    if (!unit || !user.roles.includes('AUTHORITY')) {
      throw new DomainException(DomainErrorCode.Forbidden, {
        reason: 'chỉ lãnh đạo cơ quan có thẩm quyền mới ra quyết định khen thưởng',
      });
    }
    return unit;
  }
}
