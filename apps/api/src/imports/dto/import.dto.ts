import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBase64, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IMPORT_KINDS, type ImportKind } from '@epw/domain';
import { Trim } from '../../common/trim.transform';

/** 5 MiB of file content, base64-encoded. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_BASE64 = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4;

export class ImportTemplateQueryDto {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';
}

export class ImportModeQueryDto {
  @ApiProperty({
    enum: ['dry-run', 'apply'],
    description: 'dry-run checks every row and writes nothing; apply writes all rows or none',
  })
  @IsIn(['dry-run', 'apply'])
  mode!: 'dry-run' | 'apply';
}

export class ImportFileDto {
  @ApiProperty({ example: 'khen-thuong-truoc-day.xlsx' })
  @Trim()
  @IsString()
  @Length(1, 200)
  fileName!: string;

  @ApiProperty({
    description:
      'The file, base64 (at most 5 MiB decoded): an XLSX workbook (first sheet) or UTF-8 CSV text',
  })
  @IsBase64(undefined, { message: 'contentBase64 must be base64' })
  @Length(4, MAX_BASE64, { message: 'contentBase64 must hold 1 byte to 5 MiB' })
  contentBase64!: string;
}

export class ImportRowErrorDto {
  @ApiProperty({ example: 14, description: 'Spreadsheet row number (the header is row 1)' })
  row!: number;
  @ApiProperty({ example: 'year', description: "The column's key ('' for the whole row)" })
  column!: string;
  @ApiProperty({ example: 'integer', description: 'The rule the cell or row breaks' })
  rule!: string;
  @ApiProperty({ example: '«Năm» phải là một số nguyên.' })
  message!: string;
}

/** What an import found, and whether it wrote. */
export class ImportResultDto {
  @ApiProperty({ enum: IMPORT_KINDS }) kind!: ImportKind;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: ['xlsx', 'csv'], description: 'As read from the bytes' })
  fileType!: 'xlsx' | 'csv';
  @ApiProperty({ description: "SHA-256 of the file's bytes (hex)" }) sha256!: string;
  @ApiProperty({ description: 'Data rows read (empty rows skipped)' }) rows!: number;
  @ApiProperty({ description: 'Rows without any error' }) valid!: number;
  @ApiProperty({ description: 'How many errors the file has' }) errorCount!: number;
  @ApiProperty({
    type: [ImportRowErrorDto],
    description: 'Every bad row, by row then column (the first 1000 errors)',
  })
  errors!: ImportRowErrorDto[];
  @ApiProperty({ description: 'Whether the rows were written (apply, no errors)' })
  applied!: boolean;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'The import (its audit entry) when applied',
  })
  importId?: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'Ids of the records created, in the order of the rows',
  })
  createdIds?: string[];
  @ApiProperty({ description: 'Milliseconds the server took' }) tookMs!: number;
}

/** An apply refused because some rows are bad (problem+json, with the rows' errors). */
export class ImportRefusedDto extends ImportResultDto {
  @ApiProperty({ example: 'urn:epw:problem:import-rows-invalid' }) type!: string;
  @ApiProperty({ example: 'IMPORT_ROWS_INVALID' }) title!: string;
  @ApiProperty({ example: 422 }) status!: number;
  @ApiProperty() detail!: string;
  @ApiProperty({ example: 'IMPORT_ROWS_INVALID' }) code!: string;
  @ApiProperty() instance!: string;
}
