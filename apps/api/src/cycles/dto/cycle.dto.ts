import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsObject,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PrintableText } from '../../common/printable-text';
import {
  MovementCodeProperty,
  OptionalNotNull,
  PageProperty,
  PageSizeProperty,
  RulesProperty,
  UuidProperty,
  YearProperty,
} from '../../common/dto-properties';

export const PERIOD_KINDS = ['YEAR', 'QUARTER', 'PHASE'] as const;
export const CYCLE_STATUSES = ['PLANNED', 'ACTIVE', 'CLOSED'] as const;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The movement's name as documents print it (kept as written: not trimmed). */
export const MovementNameProperty = () =>
  RulesProperty(
    { example: 'Phong trào thi đua "Dân vận khéo"' },
    IsString(),
    PrintableText(),
    Length(3, 200),
  );

export class ListCyclesQueryDto {
  @UuidProperty({ optional: true, format: 'uuid' })
  clusterId?: string;

  @YearProperty({
    optional: true,
    fromText: true,
    example: 2026,
    description: 'Cycles whose period overlaps this year',
  })
  year?: number;

  @MovementCodeProperty({ optional: true })
  movementCode?: string;

  @ApiPropertyOptional({ enum: CYCLE_STATUSES })
  @IsOptional()
  @IsIn(CYCLE_STATUSES)
  status?: (typeof CYCLE_STATUSES)[number];

  @PageProperty()
  page: number = 1;

  @PageSizeProperty()
  pageSize: number = 20;
}

export class PledgeDraftDto {
  @ApiProperty({ example: 'Nội dung ký kết giao ước thi đua công tác dân vận năm 2026' })
  @IsString()
  @PrintableText()
  @Length(5, 300)
  title!: string;

  @ApiPropertyOptional({ type: [String], description: 'Documents adopted with the pledge' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(3, 300, { each: true })
  documents: string[] = [];

  @ApiProperty({ type: [String], description: 'The commitments and targets, in order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(5, 2000, { each: true })
  items!: string[];
}

export class CreateCycleDto {
  @UuidProperty({ format: 'uuid' })
  clusterId!: string;

  @MovementCodeProperty({ description: 'Movement code, e.g. DVK for "Dân vận khéo"' })
  movementCode!: string;

  @MovementNameProperty()
  movementName!: string;

  @ApiProperty({ enum: PERIOD_KINDS })
  @IsIn(PERIOD_KINDS)
  periodKind!: (typeof PERIOD_KINDS)[number];

  @ApiProperty({ example: '2026', description: 'YEAR: 2026; QUARTER: 2026-Q3; PHASE: 2021-2023' })
  @Matches(/^\d{4}(-Q[1-4]|-\d{4})?$/, {
    message: 'periodLabel must look like 2026, 2026-Q3 or 2021-2023',
  })
  periodLabel!: string;

  @ApiProperty({ example: '2026-01-01', description: 'First day (Asia/Ho_Chi_Minh)' })
  @Matches(DATE_PATTERN, { message: 'startsOn must be a date YYYY-MM-DD' })
  startsOn!: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last day (Asia/Ho_Chi_Minh)' })
  @Matches(DATE_PATTERN, { message: 'endsOn must be a date YYYY-MM-DD' })
  endsOn!: string;

  @ApiPropertyOptional({
    default: 1,
    description:
      'Calendar days per real day. 1 = the real calendar; 525600 runs a year in one real minute (demos, tests).',
  })
  @OptionalNotNull()
  @IsNumber()
  @Min(1)
  @Max(100_000_000)
  calendarScale: number = 1;

  @ApiProperty({ type: PledgeDraftDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PledgeDraftDto)
  pledge!: PledgeDraftDto;
}

export class ClusterRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class SigningRoundRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() status!: string;
  @ApiProperty() deadlineAt!: string;
}

export class PledgeSummaryDto {
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) documents!: string[];
  @ApiProperty({ description: '0 = draft, not yet opened for signing' }) currentVersion!: number;
  @ApiProperty({ type: [String] }) currentItems!: string[];
  @ApiProperty() contentHash!: string;
  @ApiProperty({ nullable: true, type: String }) effectiveAt!: string | null;
}

export class CycleDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: ClusterRefDto }) cluster!: ClusterRefDto;
  @ApiProperty() movementCode!: string;
  @ApiProperty() movementName!: string;
  @ApiProperty({ enum: PERIOD_KINDS }) periodKind!: string;
  @ApiProperty() periodLabel!: string;
  @ApiProperty() startsOn!: string;
  @ApiProperty() endsOn!: string;
  @ApiProperty({ enum: CYCLE_STATUSES }) status!: string;
  @ApiProperty() calendarScale!: number;
  @ApiProperty() calendarEpoch!: string;
  @ApiProperty({ type: PledgeSummaryDto, nullable: true }) pledge!: PledgeSummaryDto | null;
  @ApiProperty({ type: SigningRoundRefDto, nullable: true })
  signingRound!: SigningRoundRefDto | null;
}

export class CyclePageDto {
  @ApiProperty({ type: [CycleDto] }) items!: CycleDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
