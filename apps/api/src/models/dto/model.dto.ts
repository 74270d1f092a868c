import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { Trim } from '../../common/trim.transform';
import { AwardPeriodViewDto } from '../../commendation/award-period.dto';
import { AttachmentDto } from '../../registrations/dto/registration.dto';

const LEVELS = ['BASE', 'BLOC', 'DISTRICT', 'PROVINCE', 'CENTRAL'] as const;
const KINDS = ['MODEL', 'SOLUTION', 'WORK'] as const;

export class ModelQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only models this unit registered' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only models registered in this cycle' })
  @IsOptional()
  @IsUUID()
  cycleId?: string;

  @ApiPropertyOptional({
    example: 'thân thiện',
    description: 'Words of the title, the owner or the field (case-insensitive)',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  search?: string;

  @ApiPropertyOptional({ enum: KINDS, description: 'Mô hình / giải pháp / công trình' })
  @IsOptional()
  @IsIn(KINDS)
  kind?: (typeof KINDS)[number];

  @ApiPropertyOptional({ example: 100, description: 'At most this many (1–500, default 200)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class ModelUnitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class ModelCycleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() movementCode!: string;
  @ApiProperty() movementName!: string;
  @ApiProperty() periodLabel!: string;
}

export class ModelRegistrationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['SUBMITTED', 'LATE_PENDING', 'LATE_APPROVED', 'LATE_REJECTED'] })
  status!: string;
  @ApiProperty() submittedAt!: string;
  @ApiProperty() revision!: number;
}

export class ModelLevelCountDto {
  @ApiProperty({ enum: LEVELS }) level!: string;
  @ApiProperty({ description: 'Awards in force at this level' }) count!: number;
}

/** A registered model, solution or work (mô hình, giải pháp, công trình). */
export class ModelSummaryDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The id nominations of the model name (nomineeInitiativeId)',
  })
  id!: string;
  @ApiProperty({ enum: KINDS }) kind!: string;
  @ApiProperty({ description: 'Lĩnh vực' }) field!: string;
  @ApiProperty() isNew!: boolean;
  @ApiProperty({ enum: ['COLLECTIVE', 'INDIVIDUAL'] }) ownerType!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: ModelUnitDto, description: 'The unit that registered it' })
  unit!: ModelUnitDto;
  @ApiProperty({ type: ModelCycleDto }) cycle!: ModelCycleDto;
  @ApiProperty({ type: ModelRegistrationDto }) registration!: ModelRegistrationDto;
  @ApiProperty({
    type: [ModelLevelCountDto],
    description: 'Levels at which it is recognized (awards in force), lowest first',
  })
  recognized!: ModelLevelCountDto[];
  @ApiProperty({ enum: LEVELS, nullable: true, type: String }) highestLevel!: string | null;
}

export class ModelAuthorityDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ModelAwardDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['DECISION', 'HISTORY'] }) source!: string;
  @ApiProperty() formCode!: string;
  @ApiProperty() formName!: string;
  @ApiProperty({ enum: LEVELS }) level!: string;
  @ApiProperty({
    type: ModelAuthorityDto,
    nullable: true,
    description: 'The organisation that decided it',
  })
  authority!: ModelAuthorityDto | null;
  @ApiProperty({ type: AwardPeriodViewDto }) period!: AwardPeriodViewDto;
  @ApiProperty({ type: String, nullable: true }) movementCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) movementName!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'YYYY-MM-DD' })
  decisionDate!: string | null;
  @ApiProperty({ type: String, nullable: true }) serial!: string | null;
  @ApiProperty() revoked!: boolean;
}

export class ModelNominationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() formCode!: string;
  @ApiProperty() formName!: string;
  @ApiProperty({ enum: LEVELS }) level!: string;
  @ApiProperty({ enum: ['IN_REVIEW', 'RETURNED', 'POSTED', 'VOTING', 'AWAITING_DECISION'] })
  status!: string;
  @ApiProperty({ type: String, nullable: true }) currentStepKey!: string | null;
  @ApiProperty({ type: ModelAuthorityDto, nullable: true }) authority!: ModelAuthorityDto | null;
  @ApiProperty({ type: AwardPeriodViewDto }) period!: AwardPeriodViewDto;
  @ApiProperty() submittedAt!: string;
}

/** One level of the model's recognition history. */
export class ModelLevelHistoryDto {
  @ApiProperty({ enum: LEVELS }) level!: string;
  @ApiProperty({ type: [ModelAwardDto], description: 'Recognitions at this level (revoked too)' })
  awards!: ModelAwardDto[];
  @ApiProperty({ type: [ModelNominationDto], description: 'Nominations at this level in progress' })
  inProgress!: ModelNominationDto[];
}

export class ModelDetailDto extends ModelSummaryDto {
  @ApiProperty() description!: string;
  @ApiProperty({ type: [AttachmentDto] }) attachments!: unknown;
  @ApiProperty({
    type: [ModelLevelHistoryDto],
    description: 'Every level, base first (cơ sở → khối → tỉnh, thành phố → trung ương)',
  })
  history!: ModelLevelHistoryDto[];
}
