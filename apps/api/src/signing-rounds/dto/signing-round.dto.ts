import { Trim } from '../../common/trim.transform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBase64,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
} from 'class-validator';
import { DATE_PATTERN } from '../../cycles/dto/cycle.dto';
import { PrintableText } from '../../common/printable-text';

export class OpenSigningRoundDto {
  @ApiProperty({
    example: '2026-12-15',
    description: 'Last day to sign (Asia/Ho_Chi_Minh), inside the cycle',
  })
  @Matches(DATE_PATTERN, { message: 'deadline must be a date YYYY-MM-DD' })
  deadline!: string;

  @ApiPropertyOptional({
    type: [String],
    description: "Pledge items; defaults to the cycle's draft",
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(5, 2000, { each: true })
  items?: string[];
}

export class SignPledgeDto {
  @ApiProperty({ format: 'uuid', description: 'The unit signing: must be your own unit' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ description: 'The pledge version you read and sign' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class DeclinePledgeDto extends SignPledgeDto {
  @ApiProperty({ example: 'Đề nghị bổ sung chỉ tiêu về chuyển đổi số trước khi ký' })
  @Trim()
  @IsString()
  @Length(10, 2000)
  reason!: string;
}

export class AmendPledgeDto {
  @ApiProperty({ description: 'The version being amended (must be current)' })
  @IsInt()
  @Min(1)
  baseVersion!: number;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(5, 2000, { each: true })
  items!: string[];

  @ApiProperty({ example: 'Bổ sung chỉ tiêu theo góp ý của các đơn vị' })
  @Trim()
  @IsString()
  @Length(10, 2000)
  reason!: string;
}

export class ExtendDeadlineDto {
  @ApiProperty({
    example: '2026-12-31',
    description: 'New last day to sign (Asia/Ho_Chi_Minh), later than the current one',
  })
  @Matches(DATE_PATTERN, { message: 'deadline must be a date YYYY-MM-DD' })
  deadline!: string;

  @ApiProperty({ example: 'Chờ các đơn vị hoàn thiện thủ tục ký số' })
  @Trim()
  @IsString()
  @Length(10, 2000)
  reason!: string;
}

export class CountersignPledgeDto {
  @ApiProperty({ description: 'The version every member signed' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class ListSignaturesQueryDto {
  @ApiPropertyOptional({
    default: false,
    description: 'Include signatures invalidated by amendments',
  })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  includeInvalidated: boolean = false;
}

export class PledgeTextDto {
  @ApiProperty() version!: number;
  @ApiProperty({ type: [String] }) items!: string[];
  @ApiProperty() contentHash!: string;
}

export class UnitSigningDto {
  @ApiProperty() unitId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: ['SIGNED', 'DECLINED', 'PENDING'] }) decision!: string;
  @ApiProperty({ nullable: true, type: Number }) version!: number | null;
  @ApiProperty({ nullable: true, type: String }) at!: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty() late!: boolean;
}

export class SigningStatusDto {
  @ApiProperty() roundId!: string;
  @ApiProperty() cycleId!: string;
  @ApiProperty({ enum: ['OPEN', 'OVERDUE', 'AWAITING_COUNTERSIGN', 'EFFECTIVE'] }) status!: string;
  @ApiProperty({ type: PledgeTextDto }) pledge!: PledgeTextDto;
  @ApiProperty() deadlineAt!: string;
  @ApiProperty({ nullable: true, type: String }) overdueAt!: string | null;
  @ApiProperty({
    type: [String],
    description: 'Units that had not signed when the deadline passed',
  })
  missingAtDeadline!: string[];
  @ApiProperty({ nullable: true, type: String }) countersignedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) countersignedAt!: string | null;
  @ApiProperty() signedCount!: number;
  @ApiProperty() memberCount!: number;
  @ApiProperty({ type: [String], description: 'Units that have not signed the current version' })
  missing!: string[];
  @ApiProperty({ type: [UnitSigningDto] }) units!: UnitSigningDto[];
}

export class SignatureDto {
  @ApiProperty() id!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: ['SIGNED', 'DECLINED'] }) decision!: string;
  @ApiProperty() pledgeVersion!: number;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty() actorUserId!: string;
  @ApiProperty() actedAt!: string;
  @ApiProperty() late!: boolean;
  @ApiProperty({ nullable: true, type: String }) invalidatedAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) invalidatedByVersion!: number | null;
}

export class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ nullable: true, type: String }) actorUserId!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: unknown;
  @ApiProperty() hash!: string;
}

/** At most 64 KiB of PKCS#12: a certificate chain and one key, as CAs issue them. */
const MAX_P12_BASE64 = Math.ceil((64 * 1024) / 3) * 4;

export class AddPersonalSignatureDto {
  @ApiProperty({
    description:
      "The signer's own certificate and key as PKCS#12 (.p12/.pfx), base64, at most 64 KiB; used for this signature only, never stored",
  })
  @IsBase64(undefined, { message: 'certificateBase64 must be base64' })
  @Length(4, MAX_P12_BASE64, { message: 'certificateBase64 must hold 1 byte to 64 KiB' })
  certificateBase64!: string;

  @ApiProperty({ description: 'The PKCS#12 password', maxLength: 200 })
  @IsString()
  @Length(0, 200)
  password!: string;

  @ApiPropertyOptional({
    description: 'Why the person signs, written into the signature (default: "Ký xác nhận")',
    maxLength: 200,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(2, 200)
  @PrintableText()
  reason?: string;
}

export class PersonalSignatureDto {
  @ApiProperty({ description: 'The revision of the signed copy this signature made (1, 2, …)' })
  sequence!: number;

  @ApiProperty({ format: 'uuid' })
  signerUserId!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  signerUnitId!: string | null;

  @ApiProperty({ description: "The certificate's subject common name" })
  certificateSubject!: string;

  @ApiProperty({ description: "The certificate issuer's common name" })
  certificateIssuer!: string;

  @ApiProperty({ description: 'SHA-256 of the certificate (DER), hex' })
  certificateFingerprint!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ description: 'SHA-256 of the whole PDF after this signature, hex' })
  sha256!: string;

  @ApiProperty({ format: 'date-time' })
  signedAt!: string;
}
