import { Trim } from '../../common/trim.transform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class SelfAssessmentDto {
  @ApiProperty({ format: 'uuid', description: 'Your own unit' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { C1: 18, C2: 27, C3: 22, C4: 13, C5: 9 },
    description: 'Points per criterion code',
  })
  @IsObject()
  scores!: Record<string, number>;

  @ApiPropertyOptional({ description: 'Evidence (minh chứng): links, document numbers' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 5000)
  evidence?: string;
}

export class PeerAssessmentDto {
  @ApiProperty({ format: 'uuid', description: 'Your own unit, the assessor' })
  @IsUUID()
  assessorUnitId!: string;

  @ApiProperty({ format: 'uuid', description: 'The unit being assessed (never your own)' })
  @IsUUID()
  subjectUnitId!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { C1: 17, C2: 26, C3: 20, C4: 12, C5: 9 },
    description: 'Points per criterion code',
  })
  @IsObject()
  scores!: Record<string, number>;
}

export class ConflictDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  assessorUnitId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  subjectUnitId!: string;

  @ApiProperty({ example: 'Lãnh đạo hai đơn vị có quan hệ gia đình' })
  @Trim()
  @IsString()
  @Length(5, 1000)
  reason!: string;
}

export class ProgressItemDto {
  @ApiProperty({ description: 'Index of the pledge item (0-based)' })
  @IsInt()
  @Min(0)
  @Max(99)
  itemIndex!: number;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsNumber()
  @Min(0)
  @Max(100)
  percent!: number;

  @ApiProperty()
  @Trim()
  @IsString()
  @Length(0, 2000)
  note!: string;
}

export class ProgressDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ type: [ProgressItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  // ValidateNested lets an element that is itself an array (`[[]]`) through unvalidated.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ProgressItemDto)
  items!: ProgressItemDto[];
}

/** A submitted cross-assessment sheet. */
export class PeerSheetDto {
  @ApiProperty() assessorUnitId!: string;
  @ApiProperty() subjectUnitId!: string;
  @ApiProperty({ description: 'Total points of the sheet' }) total!: number;
}

export class AssessmentStatusDto {
  @ApiProperty() cycleId!: string;
  @ApiProperty({ enum: ['INTERIM', 'FINAL'] }) stage!: string;
  @ApiProperty() deadlineAt!: string;
  @ApiProperty() closed!: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'subjectUnitId → assessor unit ids',
  })
  assignment!: Record<string, string[]>;
  @ApiProperty({ type: [ConflictDto], description: 'Declared conflicts of interest' })
  conflicts!: unknown[];
  @ApiProperty({ type: [String] }) selfSubmitted!: string[];
  @ApiProperty({ type: [PeerSheetDto] }) peerSubmitted!: unknown[];
  @ApiProperty({ type: [String] }) progressSubmitted!: string[];
  @ApiProperty() expectedPeerCount!: number;
}
