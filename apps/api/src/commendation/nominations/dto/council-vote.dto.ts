import { ApiProperty } from '@nestjs/swagger';

/** A council member of the vote and whether they took part: never how they voted. */
export class CouncilMemberParticipationDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String, description: 'When their ballot was recorded' })
  votedAt!: string | null;
  @ApiProperty({ description: 'A written ballot recorded by another member' }) written!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Who recorded the ballot' })
  recordedByName!: string | null;
}

/** The caller's own part in the vote. */
export class MyCouncilParticipationDto {
  @ApiProperty({ description: 'The caller is a member of this vote' }) member!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When the caller’s ballot was recorded',
  })
  votedAt!: string | null;
  @ApiProperty() written!: boolean;
  @ApiProperty({ nullable: true, type: String }) recordedByName!: string | null;
}

/** Who has voted in a nomination's council vote (its latest round); the tally stays secret. */
export class CouncilVoteDto {
  @ApiProperty({ format: 'uuid' }) nominationId!: string;
  @ApiProperty({ example: 'council-vote' }) stepKey!: string;
  @ApiProperty() round!: number;
  @ApiProperty({ description: 'The vote is taking ballots now (status VOTING on this step)' })
  open!: boolean;
  @ApiProperty() eligibleCount!: number;
  @ApiProperty() votedCount!: number;
  @ApiProperty({ type: MyCouncilParticipationDto }) me!: MyCouncilParticipationDto;
  @ApiProperty({
    type: [CouncilMemberParticipationDto],
    description:
      'Every member with their participation (for the members of this vote and administrators; empty for other readers)',
  })
  members!: CouncilMemberParticipationDto[];
}
