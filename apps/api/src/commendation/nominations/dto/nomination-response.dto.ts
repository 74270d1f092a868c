import { ApiProperty } from '@nestjs/swagger';
import { STEP_KINDS } from '@epw/domain';
import { AwardPeriodViewDto } from '../../award-period.dto';
import { NOMINATION_STATUSES, NOMINEE_KINDS } from './nomination.dto';

const STEP_ROLES = ['UNIT_SIGNER', 'REVIEWER', 'COUNCIL_MEMBER'];

export class NominationTextDto {
  @ApiProperty({ example: 'Thủ trưởng đơn vị trình' }) vi!: string;
  @ApiProperty({ example: 'Unit head submits' }) en!: string;
}

export class NominationStepDto {
  @ApiProperty({ example: 'unit-head' }) key!: string;
  @ApiProperty({ enum: STEP_KINDS }) kind!: string;
  @ApiProperty({ type: NominationTextDto }) title!: NominationTextDto;
  @ApiProperty() slaWorkingDays!: number;
}

export class NominationCurrentStepDto {
  @ApiProperty({ description: 'Index of the step in `steps`' }) index!: number;
  @ApiProperty() key!: string;
  @ApiProperty({ enum: STEP_KINDS }) kind!: string;
  @ApiProperty({ type: NominationTextDto }) title!: NominationTextDto;
  @ApiProperty() actorUnitName!: string;
  @ApiProperty({ enum: STEP_ROLES }) actorRole!: string;
}

export class NominationSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'GK-BDV' }) formCode!: string;
  @ApiProperty({ description: 'Name of the award form (Vietnamese)' }) formName!: string;
  @ApiProperty({ enum: ['BASE', 'BLOC', 'DISTRICT', 'PROVINCE', 'CENTRAL'] }) level!: string;
  @ApiProperty({ description: "The period's last year" }) year!: number;
  @ApiProperty({ type: String, nullable: true, example: 'DVK' }) movementCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) movementName!: string | null;
  @ApiProperty({ type: AwardPeriodViewDto }) period!: AwardPeriodViewDto;
  @ApiProperty({ enum: NOMINEE_KINDS }) nomineeKind!: string;
  @ApiProperty() nomineeName!: string;
  @ApiProperty({ format: 'uuid', description: 'The unit the achievement belongs to' })
  unitId!: string;
  @ApiProperty({ format: 'uuid' }) proposerUnitId!: string;
  @ApiProperty({ format: 'uuid' }) authorityUnitId!: string;
  @ApiProperty({ enum: NOMINATION_STATUSES }) status!: string;
  @ApiProperty({ description: 'Review round: 1, plus one per return for revision' })
  round!: number;
  @ApiProperty() achievement!: string;
  @ApiProperty({
    type: NominationCurrentStepDto,
    nullable: true,
    description: 'The step it waits on; null once it left the chain',
  })
  currentStep!: NominationCurrentStepDto | null;
  @ApiProperty({ type: [NominationStepDto] }) steps!: NominationStepDto[];
  @ApiProperty({ nullable: true, type: String, description: "The current step's SLA deadline" })
  stepDueAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) postedUntil!: string | null;
  @ApiProperty({ nullable: true, type: String }) closedReason!: string | null;
  @ApiProperty() submittedAt!: string;
}

export class NominationViewStepDto {
  @ApiProperty() key!: string;
  @ApiProperty({ type: NominationTextDto }) title!: NominationTextDto;
  @ApiProperty({ enum: STEP_KINDS }) kind!: string;
}

export class NominationLiveStepDto {
  @ApiProperty() key!: string;
  @ApiProperty({ enum: STEP_KINDS }) kind!: string;
  @ApiProperty({ type: NominationTextDto }) title!: NominationTextDto;
  @ApiProperty({ format: 'uuid' }) actorUnitId!: string;
  @ApiProperty() actorUnitName!: string;
  @ApiProperty({ enum: STEP_ROLES }) actorRole!: string;
  @ApiProperty({ nullable: true, type: String }) dueAt!: string | null;
}

export class NominationHistoryEntryDto {
  @ApiProperty() stepKey!: string;
  @ApiProperty() round!: number;
  @ApiProperty() action!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorUserId!: string | null;
  @ApiProperty() at!: string;
}

export class NominationViewObjectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'User id of who filed it' }) filedBy!: string;
  @ApiProperty({ nullable: true, type: Boolean }) upheld!: boolean | null;
  @ApiProperty({ nullable: true, type: String }) resolution!: string | null;
}

export class CouncilProgressDto {
  @ApiProperty() eligibleCount!: number;
  @ApiProperty({ type: [String], description: 'Members who voted (never how)' }) voted!: string[];
}

export class NominationDecisionRefDto {
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ example: '2026-10-15' }) signedOn!: string;
  @ApiProperty({ format: 'uuid' }) awardId!: string;
}

/** The live state of a nomination's workflow (what an action returns once accepted). */
export class NominationViewDto {
  @ApiProperty({ format: 'uuid' }) nominationId!: string;
  @ApiProperty({ enum: NOMINATION_STATUSES }) status!: string;
  @ApiProperty() formCode!: string;
  @ApiProperty() formName!: string;
  @ApiProperty() nomineeName!: string;
  @ApiProperty() round!: number;
  @ApiProperty() stepIndex!: number;
  @ApiProperty({ type: NominationLiveStepDto, nullable: true })
  currentStep!: NominationLiveStepDto | null;
  @ApiProperty({ type: [NominationViewStepDto] }) steps!: NominationViewStepDto[];
  @ApiProperty({ type: [NominationHistoryEntryDto] }) history!: NominationHistoryEntryDto[];
  @ApiProperty({ type: [NominationViewObjectionDto] })
  objections!: NominationViewObjectionDto[];
  @ApiProperty() postingOpen!: boolean;
  @ApiProperty({ type: CouncilProgressDto, nullable: true }) council!: CouncilProgressDto | null;
  @ApiProperty({ nullable: true, type: String }) closedReason!: string | null;
  @ApiProperty({ type: NominationDecisionRefDto, nullable: true })
  decision!: NominationDecisionRefDto | null;
}

export class DossierDocumentInfoDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() mediaType!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() uploadedAt!: string;
}

export class NominationActionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) nominationId!: string;
  @ApiProperty() stepIndex!: number;
  @ApiProperty() stepKey!: string;
  @ApiProperty() round!: number;
  @ApiProperty({ example: 'APPROVE' }) action!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorUserId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorUnitId!: string | null;
  @ApiProperty() at!: string;
  @ApiProperty() eventKey!: string;
}

/** Who filed an objection from the public posting page (shown to oversight roles only). */
export class PublicObjectorDto {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Phone number or e-mail address' }) contact!: string;
}

export class NominationObjectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) nominationId!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'uuid' }) filedById!: string;
  @ApiProperty() filedAt!: string;
  @ApiProperty({ nullable: true, type: Boolean }) upheld!: boolean | null;
  @ApiProperty({ nullable: true, type: String }) resolution!: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedById!: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedAt!: string | null;
  @ApiProperty() eventKey!: string;
  @ApiProperty({
    type: PublicObjectorDto,
    nullable: true,
    description:
      'Filed from the public posting page: who and how to reach them (null otherwise, or when the reader is not a reviewer, council member, authority or administrator)',
  })
  publicObjector!: PublicObjectorDto | null;
}

export class NominationAwardRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) serial!: string | null;
  @ApiProperty({ nullable: true, type: String }) verificationCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
}

export class CouncilTallyDto {
  @ApiProperty() eligibleCount!: number;
  @ApiProperty() ballotsCast!: number;
  @ApiProperty() writtenBallots!: number;
  @ApiProperty() approvals!: number;
  @ApiProperty() thresholdPercent!: number;
  @ApiProperty() passed!: boolean;
}

export class NominationDetailDto extends NominationSummaryDto {
  @ApiProperty({
    type: NominationViewDto,
    nullable: true,
    description: "The workflow's live state; null once it is no longer queryable",
  })
  live!: NominationViewDto | null;
  @ApiProperty({ type: [DossierDocumentInfoDto] }) documents!: DossierDocumentInfoDto[];
  @ApiProperty({ type: [NominationActionDto] }) actions!: NominationActionDto[];
  @ApiProperty({ type: [NominationObjectionDto] }) objections!: NominationObjectionDto[];
  @ApiProperty({ type: NominationAwardRefDto, nullable: true })
  award!: NominationAwardRefDto | null;
  @ApiProperty({ type: CouncilTallyDto, nullable: true }) voteTally!: CouncilTallyDto | null;
  @ApiProperty({ nullable: true, type: String }) voteMinutes!: string | null;
}

export class NominationCreatedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'nomination-7f0c…' }) workflowId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'DVK' }) movementCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) movementName!: string | null;
  @ApiProperty({ type: AwardPeriodViewDto }) period!: AwardPeriodViewDto;
}

export class DossierRevisedDto {
  @ApiProperty({ format: 'uuid' }) nominationId!: string;
  @ApiProperty({ description: 'Files added' }) uploaded!: number;
  @ApiProperty({ description: 'The revision they were added as' }) revision!: number;
}

export class PostingDto {
  @ApiProperty({ format: 'uuid' }) nominationId!: string;
  @ApiProperty() nomineeName!: string;
  @ApiProperty({ enum: NOMINEE_KINDS }) nomineeKind!: string;
  @ApiProperty() formName!: string;
  @ApiProperty({ nullable: true, type: String }) authorityName!: string | null;
  @ApiProperty() achievement!: string;
  @ApiProperty({ nullable: true, type: String }) postedFrom!: string | null;
  @ApiProperty({ nullable: true, type: String }) postedUntil!: string | null;
}

export class VoteMinutesDto {
  @ApiProperty({ format: 'uuid' }) nominationId!: string;
  @ApiProperty({ type: CouncilTallyDto, nullable: true }) tally!: CouncilTallyDto | null;
  @ApiProperty({ description: 'Biên bản kiểm phiếu: the first line is the title' })
  minutes!: string;
}
