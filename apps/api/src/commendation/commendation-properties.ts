import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { NestedProperty, TextProperty } from '../common/dto-properties';
import { AwardPeriodDto } from './award-period.dto';

/** The request fields nominations, proposal lists, past awards and reports share. */

/** An award form's code (GET /award-forms), required. */
export const FormCodeProperty = (options: ApiPropertyOptions) =>
  applyDecorators(
    Matches(/^[A-Z0-9-]{2,40}$/, { message: 'formCode must be an award form code' }),
    ApiProperty(options),
  );

/** The movement's name as documents print it, optional. */
export const MovementNameProperty = () =>
  TextProperty({
    optional: true,
    min: 3,
    max: 200,
    printable: true,
    example: 'Phong trào thi đua "Dân vận khéo"',
  });

/** The period of an achievement or an award: a year, a quarter or a multi-year phase. */
export const AwardPeriodProperty = (description: string) =>
  NestedProperty({ of: AwardPeriodDto, optional: true, description });
