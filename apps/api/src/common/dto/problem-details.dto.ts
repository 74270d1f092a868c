import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One broken input rule of a 400 answer. */
export class FieldViolationDto {
  @ApiProperty({ example: 'pledge.items[3]', description: 'The field, as a path into the input' })
  field!: string;
  @ApiProperty({ example: 'isNotEmpty' }) rule!: string;
  @ApiProperty({ description: "In the caller's language" }) message!: string;
}

/** Every error answer: RFC 9457 application/problem+json (see ProblemDetailsFilter). */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:epw:problem:validation-failed' }) type!: string;
  @ApiProperty({ example: 'VALIDATION_FAILED' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ description: "What went wrong, in the caller's language (Accept-Language)" })
  detail!: string;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable error code' }) code!: string;
  @ApiProperty({ example: '/cycles' }) instance!: string;
  @ApiPropertyOptional({ type: [FieldViolationDto], description: 'Bad input: each field and rule' })
  errors?: FieldViolationDto[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The values the message names (e.g. retryAfterSeconds)',
  })
  params?: Record<string, unknown>;
}
