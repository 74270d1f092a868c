import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

const LEVELS = ['BASE', 'BLOC', 'DISTRICT', 'PROVINCE', 'CENTRAL'] as const;
const KINDS = ['UNIT', 'PERSON', 'INITIATIVE'] as const;

export class RecognitionReportQueryDto {
  @ApiPropertyOptional({ description: 'One year (same as yearFrom = yearTo)', example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: 'First year of the period', example: 2024 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  yearFrom?: number;

  @ApiPropertyOptional({
    description: 'Last year of the period (not before yearFrom)',
    example: 2026,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  yearTo?: number;

  @ApiPropertyOptional({ enum: LEVELS, description: 'Only awards of this level' })
  @IsOptional()
  @IsIn(LEVELS)
  level?: (typeof LEVELS)[number];

  @ApiPropertyOptional({ enum: KINDS, description: 'Only this kind of recipient' })
  @IsOptional()
  @IsIn(KINDS)
  recipientKind?: (typeof KINDS)[number];

  @ApiPropertyOptional({
    enum: ['json', 'xlsx', 'pdf'],
    description: 'json (default), or the report as a workbook or a PDF',
  })
  @IsOptional()
  @IsIn(['json', 'xlsx', 'pdf'])
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

export class RecognitionReportDto {
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
