import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  MAX_AWARD_YEAR,
  MIN_AWARD_YEAR,
  awardPeriodViolation,
  describeAwardPeriod,
  normalizeAwardPeriod,
  type AwardPeriod,
  type AwardPeriodKind,
} from '@epw/domain';
import { RequestValidationException } from '../common/request-validation.exception';

const PERIOD_KINDS: AwardPeriodKind[] = ['YEAR', 'QUARTER', 'PHASE'];

/** The period an achievement belongs to (kỳ thi đua), as a request gives it. */
export class AwardPeriodDto {
  @ApiProperty({ enum: PERIOD_KINDS, example: 'PHASE' })
  @IsIn(PERIOD_KINDS)
  kind!: AwardPeriodKind;

  @ApiProperty({
    example: 2023,
    description: "The period's last year: the year, the quarter's year, or the phase's end year",
  })
  @IsInt()
  @Min(MIN_AWARD_YEAR)
  @Max(MAX_AWARD_YEAR)
  year!: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 3,
    description: 'QUARTER only: 1 to 4',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 2021,
    description: "PHASE only: the phase's first year",
  })
  @IsOptional()
  @IsInt()
  @Min(MIN_AWARD_YEAR)
  @Max(MAX_AWARD_YEAR)
  startYear?: number | null;
}

export class AwardPeriodLabelDto {
  @ApiProperty({ example: 'giai đoạn 2021–2023' }) vi!: string;
  @ApiProperty({ example: '2021–2023' }) en!: string;
}

/** The period of a nomination or an award, with its wording in documents. */
export class AwardPeriodViewDto {
  @ApiProperty({ enum: PERIOD_KINDS }) kind!: AwardPeriodKind;
  @ApiProperty({ description: "The period's last year" }) year!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'QUARTER: 1 to 4' })
  quarter!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: "PHASE: the phase's first year" })
  startYear!: number | null;
  @ApiProperty({ type: AwardPeriodLabelDto }) label!: AwardPeriodLabelDto;
}

/** The period columns a nomination or an award row stores. */
export interface StoredPeriod {
  year: number;
  periodKind: AwardPeriodKind;
  periodStart: number | null;
  periodQuarter: number | null;
}

export const periodOfRow = (r: StoredPeriod): AwardPeriod =>
  normalizeAwardPeriod({
    kind: r.periodKind,
    year: r.year,
    quarter: r.periodQuarter,
    startYear: r.periodStart,
  });

/** The stored period as answers show it. */
export function toAwardPeriodView(r: StoredPeriod): AwardPeriodViewDto {
  const p = periodOfRow(r);
  return {
    kind: p.kind,
    year: p.year,
    quarter: p.quarter ?? null,
    startYear: p.startYear ?? null,
    label: { vi: describeAwardPeriod(p, 'vi'), en: describeAwardPeriod(p, 'en') },
  };
}

/** A well-formed period, normalized; a 400 naming the field and the rule otherwise. */
export function wellFormedPeriod(p: AwardPeriod): Required<AwardPeriod> {
  const violation = awardPeriodViolation(p);
  if (violation) throw new RequestValidationException([violation]);
  return normalizeAwardPeriod(p);
}

/** The period columns to store: the last year, the phase's first year, the quarter. */
export const periodColumns = (p: AwardPeriod): StoredPeriod => {
  const n = normalizeAwardPeriod(p);
  return {
    year: n.year,
    periodKind: n.kind,
    periodStart: n.startYear ?? null,
    periodQuarter: n.quarter ?? null,
  };
};
