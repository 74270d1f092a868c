import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import {
  EnumProperty,
  IntProperty,
  TextProperty,
  UuidProperty,
  type Presence,
} from '../../common/dto-properties';

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

/** Codes name units in reports, usernames and workflow inputs, so they never change. */
export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,39}$/;

/** The part of a code or name a list is filtered by (case-insensitive). */
export const SearchProperty = (description: string) =>
  TextProperty({ optional: true, min: 1, max: 100, description });

/** An organisation's or a cluster's name (printed on documents). */
export const NameProperty = (example: string, optional?: Presence) =>
  TextProperty({ optional, min: 3, max: 200, printable: true, example });

const LevelProperty = () =>
  EnumProperty({
    values: RECOGNITION_LEVELS,
    optional: true,
    nullable: true,
    description: LEVEL_DESCRIPTION,
  });

const OrgKindProperty = () =>
  EnumProperty({
    values: ORG_KINDS,
    optional: true,
    nullable: true,
    description: ORG_KIND_DESCRIPTION,
  });

/** The organisation directly above; null: the top. */
const ParentProperty = (description: string) =>
  UuidProperty({ optional: true, format: 'uuid', nullable: true, type: String, description });

const HeadcountProperty = (fromText: boolean, description?: string) =>
  IntProperty({
    optional: true,
    fromText,
    min: 1,
    max: 1_000_000,
    nullable: true,
    type: Number,
    description,
  });

export class UnitQueryDto {
  @EnumProperty({ values: UNIT_KINDS, optional: true })
  kind?: UnitKind;

  @SearchProperty('Part of the code or name (case-insensitive)')
  search?: string;

  @UuidProperty({
    optional: true,
    format: 'uuid',
    description: 'Only this organisation and the units beneath it (its subtree)',
  })
  under?: string;
}

export class CreateUnitDto {
  @ApiProperty({ example: 'DUK-CATP', description: 'Unique; cannot be changed later' })
  @Matches(CODE_PATTERN, { message: 'code must be 2-40 of A-Z, 0-9 and -' })
  code!: string;

  @NameProperty('Đảng ủy Công an Thành phố')
  name!: string;

  @EnumProperty({ values: UNIT_KINDS, optional: true, default: 'MEMBER' })
  kind?: UnitKind;

  @LevelProperty()
  level?: RecognitionLevel | null;

  @OrgKindProperty()
  orgKind?: OrgKind | null;

  @ParentProperty(PARENT_DESCRIPTION)
  parentId?: string | null;

  @HeadcountProperty(true, 'Quân số (award quotas)')
  headcount?: number | null;
}

/** Everything but the code (immutable). A null level, kind or headcount clears it; a new parent
 * moves the unit with its whole subtree (null: to the top). */
export class UpdateUnitDto {
  @NameProperty('Đảng ủy Công an Thành phố', 'notNull')
  name?: string;

  @EnumProperty({ values: UNIT_KINDS, optional: 'notNull' })
  kind?: UnitKind;

  @LevelProperty()
  level?: RecognitionLevel | null;

  @OrgKindProperty()
  orgKind?: OrgKind | null;

  @ParentProperty(
    `${PARENT_DESCRIPTION} Moving never puts a unit beneath itself (ORGANISATION_CYCLE).`,
  )
  parentId?: string | null;

  @HeadcountProperty(false)
  headcount?: number | null;
}

/** What a unit and a node of the organisation tree both answer first. */
class OrganisationFieldsDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: UnitKind;
  @ApiProperty({ enum: RECOGNITION_LEVELS, nullable: true }) level!: RecognitionLevel | null;
  @ApiProperty({ enum: ORG_KINDS, nullable: true }) orgKind!: OrgKind | null;
}

export class UnitDto extends OrganisationFieldsDto {
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
export class OrganisationTreeNodeDto extends OrganisationFieldsDto {
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
