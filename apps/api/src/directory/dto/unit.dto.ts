import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { Trim } from '../../common/trim.transform';

export const UNIT_KINDS = ['MEMBER', 'AUTHORITY'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const RECOGNITION_LEVELS = ['BASE', 'BLOC', 'DISTRICT', 'PROVINCE', 'CENTRAL'] as const;
export type RecognitionLevel = (typeof RECOGNITION_LEVELS)[number];

/** Optional, but when given not null (IsOptional would let null through to a NOT NULL column). */
export const OptionalNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/** Codes name units in reports, usernames and workflow inputs, so they never change. */
export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,39}$/;

export class UnitQueryDto {
  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;

  @ApiPropertyOptional({ description: 'Part of the code or name (case-insensitive)' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  search?: string;
}

export class CreateUnitDto {
  @ApiProperty({ example: 'DUK-CATP', description: 'Unique; cannot be changed later' })
  @Matches(CODE_PATTERN, { message: 'code must be 2-40 of A-Z, 0-9 and -' })
  code!: string;

  @ApiProperty({ example: 'Đảng ủy Công an Thành phố' })
  @Trim()
  @IsString()
  @Length(3, 200)
  name!: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS, default: 'MEMBER' })
  @IsOptional()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;

  @ApiPropertyOptional({
    enum: RECOGNITION_LEVELS,
    nullable: true,
    description: 'The level an authority decides at',
  })
  @IsOptional()
  @IsIn(RECOGNITION_LEVELS)
  level?: RecognitionLevel | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Quân số (award quotas)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  headcount?: number | null;
}

/** Everything but the code (immutable). A null level or headcount clears it. */
export class UpdateUnitDto {
  @ApiPropertyOptional({ example: 'Đảng ủy Công an Thành phố' })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @Length(3, 200)
  name?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @OptionalNotNull()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;

  @ApiPropertyOptional({ enum: RECOGNITION_LEVELS, nullable: true })
  @IsOptional()
  @IsIn(RECOGNITION_LEVELS)
  level?: RecognitionLevel | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  headcount?: number | null;
}

export class UnitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: UnitKind;
  @ApiProperty({ enum: RECOGNITION_LEVELS, nullable: true }) level!: RecognitionLevel | null;
  @ApiProperty({ nullable: true, type: Number }) headcount!: number | null;
  @ApiProperty({ description: 'Accounts of the unit' }) userCount!: number;
  @ApiProperty() createdAt!: string;
}
