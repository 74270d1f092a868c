import { ValidateBy, type ValidationOptions } from 'class-validator';

/** The rule a refused name, number or title breaks (the 400's `rule`). */
export const PRINTABLE_TEXT_RULE = 'printableText';

/** Control characters (tab and line breaks included), line and paragraph separators, and the
 * bidirectional controls that make printed text read other than it is stored. */
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Markup: a name or title printed into a page or a PDF is text, never a tag. */
const MARKUP = /[<>]/;

/** Why `text` is not printable one-line text, or null when it is. */
export function printableTextViolation(text: string): string | null {
  if (UNPRINTABLE.test(text)) return 'control characters';
  if (MARKUP.test(text)) return '< or >';
  return null;
}

/**
 * Names, numbers and titles (printed on certificates, decisions and pages): one line of printable
 * text, no control characters and no markup (`<`, `>`). Non-strings are left to @IsString.
 */
export function PrintableText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: PRINTABLE_TEXT_RULE,
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || printableTextViolation(value) === null,
        defaultMessage: (args) => {
          const why = typeof args?.value === 'string' ? printableTextViolation(args.value) : null;
          return `${args?.property ?? 'the field'} must be printable text without ${why ?? 'control characters, < or >'}`;
        },
      },
    },
    options,
  );
}
