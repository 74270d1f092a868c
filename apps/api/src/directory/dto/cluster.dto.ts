import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../common/trim.transform';
import { CODE_PATTERN, OptionalNotNull } from './unit.dto';
import { PrintableText } from '../../common/printable-text';

export const CLUSTER_ROLES = ['HEAD', 'DEPUTY', 'MEMBER'] as const;
export type ClusterRole = (typeof CLUSTER_ROLES)[number];

export class ClusterQueryDto {
  @ApiPropertyOptional({ description: 'Part of the code or name (case-insensitive)' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  search?: string;
}

export class CreateClusterDto {
  @ApiProperty({
    example: 'CTD-02',
    description: 'Unique; cannot be changed later (it names the cycle workflows)',
  })
  @Matches(CODE_PATTERN, { message: 'code must be 2-40 of A-Z, 0-9 and -' })
  code!: string;

  @ApiProperty({ example: 'Cụm thi đua số 2' })
  @Trim()
  @IsString()
  @PrintableText()
  @Length(3, 200)
  name!: string;

  @ApiPropertyOptional({ example: 'Ban Dân vận Thành ủy', nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(2, 200)
  organizer?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      "Hội đồng Thi đua – Khen thưởng của cụm: only the cluster's members of a year propose for the forms it decides",
  })
  @IsOptional()
  @IsUUID('all', { message: 'councilUnitId must be a UUID' })
  councilUnitId?: string | null;
}

/** Everything but the code (immutable). A null organizer clears it. */
export class UpdateClusterDto {
  @ApiPropertyOptional({ example: 'Cụm thi đua số 2' })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @PrintableText()
  @Length(3, 200)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(2, 200)
  organizer?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      "Hội đồng Thi đua – Khen thưởng của cụm: only the cluster's members of a year propose for the forms it decides",
  })
  @IsOptional()
  @IsUUID('all', { message: 'councilUnitId must be a UUID' })
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
  @ApiPropertyOptional({ example: 2026, description: 'Default: the current year (Vietnam time)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class MemberInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ enum: CLUSTER_ROLES })
  @IsIn(CLUSTER_ROLES)
  role!: ClusterRole;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: 'Order in the list (absent or null: the index)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(999)
  position?: number | null;
}

export class PutMembershipsDto {
  @ApiProperty({
    type: [MemberInputDto],
    description: 'The whole list of the year: exactly one HEAD, at most one DEPUTY, each unit once',
  })
  @IsArray()
  @ArrayMaxSize(200)
  // ValidateNested lets an element that is itself an array (`[[]]`) through unvalidated.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MemberInputDto)
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
