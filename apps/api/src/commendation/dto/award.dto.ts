import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { Trim } from '../../common/trim.transform';

export class AwardHistoryQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  initiativeId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,40}$/)
  formCode?: string;

  @ApiPropertyOptional({ enum: ['UNIT', 'PERSON', 'INITIATIVE'], description: 'Only this kind' })
  @IsOptional()
  @IsIn(['UNIT', 'PERSON', 'INITIATIVE'])
  recipientKind?: 'UNIT' | 'PERSON' | 'INITIATIVE';

  @ApiPropertyOptional({ enum: ['json', 'xlsx', 'csv'] })
  @IsOptional()
  @IsIn(['json', 'xlsx', 'csv'])
  format?: 'json' | 'xlsx' | 'csv';
}

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

/** An award from before the system (for eligibility rules that look back). */
export class RecordPastAwardDto {
  @ApiProperty({ example: 'LDTT' })
  @Matches(/^[A-Z0-9-]{2,40}$/, { message: 'formCode must be an award form code' })
  formCode!: string;

  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1975)
  @Max(2100)
  year!: number;

  @ApiProperty({ enum: ['UNIT', 'PERSON', 'INITIATIVE'] })
  @IsIn(['UNIT', 'PERSON', 'INITIATIVE'])
  recipientKind!: 'UNIT' | 'PERSON' | 'INITIATIVE';

  @ApiProperty()
  @IsUUID()
  recipientId!: string;

  @ApiPropertyOptional({ example: '45/QĐ-BDVTU' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 60)
  decisionNumber?: string;

  @ApiPropertyOptional({ example: 'Thành tích năm 2025' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(3, 2000)
  achievement?: string;
}

export class CreatePersonDto {
  @ApiProperty({ example: 'Nguyễn Thị Hồng Nhung' })
  @Trim()
  @IsString()
  @Length(2, 120)
  fullName!: string;

  @ApiPropertyOptional({ example: 'Phó Bí thư Đảng ủy' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(2, 200)
  position?: string;

  @ApiPropertyOptional({ example: 1980 })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear?: number;
}

export class HeadcountDto {
  @ApiProperty({ example: 120, description: 'Quân số, for headcount quotas' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  headcount!: number;
}
