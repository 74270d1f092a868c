import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Trim } from '../../common/trim.transform';
import { PrintableText } from '../../common/printable-text';

export class HolidayDto {
  @ApiProperty({ example: '2026-09-02' }) date!: string;
  @ApiProperty({ example: 'Quốc khánh' }) name!: string;
}

export class PutHolidayDto {
  @ApiProperty({ example: 'Quốc khánh' })
  @Trim()
  @IsString()
  @PrintableText()
  @Length(2, 200)
  name!: string;
}
