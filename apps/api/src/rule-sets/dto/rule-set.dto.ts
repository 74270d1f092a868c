import { Trim } from '../../common/trim.transform';
import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Length, Matches } from 'class-validator';

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
  @Length(3, 200)
  name!: string;

  @ApiProperty({
    type: Object,
    description:
      'criteria, scoring, crossAssessment, vote, calendar (phase templates), reminders; see GET /rule-sets/default',
  })
  @IsObject()
  content!: Record<string, unknown>;
}

export class RuleSetDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: Object }) content!: unknown;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Who published it' })
  createdById!: string | null;
  @ApiProperty() createdAt!: string;
}

/** The content of a rule set (see libs/domain RuleSetContent for every field). */
export class RuleSetContentDto {
  @ApiProperty({ type: [Object], description: 'Criteria with their maximum points' })
  criteria!: unknown[];
  @ApiProperty({ type: Object, description: 'Self and peer weights, aggregation, divergence' })
  scoring!: unknown;
  @ApiProperty({ type: Object, description: 'Who assesses whom, reviewers per unit' })
  crossAssessment!: unknown;
  @ApiProperty({ type: Object, description: 'Approval threshold, acclamation, candidates' })
  vote!: unknown;
  @ApiProperty({ type: Object, description: 'Phase templates of the cycle calendar' })
  calendar!: unknown;
  @ApiProperty({ type: Object, description: 'Reminder offsets in working days' })
  reminders!: unknown;
}
