import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBase64,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../../common/trim.transform';
import { AwardPeriodDto, MOVEMENT_CODE } from '../../award-period.dto';
import { PrintableText } from '../../../common/printable-text';

/** 4 MiB of file content, base64-encoded. */
const MAX_BASE64 = Math.ceil((4 * 1024 * 1024 * 4) / 3) + 4;

export class DossierDocumentDto {
  @ApiProperty({ example: 'to-trinh', description: "Checklist item of the award form's dossier" })
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'kind must be a dossier checklist key (a-z, 0-9, -)' })
  kind!: string;

  @ApiProperty({
    example: 'To trinh de nghi khen thuong.pdf',
    description: 'Stored as its base name, without path parts or control characters',
  })
  @Trim()
  @IsString()
  @Length(1, 200)
  fileName!: string;

  @ApiProperty({
    example: 'application/pdf',
    description:
      "The file's type: application/pdf, image/jpeg, image/png, DOCX or XLSX (their " +
      'application/vnd.openxmlformats-officedocument.* types), or application/octet-stream to ' +
      "let the server tell it from the bytes; it must match the file's content",
  })
  @Matches(/^[a-z]+\/[a-z0-9.+-]+$/i, {
    message: 'mediaType must be a media type like application/pdf',
  })
  @MaxLength(100)
  mediaType!: string;

  @ApiProperty({ description: 'File content, base64 (at most 4 MiB decoded)' })
  @IsBase64(undefined, { message: 'contentBase64 must be base64' })
  @Length(4, MAX_BASE64, { message: 'contentBase64 must hold 1 byte to 4 MiB' })
  contentBase64!: string;
}

export class CreateNominationDto {
  @ApiProperty({ example: 'GK-BDV', description: 'Award form code (GET /award-forms)' })
  @Matches(/^[A-Z0-9-]{2,40}$/, { message: 'formCode must be an award form code' })
  formCode!: string;

  @ApiProperty({ enum: ['UNIT', 'PERSON', 'INITIATIVE'] })
  @IsIn(['UNIT', 'PERSON', 'INITIATIVE'])
  nomineeKind!: 'UNIT' | 'PERSON' | 'INITIATIVE';

  @ApiPropertyOptional({ description: 'UNIT: the unit (your own)' })
  @IsOptional()
  @IsUUID()
  nomineeUnitId?: string;

  @ApiPropertyOptional({ description: 'PERSON: a person of your unit (GET /units/{id}/people)' })
  @IsOptional()
  @IsUUID()
  nomineePersonId?: string;

  @ApiPropertyOptional({ description: 'INITIATIVE: a model registered by your unit' })
  @IsOptional()
  @IsUUID()
  nomineeInitiativeId?: string;

  @ApiPropertyOptional({
    description: 'The cycle whose results are nominated (its calendar counts the SLAs)',
  })
  @IsOptional()
  @IsUUID()
  cycleId?: string;

  @ApiPropertyOptional({
    example: 2026,
    description:
      "Year of the achievement (default: the cycle's, else this year); with `period`, its last year",
  })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({
    example: 'DVK',
    description: "The movement (phong trào) of the achievement; with `cycleId`, the cycle's",
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
      "The period of the achievement: a year, a quarter or a multi-year phase (default: the cycle's, else the year `year`)",
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AwardPeriodDto)
  period?: AwardPeriodDto;

  @ApiProperty({ example: 'Thành tích xuất sắc trong phong trào thi đua "Dân vận khéo" năm 2026' })
  @Trim()
  @IsString()
  @Length(10, 2000)
  achievement!: string;

  @ApiProperty({ type: [DossierDocumentDto] })
  @IsArray()
  @ArrayMaxSize(20)
  // ValidateNested lets an element that is itself an array (`[[]]`) through unvalidated.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DossierDocumentDto)
  documents!: DossierDocumentDto[];
}

export class ReviseDossierDto {
  @ApiProperty({ type: [DossierDocumentDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  // ValidateNested lets an element that is itself an array (`[[]]`) through unvalidated.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DossierDocumentDto)
  documents!: DossierDocumentDto[];
}

export class StepActionDto {
  @ApiProperty({ enum: ['APPROVE', 'RETURN', 'REJECT'] })
  @IsIn(['APPROVE', 'RETURN', 'REJECT'])
  decision!: 'APPROVE' | 'RETURN' | 'REJECT';

  @ApiPropertyOptional({ description: 'Required to return or reject; recorded with the action' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  reason?: string;
}

export class ResubmitDto {
  @ApiPropertyOptional({ example: 'Đã bổ sung biên bản họp xét' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class ReasonDto {
  @ApiProperty()
  @Trim()
  @IsString()
  @Length(3, 4000)
  reason!: string;
}

export class ObjectionDto {
  @ApiProperty({ example: 'Đơn vị chưa hoàn thành chỉ tiêu thu nộp ngân sách' })
  @Trim()
  @IsString()
  @Length(5, 4000)
  text!: string;
}

export class ResolveObjectionDto {
  @ApiProperty({ description: 'true: the objection is founded (the nomination is rejected)' })
  @IsBoolean()
  upheld!: boolean;

  @ApiProperty()
  @Trim()
  @IsString()
  @Length(3, 4000)
  resolution!: string;
}

export class CouncilBallotDto {
  @ApiProperty()
  @IsBoolean()
  approve!: boolean;

  @ApiPropertyOptional({
    description: "Recording an absent member's written vote: that member's user id",
  })
  @IsOptional()
  @IsUUID()
  onBehalfOfUserId?: string;
}

export class NominationListQueryDto {
  @ApiPropertyOptional({
    enum: [
      'IN_REVIEW',
      'RETURNED',
      'POSTED',
      'VOTING',
      'AWAITING_DECISION',
      'AWARDED',
      'REJECTED',
      'WITHDRAWN',
    ],
  })
  @IsOptional()
  @IsIn([
    'IN_REVIEW',
    'RETURNED',
    'POSTED',
    'VOTING',
    'AWAITING_DECISION',
    'AWARDED',
    'REJECTED',
    'WITHDRAWN',
  ])
  status?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,40}$/)
  formCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
