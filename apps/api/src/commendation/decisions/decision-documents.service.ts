import { Injectable } from '@nestjs/common';
import { DecisionRepository } from '@epw/data-access';
import { renderCertificatesPdf, renderDecisionPdf } from '@epw/documents';
import { DomainErrorCode, DomainException } from '@epw/domain';
import { AwardCertificatesService } from '../awards/award-certificates.service';
import { DecisionReaderService } from './decision-reader.service';

/** The documents of a decision: the decision with its annex, and its certificates for printing. */
@Injectable()
export class DecisionDocumentsService {
  constructor(
    private readonly decisions: DecisionRepository,
    private readonly reader: DecisionReaderService,
    private readonly certificates: AwardCertificatesService,
  ) {}

  async decisionPdf(id: string): Promise<Buffer> {
    const d = await this.reader.getOrFail(id);
    const [authorities, recipients] = await Promise.all([
      this.decisions.authorities(),
      this.decisions.recipients(d.nominationIds),
    ]);
    return renderDecisionPdf({
      number: d.number,
      signedOn: d.signedOn.toISOString().slice(0, 10),
      authorityName: authorities.get(d.authorityUnitId)?.name ?? '',
      place: 'TP. Hồ Chí Minh',
      title: d.title,
      basis: [
        'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;',
        'Căn cứ kết quả xét duyệt, thẩm định hồ sơ và đề nghị của Hội đồng Thi đua – Khen thưởng,',
      ],
      articles: [
        `Tặng thưởng cho ${recipients.length} tập thể, cá nhân, mô hình có tên trong danh sách kèm theo, đã có thành tích xuất sắc.`,
        'Quyết định có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành.',
      ],
      signerTitle: d.signerTitle,
      signerName: d.signerName,
      recipients: recipients.map((n, i) => ({
        index: i + 1,
        name: n.nomineeName,
        detail: n.nomineeKind === 'UNIT' ? null : n.unitName,
        formName: n.formName,
      })),
    });
  }

  /** Every certificate of an issued decision, one page each (for printing before the ceremony). */
  async certificatesPdf(id: string): Promise<Buffer> {
    const d = await this.reader.getOrFail(id);
    if (d.status !== 'ISSUED')
      throw new DomainException(DomainErrorCode.NotAwaitingDecision, { nominee: '' });
    const awards = await this.decisions.awardsOf(id);
    return renderCertificatesPdf(
      await Promise.all(awards.map((a) => this.certificates.certificateData(a))),
    );
  }
}
