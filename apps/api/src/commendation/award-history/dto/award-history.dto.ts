import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../../common/trim.transform';
import { AwardPeriodDto, AwardPeriodViewDto, MOVEMENT_CODE } from '../../award-period.dto';
import { PrintableText } from '../../../common/printable-text';

const PERIOD_KINDS = ['YEAR', 'QUARTER', 'PHASE'] as const;

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

  @ApiPropertyOptional({ example: 'DVK', description: 'Only awards of this movement' })
  @IsOptional()
  @Matches(MOVEMENT_CODE, { message: 'movementCode must be 2-20 of A-Z, 0-9 and -' })
  movementCode?: string;

  @ApiPropertyOptional({
    enum: PERIOD_KINDS,
    description: 'Only yearly, quarterly or phase awards',
  })
  @IsOptional()
  @IsIn(PERIOD_KINDS)
  periodKind?: (typeof PERIOD_KINDS)[number];

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

  @ApiPropertyOptional({
    example: 2025,
    description: "The award's year; with `period`, may be left out (it is the period's last year)",
  })
  @ValidateIf((o: RecordPastAwardDto) => o.period === undefined || o.year !== undefined)
  @IsInt()
  @Min(1975)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ example: 'DVK', description: 'The movement the award was for' })
  @IsOptional()
  @Matches(MOVEMENT_CODE, { message: 'movementCode must be 2-20 of A-Z, 0-9 and -' })
  movementCode?: string;

  @ApiPropertyOptional({ example: 'Phong trào thi đua "Dân vận khéo"' })
  @IsOptional()
  @Trim()
  @IsString()
  @PrintableText()
  @Length(3, 200)
  movementName?: string;

  @ApiPropertyOptional({
    type: AwardPeriodDto,
    description: 'The period: a year, a quarter or a multi-year phase (default: the year `year`)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AwardPeriodDto)
  period?: AwardPeriodDto;

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
  @PrintableText()
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
  @ApiProperty({ example: 2026, description: "The period's last year" }) year!: number;
  @ApiProperty({ type: String, nullable: true, example: 'DVK' }) movementCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) movementName!: string | null;
  @ApiProperty({ type: AwardPeriodViewDto }) period!: AwardPeriodViewDto;
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
