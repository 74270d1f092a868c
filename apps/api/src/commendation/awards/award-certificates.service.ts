import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import { AwardRepository, DocumentSourcesRepository, type AwardRecord } from '@epw/data-access';
import { renderCertificatePdf, type CertificateData } from '@epw/documents';
import {
  DomainErrorCode,
  DomainException,
  achievementText,
  documentNumberOf,
  resolveDocumentIssuer,
  signerBlockLines,
  type AwardFormContent,
} from '@epw/domain';

import { DocumentSealService } from '../../document-seal/document-seal.service';

/** The path of the web app's public verification page (apps/web routes, served under /app). */
const VERIFY_PAGE = '/app/verify/';

/** Certificates (giấy chứng nhận): what each prints, in its issuer's format, with its QR link to
 * public verification under the configured public base URL. */
@Injectable()
export class AwardCertificatesService {
  constructor(
    private readonly awards: AwardRepository,
    private readonly sources: DocumentSourcesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly seal: DocumentSealService,
  ) {}

  verifyUrl(code: string): string {
    return `${this.config.publicBaseUrl}${VERIFY_PAGE}${encodeURIComponent(code)}`;
  }

  async certificateData(a: AwardRecord): Promise<CertificateData> {
    const [src, source, position] = await Promise.all([
      this.awards.certificateSources(a),
      this.sources.issuer(a.authorityUnitId),
      a.recipientKind === 'PERSON' ? this.sources.positionOf(a.recipientPersonId) : null,
    ]);
    const issuer = resolveDocumentIssuer(
      source ?? {
        code: '',
        name: src.authorityName ?? '',
        orgKind: null,
        parentName: null,
        documentProfile: null,
      },
    );
    const content = src.formContent as AwardFormContent | undefined;
    const template = content?.certificate.achievementTemplate;
    const period = {
      kind: a.periodKind,
      year: a.year,
      quarter: a.periodQuarter,
      startYear: a.periodStart,
    };
    const detail = a.recipientKind === 'PERSON' ? [position, src.unitName] : [src.unitName];
    return {
      serial: a.serial ?? '',
      verificationCode: a.verificationCode ?? '',
      verifyUrl: this.verifyUrl(a.verificationCode ?? ''),
      style: issuer.style,
      formName: a.formName,
      authorityName: issuer.decidingBody,
      signerLines: signerBlockLines(
        issuer,
        src.signerTitle ?? content?.certificate.signerTitle ?? null,
      ),
      signerName: src.signerName ?? issuer.signerName,
      recipientName: a.recipientName,
      recipientKind: a.recipientKind,
      recipientDetail:
        a.recipientKind === 'UNIT' ? null : detail.filter((t) => t).join(', ') || null,
      achievement: template
        ? achievementText(template, {
            year: a.year,
            movement: a.movementName ?? 'Dân vận khéo',
            period,
          })
        : a.achievement,
      decisionNumber: a.decisionNumber ? documentNumberOf(issuer, a.decisionNumber) : '',
      decisionDate: a.decisionDate?.toISOString().slice(0, 10) ?? '',
      place: issuer.place,
      revoked: a.revokedAt
        ? { on: a.revokedAt.toISOString().slice(0, 10), reason: a.revocationReason ?? '' }
        : null,
    };
  }

  /** One award's certificate; awards entered from earlier records have none. */
  async certificatePdf(id: string): Promise<Buffer> {
    const a = await this.awards.findById(id);
    if (!a?.verificationCode) throw new DomainException(DomainErrorCode.AwardNotFound);
    const cert = await this.certificateData(a);
    return this.seal.sealed(
      { reason: `Giấy chứng nhận số ${cert.serial}`, location: cert.place },
      (seal) => renderCertificatePdf(cert, { seal }),
    );
  }
}
