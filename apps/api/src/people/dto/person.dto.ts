import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { Trim } from '../../common/trim.transform';
import { PrintableText } from '../../common/printable-text';

export class CreatePersonDto {
  @ApiProperty({ example: 'Nguyễn Thị Hồng Nhung' })
  @Trim()
  @IsString()
  @PrintableText()
  @Length(2, 120)
  fullName!: string;

  @ApiPropertyOptional({ example: 'Phó Bí thư Đảng ủy' })
  @IsOptional()
  @Trim()
  @IsString()
  @PrintableText()
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

/** A person of a unit (a possible individual nominee). */
export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String }) position!: string | null;
  @ApiProperty({ nullable: true, type: Number }) birthYear!: number | null;
  @ApiProperty() createdAt!: string;
}

export class UnitHeadcountDto {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ nullable: true, type: Number }) headcount!: number | null;
}
