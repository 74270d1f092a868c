import { Injectable } from '@nestjs/common';
import {
  type DecisionEntryRecord,
  DecisionRepository,
  DocumentSourcesRepository,
} from '@epw/data-access';
import { type DecisionData, renderCertificatesPdf, renderDecisionPdf } from '@epw/documents';
import {
  type DecisionFormCount,
  type DocumentIssuer,
  DomainErrorCode,
  DomainException,
  NATIONAL_LEGAL_BASES,
  achievementPhrase,
  decisionArticleOne,
  decisionBasisLines,
  decisionSubjectLine,
  describeAwardPeriod,
  documentNumberOf,
  resolveDocumentIssuer,
  signerBlockLines,
} from '@epw/domain';
import { DocumentSealService } from '../../document-seal/document-seal.service';
import { AwardCertificatesService } from '../awards/award-certificates.service';
import { DecisionReaderService } from './decision-reader.service';

const distinct = <T>(values: T[]) => [...new Set(values)];

/** Each form of the decision, in the order its first nominee comes, with its recipient counts. */
function formCounts(entries: DecisionEntryRecord[]): DecisionFormCount[] {
  const forms = new Map<string, DecisionFormCount>();
  for (const e of entries) {
    const form = forms.get(e.formCode) ?? {
      name: e.formName,
      category: e.formCategory,
      counts: {},
    };
    form.counts[e.nomineeKind] = (form.counts[e.nomineeKind] ?? 0) + 1;
    forms.set(e.formCode, form);
  }
  return [...forms.values()];
}

/** Điều 1: the forms with their counts, what for (movement and period), and the annex. */
function articleOne(entries: DecisionEntryRecord[]): string {
  if (entries.length === 0)
    return 'Tặng thưởng cho các tập thể, cá nhân có tên trong danh sách kèm theo.';
  const movements = distinct(entries.flatMap((e) => (e.movementName ? [e.movementName] : [])));
  const periods = distinct(entries.map((e) => describeAwardPeriod(e.period)));
  const achievement = achievementPhrase(
    movements.length === 1 ? movements[0] : null,
    periods.join(', '),
  );
  return decisionArticleOne(formCounts(entries), achievement);
}

/** The documents of a decision: the decision with its annex, and its certificates for printing. */
@Injectable()
export class DecisionDocumentsService {
  constructor(
    private readonly decisions: DecisionRepository,
    private readonly sources: DocumentSourcesRepository,
    private readonly reader: DecisionReaderService,
    private readonly certificates: AwardCertificatesService,
    private readonly seal: DocumentSealService,
  ) {}

  /** The decision in its issuer's format (party or state), citing the legal bases in force on its
   * date and the council only when the chain had a council vote. */
  async decisionPdf(id: string): Promise<Buffer> {
    const d = await this.reader.getOrFail(id);
    const [source, entries] = await Promise.all([
      this.sources.issuer(d.authorityUnitId),
      this.sources.decisionEntries(d.nominationIds),
    ]);
    const issuer: DocumentIssuer = resolveDocumentIssuer(
      source ?? { code: '', name: '', orgKind: null, parentName: null, documentProfile: null },
    );
    const signedOn = d.signedOn.toISOString().slice(0, 10);
    const formBases = entries.flatMap((e) => e.legalBases);
    const data: DecisionData = {
      number: documentNumberOf(issuer, d.number),
      signedOn,
      heading: {
        style: issuer.style,
        superiorName: issuer.superiorName,
        issuerName: issuer.issuerName,
      },
      authorityName: source?.name ?? issuer.issuerName,
      place: issuer.place,
      title: decisionSubjectLine(d.title),
      decidingBody: issuer.decidingBody,
      basis: decisionBasisLines({
        // Forms stored before legal bases existed cite the national laws of the date.
        legalBases: formBases.length > 0 ? formBases : NATIONAL_LEGAL_BASES,
        signedOn,
        hasCouncilStep: entries.some((e) => e.hasCouncilStep),
        issuer,
      }),
      articles: [
        articleOne(entries),
        'Quyết định có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành.',
      ],
      signerLines: signerBlockLines(issuer, d.signerTitle),
      signerName: d.signerName ?? issuer.signerName,
      recipients: entries.map((e) => ({
        kind: e.nomineeKind,
        name: e.nomineeName,
        position: e.nomineeKind === 'PERSON' ? e.position : null,
        unitName: e.unitName,
        achievement: e.achievement,
        formName: e.formName,
      })),
    };
    return this.seal.sealed(
      { reason: `Quyết định số ${data.number}`, location: data.place },
      (seal) => renderDecisionPdf(data, { seal }),
    );
  }

  /** Every certificate of an issued decision, one page each (for printing before the ceremony). */
  async certificatesPdf(id: string): Promise<Buffer> {
    const d = await this.reader.getOrFail(id);
    if (d.status !== 'ISSUED')
      throw new DomainException(DomainErrorCode.NotAwaitingDecision, { nominee: '' });
    const awards = await this.decisions.awardsOf(id);
    const certs = await Promise.all(awards.map((a) => this.certificates.certificateData(a)));
    return this.seal.sealed(
      {
        reason: `Giấy chứng nhận theo Quyết định số ${certs[0]?.decisionNumber ?? d.number}`,
        location: certs[0]?.place ?? '',
      },
      (seal) => renderCertificatesPdf(certs, { seal }),
    );
  }
}
