import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PHASES } from '@epw/domain';

export class StartCycleDto {
  @ApiPropertyOptional({
    example: 'DVK-MAC-DINH',
    description:
      'Rule set code; its latest version is frozen into the cycle. Default: the built-in "Dân vận khéo" rules.',
  })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,40}$/, { message: 'ruleSetCode must be 2-40 of A-Z, 0-9 and -' })
  ruleSetCode?: string;
}

export class PhaseDto {
  @ApiProperty({ enum: [...PHASES] }) phase!: string;
  @ApiProperty({ enum: ['PENDING', 'OPEN', 'CLOSED'] }) status!: string;
  @ApiProperty({ description: 'Date in Asia/Ho_Chi_Minh' }) opensOn!: string;
  @ApiProperty({ description: 'Deadline date in Asia/Ho_Chi_Minh (end of day)' }) closesOn!: string;
  @ApiProperty({ description: "Real instant on the cycle's clock" }) opensAt!: string;
  @ApiProperty() closesAt!: string;
}

export class CycleRunDto {
  @ApiProperty() cycleId!: string;
  @ApiProperty() workflowId!: string;
  @ApiProperty({ type: [PhaseDto] }) phases!: PhaseDto[];
  @ApiProperty({ type: [String] }) acclaimed!: string[];
  @ApiProperty() completed!: boolean;
}

export class RankingRowDto {
  @ApiProperty() unitId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ nullable: true, type: Number }) selfScore!: number | null;
  @ApiProperty({ nullable: true, type: Number }) peerScore!: number | null;
  @ApiProperty() peerCount!: number;
  @ApiProperty() finalScore!: number;
  @ApiProperty() rank!: number;
}

/** A cross-assessment sheet far from the other peers' totals for the same unit. */
export class DivergentSheetDto {
  @ApiProperty() assessorUnitId!: string;
  @ApiProperty() subjectUnitId!: string;
  @ApiProperty({ description: 'Total points of the sheet' }) total!: number;
  @ApiProperty({ description: "Median of the other peers' totals" }) othersMedian!: number;
  @ApiProperty() deviation!: number;
}

export class VoteResultRowDto {
  @ApiProperty() candidateUnitId!: string;
  @ApiProperty() votes!: number;
  @ApiProperty({ description: 'votes / number of eligible members, 0..1' }) share!: number;
  @ApiProperty() passed!: boolean;
}

/** The count of the cluster vote (bình xét). */
export class VoteTallyDto {
  @ApiProperty() eligibleCount!: number;
  @ApiProperty() ballotsCast!: number;
  @ApiProperty() writtenBallots!: number;
  @ApiProperty({ type: [VoteResultRowDto] }) results!: VoteResultRowDto[];
  @ApiProperty({ type: [String], description: 'Acclaimed unit ids' }) acclaimed!: string[];
}

/** The count of the head/deputy election. */
export class ElectionTallyDto {
  @ApiProperty() headUnitId!: string;
  @ApiProperty() deputyUnitId!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'unit id → votes for head',
  })
  headVotes!: Record<string, number>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'unit id → votes for deputy',
  })
  deputyVotes!: Record<string, number>;
  @ApiProperty() ballotsCast!: number;
}

export class ElectionOutcomeDto {
  @ApiProperty({
    type: () => ElectionTallyDto,
    nullable: true,
    description: 'Null when too few voted: the rotation carries over',
  })
  tally!: ElectionTallyDto | null;
  @ApiProperty() carriedOver!: boolean;
  @ApiProperty({ description: 'The year whose head and deputy were chosen' })
  nextPeriodYear!: number;
}

export class CycleOutcomeDto {
  @ApiProperty() cycleId!: string;
  @ApiProperty({ type: [RankingRowDto] }) ranking!: RankingRowDto[];
  @ApiProperty({
    type: [DivergentSheetDto],
    description: 'Cross-assessment sheets far from the other peers (for the head)',
  })
  divergent!: unknown[];
  @ApiProperty({ type: () => VoteTallyDto, nullable: true }) vote!: unknown;
  @ApiProperty({ type: [String] }) acclaimedUnitIds!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'Biên bản kiểm phiếu' }) minutes!:
    | string
    | null;
  @ApiProperty({ nullable: true, type: String }) electedHeadUnitId!: string | null;
  @ApiProperty({ nullable: true, type: String }) electedDeputyUnitId!: string | null;
  @ApiProperty({ type: () => ElectionOutcomeDto, nullable: true }) election!: unknown;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
}
