import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { Trim } from '../../../common/trim.transform';

/** An objection from the public posting page: what is wrong, and who says so (no account). */
export class PublicObjectionDto {
  @ApiProperty({ example: 'Đơn vị chưa hoàn thành chỉ tiêu thu nộp ngân sách' })
  @Trim()
  @IsString()
  @Length(5, 4000)
  text!: string;

  @ApiProperty({
    description: 'Họ và tên người phản ánh / The objector’s full name',
    example: 'Nguyễn Văn An',
  })
  @Trim()
  @IsString()
  @Length(2, 120)
  objectorName!: string;

  @ApiProperty({
    description:
      'Điện thoại hoặc thư điện tử để Ban trả lời / A phone number or e-mail address the board answers to',
    example: 'an.nguyen@example.vn',
  })
  @Trim()
  @IsString()
  @Length(6, 200)
  // An e-mail address or a phone number (digits, spaces, +, ., -, parentheses).
  @Matches(/^(?:[^\s@]+@[^\s@]+\.[^\s@]+|\+?[0-9][0-9 .()-]{5,19})$/, {
    message: 'objectorContact must be an e-mail address or a phone number',
  })
  objectorContact!: string;
}

export class PublicObjectionFiledDto {
  @ApiProperty({ format: 'uuid' }) objectionId!: string;
  @ApiProperty({ format: 'uuid' }) nominationId!: string;
  @ApiProperty({ description: 'When the objection was recorded (ISO 8601)' }) filedAt!: string;
}
