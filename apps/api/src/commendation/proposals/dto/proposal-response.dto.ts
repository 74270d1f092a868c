import { ApiProperty } from '@nestjs/swagger';
import { AwardPeriodViewDto } from '../../award-period.dto';

/** One nomination of a proposal list and where it stands on its chain. */
export class ProposalNominationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() workflowId!: string;
  @ApiProperty({ enum: ['UNIT', 'PERSON', 'INITIATIVE'] }) nomineeKind!: string;
  @ApiProperty() nomineeName!: string;
  @ApiProperty({ format: 'uuid', description: 'The unit the achievement belongs to' })
  unitId!: string;
  @ApiProperty({ example: 'IN_REVIEW' }) status!: string;
  @ApiProperty({ type: String, nullable: true, example: 'appraisal' })
  currentStepKey!: string | null;
}

/** A proposal list (tờ trình kèm danh sách) as listed. */
export class ProposalSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) number!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) proposerUnitId!: string;
  @ApiProperty() proposerUnitName!: string;
  @ApiProperty({ format: 'uuid', description: 'The deciding organisation' })
  authorityUnitId!: string;
  @ApiProperty() authorityUnitName!: string;
  @ApiProperty() formCode!: string;
  @ApiProperty({ type: String, nullable: true }) movementCode!: string | null;
  @ApiProperty({ type: AwardPeriodViewDto }) period!: AwardPeriodViewDto;
  @ApiProperty() nominationCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** A proposal list with each nomination's status. */
export class ProposalDetailDto extends ProposalSummaryDto {
  @ApiProperty({ type: [ProposalNominationDto] }) nominations!: ProposalNominationDto[];
}
