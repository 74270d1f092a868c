import type {
  DecisionRecipientRecord,
  DecisionRecord,
  DecisionSummaryRecord,
} from '@epw/data-access';
import type {
  AuthorityRefDto,
  DecisionDetailDto,
  DecisionRecipientDto,
  DecisionSummaryDto,
} from './dto/decision.dto';

type Authorities = Map<string, AuthorityRefDto>;

const day = (d: Date) => d.toISOString().slice(0, 10);

type DecisionHeading = Pick<
  DecisionSummaryDto,
  'id' | 'number' | 'signedOn' | 'title' | 'authority' | 'ceremonyName' | 'ceremonyOn'
>;

/** What a decision's list row and its detail both show first: its number, date, title, authority. */
function headingOf(
  d: Pick<
    DecisionRecord,
    'id' | 'number' | 'signedOn' | 'title' | 'authorityUnitId' | 'ceremonyName' | 'ceremonyOn'
  >,
  authorities: Authorities,
): DecisionHeading {
  return {
    id: d.id,
    number: d.number,
    signedOn: day(d.signedOn),
    title: d.title,
    authority: authorities.get(d.authorityUnitId) ?? null,
    ceremonyName: d.ceremonyName,
    ceremonyOn: d.ceremonyOn ? day(d.ceremonyOn) : null,
  };
}

export function toDecisionSummaryDto(
  d: DecisionSummaryRecord,
  authorities: Authorities,
): DecisionSummaryDto {
  return {
    ...headingOf(d, authorities),
    status: d.status,
    nominations: d.nominationIds.length,
    awards: d.awardCount,
  };
}

export function toDecisionRecipientDto(n: DecisionRecipientRecord): DecisionRecipientDto {
  return {
    nominationId: n.nominationId,
    nomineeName: n.nomineeName,
    nomineeKind: n.nomineeKind,
    formName: n.formName,
    status: n.status,
    award: n.award
      ? {
          id: n.award.id,
          serial: n.award.serial,
          verificationCode: n.award.verificationCode,
          revoked: n.award.revokedAt !== null,
        }
      : null,
  };
}

export function toDecisionDetailDto(
  d: DecisionRecord,
  authorities: Authorities,
  recipients: DecisionRecipientRecord[],
): DecisionDetailDto {
  return {
    ...headingOf(d, authorities),
    signerName: d.signerName,
    signerTitle: d.signerTitle,
    status: d.status,
    issuedAt: d.issuedAt?.toISOString() ?? null,
    recipients: recipients.map(toDecisionRecipientDto),
  };
}
