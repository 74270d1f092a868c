import { ApiProperty } from '@nestjs/swagger';

const LEVELS = ['BASE', 'BLOC', 'DISTRICT', 'PROVINCE', 'CENTRAL'];

export class AwardFormAuthorityDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'BDVTU' }) code!: string;
  @ApiProperty() name!: string;
}

/** The latest version of an award form, with its deciding authority. */
export class AwardFormDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'GK-BDV' }) code!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'Name (Vietnamese)' }) name!: string;
  @ApiProperty({ enum: LEVELS }) level!: string;
  @ApiProperty({
    type: AwardFormAuthorityDto,
    nullable: true,
    description: 'null if the authority no longer exists',
  })
  authority!: AwardFormAuthorityDto | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'AwardFormContent: code, name {vi,en}, category, level, authorityCode, nomineeKinds, dossier, chain, reminders, quota, eligibility, certificate',
  })
  content!: object;
}

/** A stored version of an award form, as published. */
export class AwardFormVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: LEVELS }) level!: string;
  @ApiProperty({ format: 'uuid' }) authorityUnitId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'AwardFormContent' })
  content!: object;
  @ApiProperty() active!: boolean;
  @ApiProperty({ nullable: true, type: String }) createdById!: string | null;
  @ApiProperty() createdAt!: string;
}

export class AuthorityDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: LEVELS, nullable: true, type: String }) level!: string | null;
}
