import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

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
  @ApiProperty() phase!: string;
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

export class CycleOutcomeDto {
  @ApiProperty() cycleId!: string;
  @ApiProperty({ type: [RankingRowDto] }) ranking!: RankingRowDto[];
  @ApiProperty({
    type: Object,
    isArray: true,
    description: 'Cross-assessment sheets far from the other peers (for the head)',
  })
  divergent!: unknown[];
  @ApiProperty({ type: Object, nullable: true }) vote!: unknown;
  @ApiProperty({ type: [String] }) acclaimedUnitIds!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'Biên bản kiểm phiếu' }) minutes!:
    | string
    | null;
  @ApiProperty({ nullable: true, type: String }) electedHeadUnitId!: string | null;
  @ApiProperty({ nullable: true, type: String }) electedDeputyUnitId!: string | null;
  @ApiProperty({ type: Object, nullable: true }) election!: unknown;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
}
