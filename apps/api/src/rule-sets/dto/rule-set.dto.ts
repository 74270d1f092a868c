import { Trim } from '../../common/trim.transform';
import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Length, Matches } from 'class-validator';

export class CreateRuleSetVersionDto {
  @ApiProperty({
    example: 'DVK-MAC-DINH',
    description: 'Rule set code; each POST adds the next version',
  })
  @Matches(/^[A-Z0-9-]{2,40}$/, { message: 'code must be 2-40 of A-Z, 0-9 and -' })
  code!: string;

  @ApiProperty({ example: 'Quy chế chấm điểm "Dân vận khéo"' })
  @Trim()
  @IsString()
  @Length(3, 200)
  name!: string;

  @ApiProperty({
    type: Object,
    description:
      'criteria, scoring, crossAssessment, vote, calendar (phase templates), reminders; see GET /rule-sets/default',
  })
  @IsObject()
  content!: Record<string, unknown>;
}

export class RuleSetDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: Object }) content!: unknown;
  @ApiProperty() createdAt!: string;
}

export class HolidayDto {
  @ApiProperty({ example: '2026-09-02' }) date!: string;
  @ApiProperty({ example: 'Quốc khánh' }) name!: string;
}

export class PutHolidayDto {
  @ApiProperty({ example: 'Quốc khánh' })
  @Trim()
  @IsString()
  @Length(2, 200)
  name!: string;
}
