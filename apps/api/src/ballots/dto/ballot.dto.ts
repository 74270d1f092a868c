import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { StepOpenedProperty } from '../../common/dto-properties';

export class VoteBallotDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The voting member (your own unit; for a written vote, the absent member)',
  })
  @IsUUID()
  voterUnitId!: string;

  @ApiProperty({
    type: [String],
    description: 'Candidates approved (at most the number that may be acclaimed)',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  approve!: string[];

  @ApiPropertyOptional({
    default: false,
    description: "The head records an absent member's written vote",
  })
  @IsOptional()
  @IsBoolean()
  written: boolean = false;
}

export class ElectionBallotDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  voterUnitId!: string;

  @ApiProperty({ format: 'uuid', description: "Next period's head" })
  @IsUUID()
  headUnitId!: string;

  @ApiProperty({ format: 'uuid', description: "Next period's deputy" })
  @IsUUID()
  deputyUnitId!: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  written: boolean = false;
}

export class BallotBoxDto {
  @ApiProperty() cycleId!: string;
  @ApiProperty({ enum: ['VOTE', 'ELECTION'] }) kind!: string;
  @StepOpenedProperty() opened!: boolean;
  @ApiProperty({ nullable: true, type: String }) deadlineAt!: string | null;
  @ApiProperty() closed!: boolean;
  @ApiProperty({ type: [String] }) candidates!: string[];
  @ApiProperty() eligibleCount!: number;
  @ApiProperty({ type: [String], description: 'Who has voted (never what they chose)' })
  voted!: string[];
  @ApiProperty() writtenCount!: number;
}
