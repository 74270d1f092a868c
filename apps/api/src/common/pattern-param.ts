import type { PipeTransform } from '@nestjs/common';
import { describedPipe } from './openapi/param-schema';
import { RequestValidationException } from './request-validation.exception';

/** A path parameter that must match `pattern`; the error names the parameter and the rule. */
export function patternParam(
  name: string,
  pattern: RegExp,
  message: string,
): PipeTransform<unknown, string> {
  return describedPipe(
    {
      transform(value: unknown): string {
        if (typeof value === 'string' && pattern.test(value)) return value;
        throw new RequestValidationException([{ field: name, rule: 'matches', message }]);
      },
    },
    { pattern: pattern.source },
  );
}

/** A signing round's id is its workflow id: `pledge-signing-<cluster>-<movement>-<period>`. */
export const roundIdParam = () =>
  patternParam(
    'roundId',
    /^pledge-signing-[A-Z0-9-]{2,120}$/,
    'roundId must be pledge-signing- followed by 2-120 of A-Z, 0-9 and -',
  );
