import { Injectable } from '@nestjs/common';
import { AwardHistoryRepository } from '@epw/data-access';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { toAwardRecordDto } from './award-history.mapper';
import type { AwardHistoryQueryDto, AwardRecordDto } from './dto/award-history.dto';

/** Roles that see every unit's awards; everyone else sees their own unit's. */
const OVERSIGHT = ['ADMIN', 'REVIEWER', 'COUNCIL_MEMBER', 'AUTHORITY'];

/** The award history (lịch sử khen thưởng) per unit, person or model. */
@Injectable()
export class AwardHistoryService {
  constructor(private readonly history: AwardHistoryRepository) {}

  async list(user: AuthenticatedUser, q: AwardHistoryQueryDto): Promise<AwardRecordDto[]> {
    const oversight = OVERSIGHT.some((r) => user.roles.includes(r));
    const rows = await this.history.list({
      unitId: oversight ? q.unitId : (user.unitId ?? ''),
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
