import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBase64, IsBoolean, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import {
  EnumProperty,
  MovementCodeProperty,
  NestedArrayProperty,
  TextProperty,
  UuidProperty,
  YearProperty,
} from '../../../common/dto-properties';
import { AwardPeriodDto } from '../../award-period.dto';
import {
  AwardPeriodProperty,
  FormCodeProperty,
  MovementNameProperty,
} from '../../commendation-properties';

/** Who or what a nomination, a proposal entry or an award is for. */
export const NOMINEE_KINDS = ['UNIT', 'PERSON', 'INITIATIVE'] as const;
export type NomineeKind = (typeof NOMINEE_KINDS)[number];

export const NOMINATION_STATUSES = [
  'IN_REVIEW',
  'RETURNED',
  'POSTED',
  'VOTING',
  'AWAITING_DECISION',
  'AWARDED',
  'REJECTED',
  'WITHDRAWN',
] as const;

/** 4 MiB of file content, base64-encoded. */
const MAX_BASE64 = Math.ceil((4 * 1024 * 1024 * 4) / 3) + 4;

export class DossierDocumentDto {
  @ApiProperty({ example: 'to-trinh', description: "Checklist item of the award form's dossier" })
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'kind must be a dossier checklist key (a-z, 0-9, -)' })
  kind!: string;

  @TextProperty({
    min: 1,
    max: 200,
    example: 'To trinh de nghi khen thuong.pdf',
    description: 'Stored as its base name, without path parts or control characters',
  })
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
  @FormCodeProperty({ example: 'GK-BDV', description: 'Award form code (GET /award-forms)' })
  formCode!: string;

  @EnumProperty({ values: NOMINEE_KINDS })
  nomineeKind!: NomineeKind;

  @UuidProperty({ optional: true, description: 'UNIT: the unit (your own)' })
  nomineeUnitId?: string;

  @UuidProperty({
    optional: true,
    description: 'PERSON: a person of your unit (GET /units/{id}/people)',
  })
  nomineePersonId?: string;

  @UuidProperty({ optional: true, description: 'INITIATIVE: a model registered by your unit' })
  nomineeInitiativeId?: string;

  @UuidProperty({
    optional: true,
    description: 'The cycle whose results are nominated (its calendar counts the SLAs)',
  })
  cycleId?: string;

  @YearProperty({
    optional: true,
    example: 2026,
    description:
      "Year of the achievement (default: the cycle's, else this year); with `period`, its last year",
  })
  year?: number;

  @MovementCodeProperty({
    optional: true,
    description: "The movement (phong trào) of the achievement; with `cycleId`, the cycle's",
  })
  movementCode?: string;

  @MovementNameProperty()
  movementName?: string;

  @AwardPeriodProperty(
    "The period of the achievement: a year, a quarter or a multi-year phase (default: the cycle's, else the year `year`)",
  )
  period?: AwardPeriodDto;

  @TextProperty({
    min: 10,
    max: 2000,
    example: 'Thành tích xuất sắc trong phong trào thi đua "Dân vận khéo" năm 2026',
  })
  achievement!: string;

  @NestedArrayProperty({ of: DossierDocumentDto, maxItems: 20 })
  documents!: DossierDocumentDto[];
}

export class ReviseDossierDto {
  @NestedArrayProperty({ of: DossierDocumentDto, minItems: 1, maxItems: 20 })
  documents!: DossierDocumentDto[];
}

export class StepActionDto {
  @EnumProperty({ values: ['APPROVE', 'RETURN', 'REJECT'] as const })
  decision!: 'APPROVE' | 'RETURN' | 'REJECT';

  @TextProperty({
    optional: true,
    max: 4000,
    description: 'Required to return or reject; recorded with the action',
  })
  reason?: string;
}

export class ResubmitDto {
  @TextProperty({ optional: true, max: 4000, example: 'Đã bổ sung biên bản họp xét' })
  note?: string;
}

export class ReasonDto {
  @TextProperty({ min: 3, max: 4000 })
  reason!: string;
}

export class ObjectionDto {
  @TextProperty({ min: 5, max: 4000, example: 'Đơn vị chưa hoàn thành chỉ tiêu thu nộp ngân sách' })
  text!: string;
}

export class ResolveObjectionDto {
  @ApiProperty({ description: 'true: the objection is founded (the nomination is rejected)' })
  @IsBoolean()
  upheld!: boolean;

  @TextProperty({ min: 3, max: 4000 })
  resolution!: string;
}

export class CouncilBallotDto {
  @ApiProperty()
  @IsBoolean()
  approve!: boolean;

  @UuidProperty({
    optional: true,
    description: "Recording an absent member's written vote: that member's user id",
  })
  onBehalfOfUserId?: string;
}

export class NominationListQueryDto {
  @EnumProperty({ values: NOMINATION_STATUSES, optional: true })
  status?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,40}$/)
  formCode?: string;

  @YearProperty({ optional: true, fromText: true })
  year?: number;
}
