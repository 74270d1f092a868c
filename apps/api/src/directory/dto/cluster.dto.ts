import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import {
  EnumProperty,
  IntProperty,
  NestedArrayProperty,
  TextProperty,
  UuidProperty,
  YearProperty,
} from '../../common/dto-properties';
import { CODE_PATTERN, NameProperty, SearchProperty } from './unit.dto';

export const CLUSTER_ROLES = ['HEAD', 'DEPUTY', 'MEMBER'] as const;
export type ClusterRole = (typeof CLUSTER_ROLES)[number];

/** The organizer (đơn vị tổ chức) of a cluster; null clears it. */
const OrganizerProperty = (example?: string) =>
  TextProperty({ optional: true, min: 2, max: 200, example, nullable: true, type: String });

/** The unit whose council decides for the cluster; null clears it. */
const CouncilUnitProperty = () =>
  UuidProperty({
    optional: true,
    message: 'councilUnitId must be a UUID',
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      "Hội đồng Thi đua – Khen thưởng của cụm: only the cluster's members of a year propose for the forms it decides",
  });

export class ClusterQueryDto {
  @SearchProperty('Part of the code or name (case-insensitive)')
  search?: string;
}

export class CreateClusterDto {
  @ApiProperty({
    example: 'CTD-02',
    description: 'Unique; cannot be changed later (it names the cycle workflows)',
  })
  @Matches(CODE_PATTERN, { message: 'code must be 2-40 of A-Z, 0-9 and -' })
  code!: string;

  @NameProperty('Cụm thi đua số 2')
  name!: string;

  @OrganizerProperty('Ban Dân vận Thành ủy')
  organizer?: string | null;

  @CouncilUnitProperty()
  councilUnitId?: string | null;
}

/** Everything but the code (immutable). A null organizer clears it. */
export class UpdateClusterDto {
  @NameProperty('Cụm thi đua số 2', 'notNull')
  name?: string;

  @OrganizerProperty()
  organizer?: string | null;

  @CouncilUnitProperty()
  councilUnitId?: string | null;
}

export class ClusterDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) organizer!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) councilUnitId!: string | null;
  @ApiProperty({ type: [Number], description: 'Years that have a member list, newest first' })
  years!: number[];
  @ApiProperty() createdAt!: string;
}

export class MembershipYearQueryDto {
  @YearProperty({
    optional: true,
    fromText: true,
    example: 2026,
    description: 'Default: the current year (Vietnam time)',
  })
  year?: number;
}

export class MemberInputDto {
  @UuidProperty({ format: 'uuid' })
  unitId!: string;

  @EnumProperty({ values: CLUSTER_ROLES })
  role!: ClusterRole;

  @IntProperty({
    optional: true,
    min: 0,
    max: 999,
    type: 'integer',
    nullable: true,
    description: 'Order in the list (absent or null: the index)',
  })
  position?: number | null;
}

export class PutMembershipsDto {
  @NestedArrayProperty({
    of: MemberInputDto,
    maxItems: 200,
    description: 'The whole list of the year: exactly one HEAD, at most one DEPUTY, each unit once',
  })
  members!: MemberInputDto[];
}

export class MembershipDto {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: CLUSTER_ROLES }) role!: ClusterRole;
  @ApiProperty() position!: number;
}

export class ClusterMembershipsDto {
  @ApiProperty({ format: 'uuid' }) clusterId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The started cycle that froze this list (members are read when a cycle starts); null if editable',
  })
  frozenBy!: string | null;
  @ApiProperty({ type: [MembershipDto] }) members!: MembershipDto[];
}
