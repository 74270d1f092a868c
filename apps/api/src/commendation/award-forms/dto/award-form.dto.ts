import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AWARD_CATEGORIES, NOMINEE_KINDS, STEP_ACTORS, STEP_KINDS } from '@epw/domain';

const LEVELS = ['BASE', 'BLOC', 'DISTRICT', 'PROVINCE', 'CENTRAL'];

export class AwardFormTextDto {
  @ApiProperty({ example: 'Giấy khen' }) vi!: string;
  @ApiProperty({ example: 'Certificate of merit' }) en!: string;
}

export class DossierItemDefinitionDto {
  @ApiProperty({ example: 'to-trinh' }) kind!: string;
  @ApiProperty({ type: AwardFormTextDto }) label!: AwardFormTextDto;
  @ApiProperty() required!: boolean;
}

export class ChainStepDefinitionDto {
  @ApiProperty({ example: 'unit-head' }) key!: string;
  @ApiProperty({ enum: [...STEP_KINDS] }) kind!: string;
  @ApiProperty({ enum: [...STEP_ACTORS] }) actor!: string;
  @ApiProperty({ type: AwardFormTextDto }) title!: AwardFormTextDto;
  @ApiProperty({ description: 'Processing limit in working days; past it the step escalates' })
  slaWorkingDays!: number;
  @ApiPropertyOptional({ description: 'POSTING: how long nominees are posted, in working days' })
  postingWorkingDays?: number;
  @ApiPropertyOptional({ description: 'COUNCIL_VOTE: approval needs this share of all members' })
  thresholdPercent?: number;
}

export class AwardFormRemindersDto {
  @ApiProperty({ type: [Number] }) offsetsWorkingDays!: number[];
}

export class AwardFormQuotaDto {
  @ApiProperty({ description: "Share of a unit's headcount that may receive the form in a year" })
  percentOfHeadcount!: number;
}

export class EarlierAwardRuleDto {
  @ApiProperty({ type: [String] }) formCodes!: string[];
  @ApiProperty() label!: string;
}

export class ConsecutiveYearsRuleDto {
  @ApiProperty({ type: [String] }) formCodes!: string[];
  @ApiProperty() years!: number;
  @ApiProperty() label!: string;
}

export class LowerLevelRuleDto {
  @ApiProperty() formCode!: string;
  @ApiProperty() label!: string;
}

export class EligibilityRulesDto {
  @ApiPropertyOptional({ type: EarlierAwardRuleDto, nullable: true })
  requiresEarlierAward?: EarlierAwardRuleDto | null;
  @ApiPropertyOptional({ type: ConsecutiveYearsRuleDto, nullable: true })
  consecutiveYears?: ConsecutiveYearsRuleDto | null;
  @ApiPropertyOptional({ type: LowerLevelRuleDto, nullable: true })
  requiresLowerLevel?: LowerLevelRuleDto | null;
}

export class CertificateTemplateDto {
  @ApiProperty() signerTitle!: string;
  @ApiProperty({ description: '{movement}, {year} and {period} are filled in' })
  achievementTemplate!: string;
}

export class LegalBasisDto {
  @ApiProperty() text!: string;
  @ApiProperty({ example: '2022-06-15' }) effectiveFrom!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2030-12-31' })
  effectiveTo?: string | null;
}

/** One version of an award form as libs/domain's AwardFormContent stores it. */
export class AwardFormContentDto {
  @ApiProperty({ example: 'GK-BDV' }) code!: string;
  @ApiProperty({ type: AwardFormTextDto }) name!: AwardFormTextDto;
  @ApiProperty({ enum: [...AWARD_CATEGORIES] }) category!: string;
  @ApiProperty({ enum: LEVELS }) level!: string;
  @ApiProperty({ description: 'Code of the deciding authority' }) authorityCode!: string;
  @ApiProperty({ enum: [...NOMINEE_KINDS], isArray: true }) nomineeKinds!: string[];
  @ApiPropertyOptional({ type: [DossierItemDefinitionDto] }) dossier?: DossierItemDefinitionDto[];
  @ApiProperty({ type: [ChainStepDefinitionDto] }) chain!: ChainStepDefinitionDto[];
  @ApiProperty({ type: AwardFormRemindersDto }) reminders!: AwardFormRemindersDto;
  @ApiPropertyOptional({ type: AwardFormQuotaDto, nullable: true })
  quota?: AwardFormQuotaDto | null;
  @ApiPropertyOptional({ type: EligibilityRulesDto, nullable: true })
  eligibility?: EligibilityRulesDto | null;
  @ApiProperty({ type: CertificateTemplateDto }) certificate!: CertificateTemplateDto;
  @ApiPropertyOptional({ type: [LegalBasisDto], nullable: true, description: 'Cited by decisions' })
  legalBases?: LegalBasisDto[] | null;
}

export class AwardFormAuthorityDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'BDVTU' }) code!: string;
  @ApiProperty() name!: string;
}

/** The latest version of an award form, with its deciding authority. */
export class AwardFormDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'GK-BDV' }) code!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'Name (Vietnamese)' }) name!: string;
  @ApiProperty({ enum: LEVELS }) level!: string;
  @ApiProperty({
    type: AwardFormAuthorityDto,
    nullable: true,
    description: 'null if the authority no longer exists',
  })
  authority!: AwardFormAuthorityDto | null;
  @ApiProperty({ type: AwardFormContentDto })
  content!: object;
}

/** A stored version of an award form, as published. */
export class AwardFormVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: LEVELS }) level!: string;
  @ApiProperty({ format: 'uuid' }) authorityUnitId!: string;
  @ApiProperty({ type: AwardFormContentDto })
  content!: object;
  @ApiProperty() active!: boolean;
  @ApiProperty({ nullable: true, type: String }) createdById!: string | null;
  @ApiProperty() createdAt!: string;
}

export class AuthorityDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: LEVELS, nullable: true, type: String }) level!: string | null;
}
