import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { Trim } from '../../../common/trim.transform';

export class AwardHistoryQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  initiativeId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,40}$/)
  formCode?: string;

  @ApiPropertyOptional({ enum: ['UNIT', 'PERSON', 'INITIATIVE'], description: 'Only this kind' })
  @IsOptional()
  @IsIn(['UNIT', 'PERSON', 'INITIATIVE'])
  recipientKind?: 'UNIT' | 'PERSON' | 'INITIATIVE';

  @ApiPropertyOptional({ enum: ['json', 'xlsx', 'csv'] })
  @IsOptional()
  @IsIn(['json', 'xlsx', 'csv'])
  format?: 'json' | 'xlsx' | 'csv';
}

/** An award from before the system (for eligibility rules that look back). */
export class RecordPastAwardDto {
  @ApiProperty({ example: 'LDTT' })
  @Matches(/^[A-Z0-9-]{2,40}$/, { message: 'formCode must be an award form code' })
  formCode!: string;

  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1975)
  @Max(2100)
  year!: number;

  @ApiProperty({ enum: ['UNIT', 'PERSON', 'INITIATIVE'] })
  @IsIn(['UNIT', 'PERSON', 'INITIATIVE'])
  recipientKind!: 'UNIT' | 'PERSON' | 'INITIATIVE';

  @ApiProperty()
  @IsUUID()
  recipientId!: string;

  @ApiPropertyOptional({ example: '45/QĐ-BDVTU' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 60)
  decisionNumber?: string;

  @ApiPropertyOptional({ example: 'Thành tích năm 2025' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(3, 2000)
  achievement?: string;
}

const KINDS = ['UNIT', 'PERSON', 'INITIATIVE'] as const;
const LEVELS = ['BASE', 'BLOC', 'DISTRICT', 'PROVINCE', 'CENTRAL'] as const;

/** One award of the history: given by a decision of this system or entered from earlier records. */
export class AwardRecordDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['DECISION', 'HISTORY'] }) source!: 'DECISION' | 'HISTORY';
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ example: 'LDTT' }) formCode!: string;
  @ApiProperty({ example: 'Lao động tiên tiến' }) formName!: string;
  @ApiProperty({ enum: LEVELS }) level!: (typeof LEVELS)[number];
  @ApiProperty({ enum: KINDS }) recipientKind!: (typeof KINDS)[number];
  @ApiProperty() recipientName!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The unit, person or model awarded (filter the history by it)',
  })
  recipientId!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The unit the award counts for' }) unitId!: string;
  @ApiProperty({ type: String, nullable: true }) unitName!: string | null;
  @ApiProperty({ type: String, nullable: true }) unitCode!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) authorityUnitId!: string | null;
  @ApiProperty({ type: String, nullable: true }) authorityName!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-10-12' })
  decisionDate!: string | null;
  @ApiProperty({ type: String, nullable: true }) serial!: string | null;
  @ApiProperty({ type: String, nullable: true }) verificationCode!: string | null;
  @ApiProperty({ enum: ['VALID', 'REVOKED'] }) status!: 'VALID' | 'REVOKED';
  @ApiProperty({ type: String, nullable: true }) revokedReason!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  recoveredAt!: string | null;
}

export class RecordedAwardDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}
