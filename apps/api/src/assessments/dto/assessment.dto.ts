import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, IsObject, Max, Min } from 'class-validator';
import {
  IntProperty,
  NestedArrayProperty,
  RulesProperty,
  StepOpenedProperty,
  TextProperty,
  UuidProperty,
} from '../../common/dto-properties';

/** A sheet's points per criterion code. */
const ScoresProperty = (example: Record<string, number>) =>
  RulesProperty(
    {
      type: 'object',
      additionalProperties: { type: 'number' },
      example,
      description: 'Points per criterion code',
    },
    IsObject(),
  );

export class SelfAssessmentDto {
  @UuidProperty({ format: 'uuid', description: 'Your own unit' })
  unitId!: string;

  @ScoresProperty({ C1: 18, C2: 27, C3: 22, C4: 13, C5: 9 })
  scores!: Record<string, number>;

  @TextProperty({
    optional: true,
    min: 0,
    max: 5000,
    description: 'Evidence (minh chứng): links, document numbers',
  })
  evidence?: string;
}

export class PeerAssessmentDto {
  @UuidProperty({ format: 'uuid', description: 'Your own unit, the assessor' })
  assessorUnitId!: string;

  @UuidProperty({ format: 'uuid', description: 'The unit being assessed (never your own)' })
  subjectUnitId!: string;

  @ScoresProperty({ C1: 17, C2: 26, C3: 20, C4: 12, C5: 9 })
  scores!: Record<string, number>;
}

export class ConflictDto {
  @UuidProperty({ format: 'uuid' })
  assessorUnitId!: string;

  @UuidProperty({ format: 'uuid' })
  subjectUnitId!: string;

  @TextProperty({ min: 5, max: 1000, example: 'Lãnh đạo hai đơn vị có quan hệ gia đình' })
  reason!: string;
}

export class ProgressItemDto {
  @IntProperty({ min: 0, max: 99, description: 'Index of the pledge item (0-based)' })
  itemIndex!: number;

  @RulesProperty({ minimum: 0, maximum: 100 }, IsNumber(), Min(0), Max(100))
  percent!: number;

  @TextProperty({ min: 0, max: 2000 })
  note!: string;
}

export class ProgressDto {
  @UuidProperty({ format: 'uuid' })
  unitId!: string;

  @NestedArrayProperty({ of: ProgressItemDto, minItems: 1, maxItems: 100 })
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
  @StepOpenedProperty() opened!: boolean;
  @ApiProperty({ nullable: true, type: String }) deadlineAt!: string | null;
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
