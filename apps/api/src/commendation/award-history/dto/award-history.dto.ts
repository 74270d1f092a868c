import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min, ValidateIf } from 'class-validator';
import {
  EnumProperty,
  MovementCodeProperty,
  TextProperty,
  UuidProperty,
  YearProperty,
} from '../../../common/dto-properties';
import { AwardPeriodDto, AwardPeriodViewDto } from '../../award-period.dto';
import {
  AwardPeriodProperty,
  FormCodeProperty,
  MovementNameProperty,
} from '../../commendation-properties';
import { NOMINEE_KINDS, type NomineeKind } from '../../nominations/dto/nomination.dto';

const PERIOD_KINDS = ['YEAR', 'QUARTER', 'PHASE'] as const;

export class AwardHistoryQueryDto {
  @UuidProperty({ optional: true })
  unitId?: string;

  @UuidProperty({ optional: true })
  personId?: string;

  @UuidProperty({ optional: true })
  initiativeId?: string;

  @YearProperty({ optional: true, fromText: true })
  year?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,40}$/)
  formCode?: string;

  @EnumProperty({ values: NOMINEE_KINDS, optional: true, description: 'Only this kind' })
  recipientKind?: NomineeKind;

  @MovementCodeProperty({ optional: true, description: 'Only awards of this movement' })
  movementCode?: string;

  @EnumProperty({
    values: PERIOD_KINDS,
    optional: true,
    description: 'Only yearly, quarterly or phase awards',
  })
  periodKind?: (typeof PERIOD_KINDS)[number];

  @EnumProperty({ values: ['json', 'xlsx', 'csv'] as const, optional: true })
  format?: 'json' | 'xlsx' | 'csv';
}

/** An award from before the system (for eligibility rules that look back). */
export class RecordPastAwardDto {
  @FormCodeProperty({ example: 'LDTT' })
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

  @MovementCodeProperty({ optional: true, description: 'The movement the award was for' })
  movementCode?: string;

  @MovementNameProperty()
  movementName?: string;

  @AwardPeriodProperty(
    'The period: a year, a quarter or a multi-year phase (default: the year `year`)',
  )
  period?: AwardPeriodDto;

  @EnumProperty({ values: NOMINEE_KINDS })
  recipientKind!: NomineeKind;

  @UuidProperty()
  recipientId!: string;

  @TextProperty({ optional: true, min: 1, max: 60, printable: true, example: '45/QĐ-BDVTU' })
  decisionNumber?: string;

  @TextProperty({ optional: true, min: 3, max: 2000, example: 'Thành tích năm 2025' })
  achievement?: string;
}
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
  @ApiProperty({ enum: NOMINEE_KINDS }) recipientKind!: NomineeKind;
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
