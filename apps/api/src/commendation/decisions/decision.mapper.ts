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

export function toDecisionSummaryDto(
  d: DecisionSummaryRecord,
  authorities: Authorities,
): DecisionSummaryDto {
  return {
    id: d.id,
    number: d.number,
    signedOn: day(d.signedOn),
    title: d.title,
    authority: authorities.get(d.authorityUnitId) ?? null,
    ceremonyName: d.ceremonyName,
    ceremonyOn: d.ceremonyOn ? day(d.ceremonyOn) : null,
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
    id: d.id,
    number: d.number,
    signedOn: day(d.signedOn),
    title: d.title,
    authority: authorities.get(d.authorityUnitId) ?? null,
    ceremonyName: d.ceremonyName,
    ceremonyOn: d.ceremonyOn ? day(d.ceremonyOn) : null,
    signerName: d.signerName,
    signerTitle: d.signerTitle,
    status: d.status,
    issuedAt: d.issuedAt?.toISOString() ?? null,
    recipients: recipients.map(toDecisionRecipientDto),
  };
}
