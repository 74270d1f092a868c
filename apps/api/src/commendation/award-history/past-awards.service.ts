import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AwardHistoryRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import type { RecordedAwardDto, RecordPastAwardDto } from './dto/award-history.dto';

/** Earlier awards (before the system) so eligibility rules can look back; administrators only. */
@Injectable()
export class PastAwardsService {
  constructor(private readonly history: AwardHistoryRepository) {}

  async record(user: AuthenticatedUser, dto: RecordPastAwardDto): Promise<RecordedAwardDto> {
    const form = await this.history.latestForm(dto.formCode);
    if (!form) throw new DomainException(DomainErrorCode.AwardFormNotFound, { code: dto.formCode });
    const recipient = await this.history.findRecipient(dto.recipientKind, dto.recipientId);
    if (!recipient) {
      throw new DomainException(DomainErrorCode.NotFound, { entity: 'đối tượng khen thưởng' });
    }
    const id = randomUUID();
    await this.history.recordPast(
      {
        id,
        form,
        year: dto.year,
        recipientKind: dto.recipientKind,
        recipientId: dto.recipientId,
        recipientName: recipient.name,
        unitId: recipient.unitId,
        achievement: dto.achievement ?? `Khen thưởng năm ${dto.year}`,
        decisionNumber: dto.decisionNumber ?? null,
      },
      user.userId,
      { ...dto },
    );
    return { id };
  }
}
