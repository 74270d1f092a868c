import { Injectable } from '@nestjs/common';
import { AwardRepository, type AwardRecord } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import { DocumentSealService } from '../../document-seal/document-seal.service';
import { toVerificationDto } from './award.mapper';
import type { DocumentSignatureDto, VerificationDto } from './dto/award.dto';

/** Public verification: anyone holding the code (from the QR) sees whether it is genuine. */
@Injectable()
export class AwardVerificationService {
  constructor(
    private readonly awards: AwardRepository,
    private readonly seal: DocumentSealService,
  ) {}

  async verify(code: string): Promise<VerificationDto> {
    const a = await this.awards.findByVerificationCode(code.toUpperCase());
    if (!a) throw new DomainException(DomainErrorCode.AwardNotFound);
    return this.view(a);
  }

  async view(a: AwardRecord): Promise<VerificationDto> {
    return {
      ...toVerificationDto(a, await this.awards.unitName(a.authorityUnitId)),
      signature: this.signature(),
    };
  }

  /** Every certificate PDF is sealed when it is handed out, with the deployment's certificate. */
  private signature(now = new Date()): DocumentSignatureDto {
    const id = this.seal.identity;
    return {
      signed: true,
      status: id.validFrom <= now && now <= id.validTo ? 'VALID' : 'EXPIRED',
      signedBy: id.commonName,
      organization: id.organization,
      issuer: id.issuerCommonName,
      fingerprintSha256: id.fingerprintSha256,
      validFrom: id.validFrom.toISOString(),
      validTo: id.validTo.toISOString(),
    };
  }
}
