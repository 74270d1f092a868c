import { Trim } from '../../common/trim.transform';
import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Length, Matches } from 'class-validator';
import { PHASES } from '@epw/domain';
import { PrintableText } from '../../common/printable-text';

export class CreateRuleSetVersionDto {
  @ApiProperty({
    example: 'DVK-MAC-DINH',
    description: 'Rule set code; each POST adds the next version',
  })
  @Matches(/^[A-Z0-9-]{2,40}$/, { message: 'code must be 2-40 of A-Z, 0-9 and -' })
  code!: string;

  @ApiProperty({ example: 'Quy chế chấm điểm "Dân vận khéo"' })
  @Trim()
  @IsString()
  @PrintableText()
  @Length(3, 200)
  name!: string;

  @ApiProperty({
    type: () => RuleSetContentDto,
    description:
      'criteria, scoring, crossAssessment, vote, calendar (phase templates), reminders; see GET /rule-sets/default',
  })
  @IsObject()
  content!: Record<string, unknown>;
}

export class CriterionDto {
  @ApiProperty({ example: 'C1' }) code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() maxPoints!: number;
  @ApiProperty() weight!: number;
}

export class ScoringRulesDto {
  @ApiProperty() selfWeight!: number;
  @ApiProperty() peerWeight!: number;
  @ApiProperty({ enum: ['MEAN', 'TRIMMED_MEAN'] }) aggregation!: string;
  @ApiProperty({ description: 'Share of peer scores dropped at each end by TRIMMED_MEAN' })
  trimFraction!: number;
  @ApiProperty({ description: "Points from the other peers' median that flag a sheet" })
  divergenceThreshold!: number;
}

export class CrossAssessmentRulesDto {
  @ApiProperty({ enum: ['ALL_TO_ALL', 'K_REVIEWERS'] }) mode!: string;
  @ApiProperty() reviewersPerUnit!: number;
}

export class VoteRulesDto {
  @ApiProperty({ description: 'Approval needs this share of all eligible members' })
  thresholdPercent!: number;
  @ApiProperty({ description: 'How many leading units the cluster may acclaim' })
  acclaimCount!: number;
  @ApiProperty({ description: "How many of the ranking's top units stand as candidates" })
  candidateCount!: number;
}

export class PhaseTemplateDto {
  @ApiProperty({ enum: [...PHASES] }) phase!: string;
  @ApiProperty({ description: 'Opens at this fraction of the period' }) opensAtFraction!: number;
  @ApiProperty() durationWorkingDays!: number;
}

export class CalendarRulesDto {
  @ApiProperty({ type: [PhaseTemplateDto] }) phases!: PhaseTemplateDto[];
}

export class ReminderRulesDto {
  @ApiProperty({ type: [Number] }) offsetsWorkingDays!: number[];
}

/** The content of a rule set (see libs/domain RuleSetContent for every field). */
export class RuleSetContentDto {
  @ApiProperty({ type: [CriterionDto], description: 'Criteria with their maximum points' })
  criteria!: unknown[];
  @ApiProperty({
    type: ScoringRulesDto,
    description: 'Self and peer weights, aggregation, divergence',
  })
  scoring!: unknown;
  @ApiProperty({
    type: CrossAssessmentRulesDto,
    description: 'Who assesses whom, reviewers per unit',
  })
  crossAssessment!: unknown;
  @ApiProperty({ type: VoteRulesDto, description: 'Approval threshold, acclamation, candidates' })
  vote!: unknown;
  @ApiProperty({ type: CalendarRulesDto, description: 'Phase templates of the cycle calendar' })
  calendar!: unknown;
  @ApiProperty({ type: ReminderRulesDto, description: 'Reminder offsets in working days' })
  reminders!: unknown;
}

export class RuleSetDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: RuleSetContentDto }) content!: unknown;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Who published it' })
  createdById!: string | null;
  @ApiProperty() createdAt!: string;
}
