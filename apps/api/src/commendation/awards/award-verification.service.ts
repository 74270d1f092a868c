import { Injectable } from '@nestjs/common';
import { AwardRepository, type AwardRecord } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import { toVerificationDto } from './award.mapper';
import type { VerificationDto } from './dto/award.dto';

/** Public verification: anyone holding the code (from the QR) sees whether it is genuine. */
@Injectable()
export class AwardVerificationService {
  constructor(private readonly awards: AwardRepository) {}

  async verify(code: string): Promise<VerificationDto> {
    const a = await this.awards.findByVerificationCode(code.toUpperCase());
    if (!a) throw new DomainException(DomainErrorCode.AwardNotFound);
    return this.view(a);
  }

  async view(a: AwardRecord): Promise<VerificationDto> {
    return toVerificationDto(a, await this.awards.unitName(a.authorityUnitId));
  }
}
