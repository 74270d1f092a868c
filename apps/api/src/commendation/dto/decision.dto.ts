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
import { Trim } from '../../common/trim.transform';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateDecisionDto {
  @ApiProperty({ example: '1234/QĐ-UBND', description: 'Số quyết định, unique per authority' })
  @Trim()
  @IsString()
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
  @Length(2, 120)
  signerName?: string;

  @ApiProperty({ example: 'CHỦ TỊCH' })
  @Trim()
  @IsString()
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
