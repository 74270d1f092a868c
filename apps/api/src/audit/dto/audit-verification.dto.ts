import { ApiProperty } from '@nestjs/swagger';

export class AuditVerificationDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty() checked!: number;
  @ApiProperty({ nullable: true, type: String }) brokenAtId!: string | null;
  @ApiProperty({ nullable: true, enum: ['edited', 'missing-or-reordered'] }) reason!: string | null;
}
