import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { Trim } from '../../../common/trim.transform';
import { PrintableText } from '../../../common/printable-text';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateDecisionDto {
  @ApiProperty({ example: '1234/QĐ-UBND', description: 'Số quyết định, unique per authority' })
  @Trim()
  @IsString()
  @PrintableText()
  @Length(1, 60)
  number!: string;

  @ApiProperty({ example: '2026-10-12', description: 'Ngày ký (calendar date, Asia/Ho_Chi_Minh)' })
  @Matches(DATE, { message: 'signedOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'signedOn must be a real calendar date' })
  signedOn!: string;

  @ApiProperty({
    example:
      'Quyết định về việc tặng Bằng khen cho các tập thể, cá nhân điển hình "Dân vận khéo" năm 2026',
  })
  @Trim()
  @IsString()
  @PrintableText()
  @Length(5, 500)
  title!: string;

  @ApiPropertyOptional({ example: 'Lễ tuyên dương điển hình "Dân vận khéo" năm 2026' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(3, 300)
  ceremonyName?: string;

  @ApiPropertyOptional({ example: '2026-10-15' })
  @IsOptional()
  @Matches(DATE, { message: 'ceremonyOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'ceremonyOn must be a real calendar date' })
  ceremonyOn?: string;

  @ApiPropertyOptional({ example: 'Nguyễn Văn A' })
  @IsOptional()
  @Trim()
  @IsString()
  @PrintableText()
  @Length(2, 120)
  signerName?: string;

  @ApiProperty({ example: 'CHỦ TỊCH' })
  @Trim()
  @IsString()
  @PrintableText()
  @Length(2, 120)
  signerTitle!: string;

  @ApiProperty({
    description: 'Nominations that completed their approval chain (AWAITING_DECISION)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID(undefined, { each: true })
  nominationIds!: string[];
}

export class DecisionListQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 300)
  ceremonyName?: string;
}

const KINDS = ['UNIT', 'PERSON', 'INITIATIVE'] as const;
const STATUSES = ['DRAFT', 'ISSUED'] as const;

export class AuthorityRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'UBND-TP' }) code!: string;
  @ApiProperty({ example: 'Ủy ban nhân dân Thành phố' }) name!: string;
}

export class DecisionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '1234/QĐ-UBND' }) number!: string;
  @ApiProperty({ example: '2026-10-12', description: 'Ngày ký (YYYY-MM-DD)' }) signedOn!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: AuthorityRefDto, nullable: true }) authority!: AuthorityRefDto | null;
  @ApiProperty({ type: String, nullable: true }) ceremonyName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-10-15' })
  ceremonyOn!: string | null;
  @ApiProperty({ enum: STATUSES }) status!: (typeof STATUSES)[number];
  @ApiProperty({ description: 'Nominations listed in the decision' }) nominations!: number;
  @ApiProperty({ description: 'Awards issued (0 while a draft)' }) awards!: number;
}

export class DecisionAwardRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, example: 'UBND-TP/2026/000001' })
  serial!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'ABCD-EFGH-JKMN' })
  verificationCode!: string | null;
  @ApiProperty() revoked!: boolean;
}

export class DecisionRecipientDto {
  @ApiProperty({ format: 'uuid' }) nominationId!: string;
  @ApiProperty() nomineeName!: string;
  @ApiProperty({ enum: KINDS }) nomineeKind!: (typeof KINDS)[number];
  @ApiProperty() formName!: string;
  @ApiProperty({ description: "The nomination's status (AWAITING_DECISION, AWARDED…)" })
  status!: string;
  @ApiProperty({ type: DecisionAwardRefDto, nullable: true, description: 'Once issued' })
  award!: DecisionAwardRefDto | null;
}

export class DecisionDetailDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '1234/QĐ-UBND' }) number!: string;
  @ApiProperty({ example: '2026-10-12' }) signedOn!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: AuthorityRefDto, nullable: true }) authority!: AuthorityRefDto | null;
  @ApiProperty({ type: String, nullable: true }) ceremonyName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-10-15' })
  ceremonyOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) signerName!: string | null;
  @ApiProperty() signerTitle!: string;
  @ApiProperty({ enum: STATUSES }) status!: (typeof STATUSES)[number];
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) issuedAt!: string | null;
  @ApiProperty({ type: [DecisionRecipientDto], description: 'The annex, by nominee name' })
  recipients!: DecisionRecipientDto[];
}
