import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Trim } from '../../../common/trim.transform';

export class RevokeAwardDto {
  @ApiProperty({ example: 'Hồ sơ đề nghị khen thưởng kê khai không trung thực' })
  @Trim()
  @IsString()
  @Length(5, 2000)
  reason!: string;
}

export class RecoveryDto {
  @ApiProperty({ example: 'Đã thu hồi hiện vật và tiền thưởng ngày 20/11/2026' })
  @Trim()
  @IsString()
  @Length(5, 2000)
  note!: string;
}

const KINDS = ['UNIT', 'PERSON', 'INITIATIVE'] as const;
const LEVELS = ['BASE', 'BLOC', 'DISTRICT', 'PROVINCE', 'CENTRAL'] as const;

/** The digital signature (seal) on the certificate's PDF, as the issuing system makes it. */
export class DocumentSignatureDto {
  @ApiProperty({ description: 'The PDF is sealed with a digital signature (PAdES)' })
  signed!: boolean;
  @ApiProperty({ enum: ['VALID', 'EXPIRED'], description: "The seal certificate's validity now" })
  status!: 'VALID' | 'EXPIRED';
  @ApiProperty({ example: 'Hệ thống Thi đua – Khen thưởng' }) signedBy!: string;
  @ApiProperty({ type: String, nullable: true }) organization!: string | null;
  @ApiProperty({ example: 'VNPT Certification Authority' }) issuer!: string;
  @ApiProperty({ description: 'SHA-256 of the certificate, hex' }) fingerprintSha256!: string;
  @ApiProperty({ format: 'date-time' }) validFrom!: string;
  @ApiProperty({ format: 'date-time' }) validTo!: string;
}

/** What the public sees behind a certificate's QR code. */
export class VerificationDto {
  @ApiProperty({ description: 'Genuine and not revoked' }) valid!: boolean;
  @ApiProperty({ enum: ['VALID', 'REVOKED'] }) status!: 'VALID' | 'REVOKED';
  @ApiProperty({ type: String, nullable: true, example: 'UBND-TP/2026/000001' })
  serial!: string | null;
  @ApiProperty() recipientName!: string;
  @ApiProperty({ enum: KINDS }) recipientKind!: (typeof KINDS)[number];
  @ApiProperty({ example: 'Bằng khen của Chủ tịch UBND Thành phố' }) formName!: string;
  @ApiProperty({ enum: LEVELS }) level!: (typeof LEVELS)[number];
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ type: String, nullable: true }) decisionNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-10-12' })
  decisionDate!: string | null;
  @ApiProperty({ type: String, nullable: true }) authorityName!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) revokedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) revocationReason!: string | null;
  @ApiProperty({ type: DocumentSignatureDto, required: false })
  signature?: DocumentSignatureDto;
}

export class RecoveryResultDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  recoveredAt!: string | null;
  @ApiProperty() note!: string;
}
