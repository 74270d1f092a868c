import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { PrintableText } from './printable-text';
import { Trim } from './trim.transform';

/**
 * The property decorators the request DTOs repeat, each composing its documentation
 * (@ApiProperty) and its validation rules, so that a field states its kind and bounds once.
 * The rules and their order are those of the hand-written stacks they replace: the 400 names the
 * same `field` and `rule`, and the OpenAPI document (validation-rules.ts) derives the same schema.
 */

/** Optional, but when given not null (IsOptional would let null through to a NOT NULL column). */
export const OptionalNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/**
 * Whether a field may be left out: `true`, absent or null (IsOptional); `'notNull'`, absent but
 * never null (an update that must not clear a NOT NULL column); absent or false, required.
 */
export type Presence = boolean | 'notNull';

interface PresenceOption {
  optional?: Presence;
}

/** Documentation, presence and rules in the order a stack of decorators written top to bottom
 * would register them (decorators apply bottom-up), so violations are listed as before. */
function property(
  api: ApiPropertyOptions,
  optional: Presence | undefined,
  rules: PropertyDecorator[],
): PropertyDecorator {
  const documented = optional ? ApiPropertyOptional(api) : ApiProperty(api);
  const presence = optional === 'notNull' ? [OptionalNotNull()] : optional ? [IsOptional()] : [];
  return applyDecorators(...[documented, ...presence, ...rules].reverse());
}

/** A documented property with its presence and rules of its own (written top to bottom). */
export function RulesProperty(
  options: ApiPropertyOptions & PresenceOption,
  ...rules: PropertyDecorator[]
): PropertyDecorator {
  const { optional, ...api } = options;
  return property(api, optional, rules);
}

export type TextPropertyOptions = ApiPropertyOptions &
  PresenceOption & {
    /** With `min`, @Length(min, max) (rule isLength); without, @MaxLength(max) (rule maxLength). */
    min?: number;
    max: number;
    /** One line of printable text (names, titles printed on documents): @PrintableText(). */
    printable?: boolean;
  };

/** Free text, trimmed before its length is checked. */
export function TextProperty(options: TextPropertyOptions): PropertyDecorator {
  const { min, max, printable, optional, ...api } = options;
  return property(api, optional, [
    Trim(),
    IsString(),
    ...(printable ? [PrintableText()] : []),
    min === undefined ? MaxLength(max) : Length(min, max),
  ]);
}

export type UuidPropertyOptions = ApiPropertyOptions &
  PresenceOption & {
    /** The 400's message (class-validator's default otherwise). */
    message?: string;
  };

/** The id of a row (a UUID of any version). */
export function UuidProperty(options: UuidPropertyOptions = {}): PropertyDecorator {
  const { message, optional, ...api } = options;
  const validation: ValidationOptions | undefined = message ? { message } : undefined;
  return property(api, optional, [IsUUID('all', validation)]);
}

type NumberOptions = ApiPropertyOptions &
  PresenceOption & {
    /** A query or form value arrives as text: convert it to a number before the checks. */
    fromText?: boolean;
  };

export type IntPropertyOptions = NumberOptions & { min: number; max: number };

/** A whole number within [min, max]. */
export function IntProperty(options: IntPropertyOptions): PropertyDecorator {
  const { min, max, fromText, optional, ...api } = options;
  return property(api, optional, [
    ...(fromText ? [Type(() => Number)] : []),
    IsInt(),
    Min(min),
    Max(max),
  ]);
}

/** The movement code pattern cycles use (`DVK`, `TDYN-2025`). */
export const MOVEMENT_CODE = /^[A-Z0-9-]{2,20}$/;

/** The code of a movement (phong trào): of a cycle, a schedule, an achievement or an award. */
export function MovementCodeProperty(options: ApiPropertyOptions & PresenceOption = {}) {
  const { optional, ...api } = options;
  return property({ example: 'DVK', ...api }, optional, [
    Matches(MOVEMENT_CODE, { message: 'movementCode must be 2-20 of A-Z, 0-9 and -' }),
  ]);
}

/** A year of the calendar the system keeps (2000-2100). */
export function YearProperty(options: NumberOptions = {}): PropertyDecorator {
  return IntProperty({ ...options, min: 2000, max: 2100 });
}

/** The page a listing query asks for (1-based). */
export const PageProperty = (): PropertyDecorator =>
  IntProperty({ optional: true, fromText: true, min: 1, max: 10_000, default: 1 });

/** How many rows a page of a listing holds. */
export const PageSizeProperty = (): PropertyDecorator =>
  IntProperty({ optional: true, fromText: true, min: 1, max: 100, default: 20 });

export type EnumPropertyOptions<T extends readonly string[]> = ApiPropertyOptions &
  PresenceOption & { values: T };

/** One of a fixed list of values (documented as the property's enum). */
export function EnumProperty<T extends readonly string[]>(
  options: EnumPropertyOptions<T>,
): PropertyDecorator {
  const { values, optional, ...api } = options;
  return property({ enum: values, ...api }, optional, [IsIn(values)]);
}

type DtoClass = new (...args: never[]) => object;

export type NestedPropertyOptions = ApiPropertyOptions & PresenceOption & { of: DtoClass };

/** One nested object, validated by its own class's rules. */
export function NestedProperty(options: NestedPropertyOptions): PropertyDecorator {
  const { of, optional, ...api } = options;
  return property({ type: of, ...api }, optional, [IsObject(), ValidateNested(), Type(() => of)]);
}

export type NestedArrayPropertyOptions = ApiPropertyOptions &
  PresenceOption & { of: DtoClass; minItems?: number; maxItems: number };

/** A list of nested objects, each validated by its class's rules. */
export function NestedArrayProperty(options: NestedArrayPropertyOptions): PropertyDecorator {
  const { of, minItems, maxItems, optional, ...api } = options;
  return property({ type: [of], ...api }, optional, [
    IsArray(),
    ...(minItems === undefined ? [] : [ArrayMinSize(minItems)]),
    ArrayMaxSize(maxItems),
    // ValidateNested lets an element that is itself an array (`[[]]`) through unvalidated.
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(() => of),
  ]);
}

/** Whether a step of a cycle (registration, assessment, a ballot) has opened, in its status. */
export const StepOpenedProperty = (): PropertyDecorator =>
  ApiProperty({
    description:
      "false until the step has opened (its workflow started): nothing is recorded yet and deadlineAt is the calendar's, null before the cycle starts",
  });
