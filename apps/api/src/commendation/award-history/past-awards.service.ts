import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AwardHistoryRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException, describeAwardPeriod } from '@epw/domain';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { RequestValidationException } from '../../common/request-validation.exception';
import { wellFormedPeriod } from '../award-period.dto';
import type { RecordedAwardDto, RecordPastAwardDto } from './dto/award-history.dto';

/** Earlier awards (before the system) so eligibility rules can look back; administrators only. */
@Injectable()
export class PastAwardsService {
  constructor(private readonly history: AwardHistoryRepository) {}

  async record(user: AuthenticatedUser, dto: RecordPastAwardDto): Promise<RecordedAwardDto> {
    const period = this.periodOf(dto);
    if (dto.movementName !== undefined && !dto.movementCode) {
      throw new RequestValidationException([
        {
          field: 'movementCode',
          rule: 'isDefined',
          message: 'movementCode is required with movementName',
        },
      ]);
    }
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
        movementCode: dto.movementCode ?? null,
        movementName: dto.movementCode ? (dto.movementName ?? null) : null,
        period,
        recipientKind: dto.recipientKind,
        recipientId: dto.recipientId,
        recipientName: recipient.name,
        unitId: recipient.unitId,
        achievement: dto.achievement ?? `Khen thưởng ${describeAwardPeriod(period)}`,
        decisionNumber: dto.decisionNumber ?? null,
      },
      user.userId,
      { ...dto, year: period.year, period },
    );
    return { id };
  }

  /** The award's period: the one given (`year`, if also given, must be its last year), else the
   * year `year`. */
  private periodOf(dto: RecordPastAwardDto) {
    if (!dto.period) return wellFormedPeriod({ kind: 'YEAR', year: dto.year as number });
    const period = wellFormedPeriod(dto.period);
    if (dto.year !== undefined && dto.year !== period.year) {
      throw new RequestValidationException([
        {
          field: 'year',
          rule: 'matchesPeriod',
          message: "year must be the period's last year (period.year)",
        },
      ]);
    }
    return period;
  }
}
