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
  ValidateIf,
} from 'class-validator';
import { Trim } from '../../common/trim.transform';
import { PrintableText } from '../../common/printable-text';

export const UNIT_KINDS = ['MEMBER', 'AUTHORITY'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const RECOGNITION_LEVELS = ['BASE', 'BLOC', 'DISTRICT', 'PROVINCE', 'CENTRAL'] as const;
export type RecognitionLevel = (typeof RECOGNITION_LEVELS)[number];
export const ORG_KINDS = [
  'PARTY_COMMITTEE',
  'PARTY_BOARD',
  'PARTY_CELL',
  'PEOPLES_COMMITTEE',
  'STATE_AGENCY',
  'MASS_ORGANISATION',
  'ENTERPRISE',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

const LEVEL_DESCRIPTION =
  "The organisation's level, which is also the level it decides at: CENTRAL, PROVINCE (tỉnh/thành phố), BLOC or DISTRICT (khối, quận/huyện), BASE (cơ sở); null beneath the base (chi bộ, enterprise, ward). Never above its parent's level.";
const ORG_KIND_DESCRIPTION =
  "Loại hình tổ chức: party committee, party board, chi bộ, People's Committee, state agency, mass organisation, enterprise (decides its documents' format)";
const PARENT_DESCRIPTION =
  'The organisation directly above (cấp trên trực tiếp); null or absent: a top-level organisation (global administrators only). An organisation administrator places units within their own subtree.';

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

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only this organisation and the units beneath it (its subtree)',
  })
  @IsOptional()
  @IsUUID()
  under?: string;
}

export class CreateUnitDto {
  @ApiProperty({ example: 'DUK-CATP', description: 'Unique; cannot be changed later' })
  @Matches(CODE_PATTERN, { message: 'code must be 2-40 of A-Z, 0-9 and -' })
  code!: string;

  @ApiProperty({ example: 'Đảng ủy Công an Thành phố' })
  @Trim()
  @IsString()
  @PrintableText()
  @Length(3, 200)
  name!: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS, default: 'MEMBER' })
  @IsOptional()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;

  @ApiPropertyOptional({
    enum: RECOGNITION_LEVELS,
    nullable: true,
    description: LEVEL_DESCRIPTION,
  })
  @IsOptional()
  @IsIn(RECOGNITION_LEVELS)
  level?: RecognitionLevel | null;

  @ApiPropertyOptional({ enum: ORG_KINDS, nullable: true, description: ORG_KIND_DESCRIPTION })
  @IsOptional()
  @IsIn(ORG_KINDS)
  orgKind?: OrgKind | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: PARENT_DESCRIPTION,
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Quân số (award quotas)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  headcount?: number | null;
}

/** Everything but the code (immutable). A null level, kind or headcount clears it; a new parent
 * moves the unit with its whole subtree (null: to the top). */
export class UpdateUnitDto {
  @ApiPropertyOptional({ example: 'Đảng ủy Công an Thành phố' })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @PrintableText()
  @Length(3, 200)
  name?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @OptionalNotNull()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;

  @ApiPropertyOptional({ enum: RECOGNITION_LEVELS, nullable: true, description: LEVEL_DESCRIPTION })
  @IsOptional()
  @IsIn(RECOGNITION_LEVELS)
  level?: RecognitionLevel | null;

  @ApiPropertyOptional({ enum: ORG_KINDS, nullable: true, description: ORG_KIND_DESCRIPTION })
  @IsOptional()
  @IsIn(ORG_KINDS)
  orgKind?: OrgKind | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: `${PARENT_DESCRIPTION} Moving never puts a unit beneath itself (ORGANISATION_CYCLE).`,
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

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
  @ApiProperty({ enum: ORG_KINDS, nullable: true }) orgKind!: OrgKind | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Null at the top' })
  parentId!: string | null;
  @ApiProperty({ type: [String], description: 'Ids of the organisations above, top first' })
  ancestorIds!: string[];
  @ApiProperty({ description: '0 for a top-level organisation, 1 for its children, …' })
  depth!: number;
  @ApiProperty({ nullable: true, type: Number }) headcount!: number | null;
  @ApiProperty({ description: 'Accounts of the unit' }) userCount!: number;
  @ApiProperty() createdAt!: string;
}

/** One organisation of a tree, with the organisations directly beneath it. */
export class OrganisationTreeNodeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: UnitKind;
  @ApiProperty({ enum: RECOGNITION_LEVELS, nullable: true }) level!: RecognitionLevel | null;
  @ApiProperty({ enum: ORG_KINDS, nullable: true }) orgKind!: OrgKind | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) parentId!: string | null;
  @ApiProperty({ type: () => [OrganisationTreeNodeDto] }) children!: OrganisationTreeNodeDto[];
}

export class OrganisationRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: RECOGNITION_LEVELS, nullable: true }) level!: RecognitionLevel | null;
  @ApiProperty({ enum: ORG_KINDS, nullable: true }) orgKind!: OrgKind | null;
}

/** An organisation's subtree, with the organisations above it (for a breadcrumb). */
export class OrganisationTreeDto {
  @ApiProperty({ type: [OrganisationRefDto], description: 'The organisations above, top first' })
  ancestors!: OrganisationRefDto[];
  @ApiProperty({ type: OrganisationTreeNodeDto }) root!: OrganisationTreeNodeDto;
}
