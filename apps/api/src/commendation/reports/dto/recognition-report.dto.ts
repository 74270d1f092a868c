import { ApiProperty } from '@nestjs/swagger';
import { MAX_AWARD_YEAR, MIN_AWARD_YEAR, type AwardPeriodKind } from '@epw/domain';
import {
  EnumProperty,
  IntProperty,
  MovementCodeProperty,
  UuidProperty,
  YearProperty,
} from '../../../common/dto-properties';
import { AwardPeriodViewDto } from '../../award-period.dto';

const LEVELS = ['BASE', 'BLOC', 'DISTRICT', 'PROVINCE', 'CENTRAL'] as const;
const KINDS = ['UNIT', 'PERSON', 'INITIATIVE'] as const;
const PERIOD_KINDS: AwardPeriodKind[] = ['YEAR', 'QUARTER', 'PHASE'];

export class RecognitionReportQueryDto {
  @UuidProperty({
    optional: true,
    format: 'uuid',
    description:
      "The organisation whose subtree's decisions are counted. Default: the caller's own unit; " +
      'oversight roles (ADMIN, REVIEWER, COUNCIL_MEMBER, AUTHORITY) default to every organisation ' +
      'and may name any. Others may name their own subtree, or an organisation that recognized ' +
      'their unit (then only awards to their subtree are counted); 403 REPORT_OUTSIDE_SCOPE otherwise.',
  })
  organisationId?: string;

  @MovementCodeProperty({ optional: true, description: 'Only awards of this movement' })
  movementCode?: string;

  @EnumProperty({
    values: PERIOD_KINDS,
    optional: true,
    description:
      'Only awards of exactly this period: with `year` (its last year), `quarter` for QUARTER, ' +
      '`startYear` for PHASE. Not combined with yearFrom / yearTo.',
  })
  periodKind?: AwardPeriodKind;

  @IntProperty({
    optional: true,
    fromText: true,
    min: 1,
    max: 4,
    example: 3,
    description: 'periodKind QUARTER: 1 to 4',
  })
  quarter?: number;

  @IntProperty({
    optional: true,
    fromText: true,
    min: MIN_AWARD_YEAR,
    max: MAX_AWARD_YEAR,
    example: 2021,
    description: "periodKind PHASE: the phase's first year",
  })
  startYear?: number;

  @YearProperty({
    optional: true,
    fromText: true,
    description: 'One year (same as yearFrom = yearTo)',
    example: 2026,
  })
  year?: number;

  @YearProperty({
    optional: true,
    fromText: true,
    description: 'First year of the period',
    example: 2024,
  })
  yearFrom?: number;

  @YearProperty({
    optional: true,
    fromText: true,
    description: 'Last year of the period (not before yearFrom)',
    example: 2026,
  })
  yearTo?: number;

  @EnumProperty({ values: LEVELS, optional: true, description: 'Only awards of this level' })
  level?: (typeof LEVELS)[number];

  @EnumProperty({ values: KINDS, optional: true, description: 'Only this kind of recipient' })
  recipientKind?: (typeof KINDS)[number];

  @EnumProperty({
    values: ['json', 'xlsx', 'pdf'] as const,
    optional: true,
    description: 'json (default), or the report as a workbook or a PDF',
  })
  format?: 'json' | 'xlsx' | 'pdf';
}

export class RecognitionCountDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The group (a level, a field, a movement…); null: none recorded',
  })
  key!: string | null;
  @ApiProperty() count!: number;
}

export class RecognitionLevelsDto {
  @ApiProperty() BASE!: number;
  @ApiProperty() BLOC!: number;
  @ApiProperty() DISTRICT!: number;
  @ApiProperty() PROVINCE!: number;
  @ApiProperty() CENTRAL!: number;
}

export class RecognitionYearDto {
  @ApiProperty() year!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ type: RecognitionLevelsDto }) levels!: RecognitionLevelsDto;
  @ApiProperty({ description: 'Tập thể: units and models of a collective' }) collective!: number;
  @ApiProperty({ description: 'Cá nhân: people and models of an individual' }) individual!: number;
}

export class RecognitionFormRowDto {
  @ApiProperty({ enum: LEVELS }) level!: string;
  @ApiProperty() formCode!: string;
  @ApiProperty() formName!: string;
  @ApiProperty({ enum: KINDS }) recipientKind!: string;
  @ApiProperty() count!: number;
}

/** An organisation a report is about. */
export class ReportOrganisationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: LEVELS, nullable: true, type: String }) level!: string | null;
}

export class RecognitionLevelTotalsDto {
  @ApiProperty({ enum: LEVELS }) level!: string;
  @ApiProperty({ description: 'Tập thể: units recognized' }) collectives!: number;
  @ApiProperty({ description: 'Cá nhân: people recognized' }) individuals!: number;
  @ApiProperty({ description: 'Mô hình, giải pháp, công trình recognized' }) models!: number;
  @ApiProperty() total!: number;
}

/** Recognitions of collectives, individuals and models, in all and per level. A model recognized
 * at three levels counts once at each. */
export class RecognitionTotalsDto {
  @ApiProperty() total!: number;
  @ApiProperty() collectives!: number;
  @ApiProperty() individuals!: number;
  @ApiProperty() models!: number;
  @ApiProperty({ type: [RecognitionLevelTotalsDto], description: 'Every level, lowest first' })
  levels!: RecognitionLevelTotalsDto[];
}

export class RecognitionChildReportDto {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    type: RecognitionTotalsDto,
    description: 'Decided by this organisation and every organisation beneath it',
  })
  totals!: RecognitionTotalsDto;
}

export class RecognitionReportFiltersDto {
  @ApiProperty({ type: String, nullable: true }) movementCode!: string | null;
  @ApiProperty({ type: AwardPeriodViewDto, nullable: true }) period!: AwardPeriodViewDto | null;
  @ApiProperty({ enum: LEVELS, nullable: true, type: String }) level!: string | null;
  @ApiProperty({ enum: KINDS, nullable: true, type: String }) recipientKind!: string | null;
}

export class RecognitionReportDto {
  @ApiProperty({
    type: ReportOrganisationDto,
    nullable: true,
    description: "Whose subtree's decisions are counted; null: every organisation",
  })
  organisation!: ReportOrganisationDto | null;
  @ApiProperty({
    type: ReportOrganisationDto,
    nullable: true,
    description:
      "Set when the caller reads a higher organisation's report: only awards to this subtree count",
  })
  addressedTo!: ReportOrganisationDto | null;
  @ApiProperty({ type: RecognitionReportFiltersDto }) filters!: RecognitionReportFiltersDto;
  @ApiProperty({ type: RecognitionTotalsDto, description: 'own plus every child' })
  totals!: RecognitionTotalsDto;
  @ApiProperty({ type: RecognitionTotalsDto, description: 'Decided by the organisation itself' })
  own!: RecognitionTotalsDto;
  @ApiProperty({
    type: [RecognitionChildReportDto],
    description: 'Per direct child organisation (the top-level ones for every organisation)',
  })
  children!: RecognitionChildReportDto[];

  @ApiProperty({ type: Number, nullable: true, description: 'Set when one year was asked for' })
  year!: number | null;
  @ApiProperty({ type: Number, nullable: true }) yearFrom!: number | null;
  @ApiProperty({ type: Number, nullable: true }) yearTo!: number | null;
  @ApiProperty({ description: 'Awards in force (revoked ones are not counted)' }) total!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Count per level (only levels with awards)',
  })
  byLevel!: Record<string, number>;
  @ApiProperty({ type: [RecognitionFormRowDto], description: 'Per level, form and recipient kind' })
  rows!: RecognitionFormRowDto[];
  @ApiProperty({ type: [RecognitionYearDto] }) byYear!: RecognitionYearDto[];
  @ApiProperty({ type: [RecognitionCountDto], description: 'Per level, lowest first' })
  levels!: RecognitionCountDto[];
  @ApiProperty({ type: [RecognitionCountDto], description: 'COLLECTIVE / INDIVIDUAL' })
  kinds!: RecognitionCountDto[];
  @ApiProperty({ type: [RecognitionCountDto], description: 'UNIT / PERSON / INITIATIVE' })
  recipientKinds!: RecognitionCountDto[];
  @ApiProperty({
    type: [RecognitionCountDto],
    description: "Models' fields (lĩnh vực); key null: units and people",
  })
  fields!: RecognitionCountDto[];
  @ApiProperty({
    type: [RecognitionCountDto],
    description:
      'Emulation movements; key null: not tied to a cycle (earlier records, nominations without one)',
  })
  movements!: RecognitionCountDto[];
}
