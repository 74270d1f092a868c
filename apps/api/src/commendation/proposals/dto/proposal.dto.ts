import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../../common/trim.transform';
import { AwardPeriodDto, MOVEMENT_CODE } from '../../award-period.dto';
import { DossierDocumentDto } from '../../nominations/dto/nomination.dto';
import { PrintableText } from '../../../common/printable-text';

/** The most nominees one proposal list may carry. */
export const MAX_PROPOSAL_NOMINEES = 200;

/** One entry of a proposal list: a collective, an individual or a model of the proposer's
 * subtree, with its achievement and its own dossier files. */
export class ProposalNomineeDto {
  @ApiProperty({ enum: ['UNIT', 'PERSON', 'INITIATIVE'] })
  @IsIn(['UNIT', 'PERSON', 'INITIATIVE'])
  nomineeKind!: 'UNIT' | 'PERSON' | 'INITIATIVE';

  @ApiPropertyOptional({ description: 'UNIT: your organisation or one beneath it' })
  @IsOptional()
  @IsUUID()
  nomineeUnitId?: string;

  @ApiPropertyOptional({ description: 'PERSON: a person of your organisation or one beneath it' })
  @IsOptional()
  @IsUUID()
  nomineePersonId?: string;

  @ApiPropertyOptional({ description: 'INITIATIVE: a model registered in your subtree' })
  @IsOptional()
  @IsUUID()
  nomineeInitiativeId?: string;

  @ApiProperty({ example: 'Hoàn thành xuất sắc nhiệm vụ năm 2026' })
  @Trim()
  @IsString()
  @Length(10, 2000)
  achievement!: string;

  @ApiPropertyOptional({
    type: [DossierDocumentDto],
    description: "This nominee's own files (e.g. its achievement report)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DossierDocumentDto)
  documents?: DossierDocumentDto[];
}

/** A proposal list (tờ trình kèm danh sách): one request, one nomination per nominee. */
export class CreateProposalDto {
  @ApiProperty({ example: 'GK-DUK-DNTP', description: 'Award form code (GET /award-forms)' })
  @Matches(/^[A-Z0-9-]{2,40}$/, { message: 'formCode must be an award form code' })
  formCode!: string;

  @ApiProperty({ example: 'Tờ trình đề nghị tặng Giấy khen năm 2026' })
  @Trim()
  @IsString()
  @PrintableText()
  @Length(5, 500)
  title!: string;

  @ApiPropertyOptional({ example: '15-TTr/ĐU', description: "The memo's own number, if any" })
  @IsOptional()
  @Trim()
  @IsString()
  @PrintableText()
  @Length(1, 60)
  number?: string;

  @ApiPropertyOptional({
    example: 'DVK',
    description: 'The movement (phong trào) of the achievements',
  })
  @IsOptional()
  @Matches(MOVEMENT_CODE, { message: 'movementCode must be 2-20 of A-Z, 0-9 and -' })
  movementCode?: string;

  @ApiPropertyOptional({ example: 'Phong trào thi đua "Dân vận khéo"' })
  @IsOptional()
  @Trim()
  @IsString()
  @PrintableText()
  @Length(3, 200)
  movementName?: string;

  @ApiPropertyOptional({
    type: AwardPeriodDto,
    description:
      'The period of the achievements: a year, a quarter or a phase (default: this year)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AwardPeriodDto)
  period?: AwardPeriodDto;

  @ApiProperty({
    type: [DossierDocumentDto],
    description: 'The memo (tờ trình) and other files shared by every nomination of the list',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DossierDocumentDto)
  documents!: DossierDocumentDto[];

  @ApiProperty({ type: [ProposalNomineeDto], minItems: 1, maxItems: MAX_PROPOSAL_NOMINEES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PROPOSAL_NOMINEES)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ProposalNomineeDto)
  nominees!: ProposalNomineeDto[];
}
