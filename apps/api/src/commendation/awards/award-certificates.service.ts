import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { AwardRepository, type AwardRecord } from '@epw/data-access';
import { renderCertificatePdf, type CertificateData } from '@epw/documents';
import {
  DomainErrorCode,
  DomainException,
  achievementText,
  type AwardFormContent,
} from '@epw/domain';

/** Certificates (giấy chứng nhận): what each prints, with its QR link to public verification. */
@Injectable()
export class AwardCertificatesService {
  constructor(
    private readonly awards: AwardRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  verifyUrl(code: string): string {
    return `${this.config.notifications.publicUrl}/verify/${code}`;
  }

  async certificateData(a: AwardRecord): Promise<CertificateData> {
    const src = await this.awards.certificateSources(a);
    const content = src.formContent as AwardFormContent | undefined;
    const template = content?.certificate.achievementTemplate;
    return {
      serial: a.serial ?? '',
      verificationCode: a.verificationCode ?? '',
      verifyUrl: this.verifyUrl(a.verificationCode ?? ''),
      formName: a.formName,
      authorityName: src.authorityName ?? '',
      signerTitle: src.signerTitle ?? content?.certificate.signerTitle ?? '',
      signerName: src.signerName,
      recipientName: a.recipientName,
      recipientKind: a.recipientKind,
      recipientDetail: a.recipientKind === 'UNIT' ? null : src.unitName,
      achievement: template
        ? achievementText(template, { year: a.year, movement: 'Dân vận khéo' })
        : a.achievement,
      decisionNumber: a.decisionNumber ?? '',
      decisionDate: a.decisionDate?.toISOString().slice(0, 10) ?? '',
      place: 'TP. Hồ Chí Minh',
      revoked: a.revokedAt
        ? { on: a.revokedAt.toISOString().slice(0, 10), reason: a.revocationReason ?? '' }
        : null,
    };
  }

  /** One award's certificate; awards entered from earlier records have none. */
  async certificatePdf(id: string): Promise<Buffer> {
    const a = await this.awards.findById(id);
    if (!a?.verificationCode) throw new DomainException(DomainErrorCode.AwardNotFound);
    return renderCertificatePdf(await this.certificateData(a));
  }
}
