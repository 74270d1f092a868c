import { Injectable } from '@nestjs/common';
import { AwardHistoryRepository } from '@epw/data-access';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { ReadAccessService } from '../../common/read-access.service';
import { toAwardRecordDto } from './award-history.mapper';
import type { AwardHistoryQueryDto, AwardRecordDto } from './dto/award-history.dto';

/** The award history (lịch sử khen thưởng) per unit, person or model: the global administrator
 * reads every award; everyone else those of their organisation's subtree and those their
 * organisation decided (ReadAccessService). */
@Injectable()
export class AwardHistoryService {
  constructor(
    private readonly history: AwardHistoryRepository,
    private readonly access: ReadAccessService,
  ) {}

  async list(user: AuthenticatedUser, q: AwardHistoryQueryDto): Promise<AwardRecordDto[]> {
    const rows = await this.history.list({
      readableBy: await this.access.scopeOf(user),
      unitId: q.unitId,
      personId: q.personId,
      initiativeId: q.initiativeId,
      year: q.year,
      formCode: q.formCode,
      recipientKind: q.recipientKind,
      movementCode: q.movementCode,
      periodKind: q.periodKind,
    });
    return rows.map(toAwardRecordDto);
  }
}
