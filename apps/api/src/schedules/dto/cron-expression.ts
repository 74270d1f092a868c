import { ValidateBy, type ValidationOptions } from 'class-validator';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

// A field of a five-field cron: `*`, values and ranges within the field's bounds, each with an
// optional step, listed with commas: 0, */15, 1-5, MON-FRI, 0,30, 8-18/2. Spelled so that both
// ECMAScript and Python read it alike (the OpenAPI pattern is generated from it).
function cronField(value: string): string {
  const item = `(?:\\*|(?:${value})(?:-(?:${value}))?)(?:/[1-9]\\d{0,2})?`;
  return `${item}(?:,${item})*`;
}

const FIELDS = [
  '[0-5]?\\d', // minute
  '[01]?\\d|2[0-3]', // hour
  '0?[1-9]|[12]\\d|3[01]', // day of month
  `0?[1-9]|1[0-2]|${MONTHS.join('|')}`, // month
  `[0-7]|${DAYS.join('|')}`, // day of week (0 and 7 are Sunday)
];

/** Five cron fields (minute, hour, day of month, month, day of week) as Temporal schedules read
 * them; names of months and days in any case. */
export const CRON_PATTERN = new RegExp(`^${FIELDS.map(cronField).join('[ \\t]+')}$`, 'i');

const numberOf = (value: string, names: string[]): number => {
  const named = names.indexOf(value.toUpperCase());
  return named >= 0 ? named + (names === MONTHS ? 1 : 0) : Number(value);
};

/** A range whose start is past its end (`5-3`, `DEC-JAN`), which Temporal refuses; the pattern
 * cannot say so. Null when every range is in order (or the text is no cron: @Matches says so). */
export function reversedCronRange(cron: string): string | null {
  const fields = cron.trim().split(/[ \t]+/);
  for (const [index, field] of fields.entries()) {
    const names = index === 3 ? MONTHS : index === 4 ? DAYS : [];
    for (const item of field.split(',')) {
      const range = /^([^-/*]+)-([^/]+)/.exec(item);
      if (!range?.[1] || !range[2]) continue;
      if (numberOf(range[1], names) > numberOf(range[2], names)) return range[0];
    }
  }
  return null;
}

/** The rule a cron with a reversed range breaks (the 400's `rule`). */
export const CRON_RANGES_RULE = 'cronRangesInOrder';

/** Every range of the cron runs upwards (`1-5`, not `5-1`). Non-strings are left to @Matches. */
export function CronRangesInOrder(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: CRON_RANGES_RULE,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !reversedCronRange(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'cron'} has a range that runs backwards (${String(
            typeof args?.value === 'string' ? reversedCronRange(args.value) : '',
          )}): write the smaller value first`,
      },
    },
    options,
  );
}
