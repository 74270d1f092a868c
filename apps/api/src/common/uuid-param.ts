import { ParseUUIDPipe } from '@nestjs/common';
import { RequestValidationException } from './request-validation.exception';

/** A UUID path parameter whose error names the parameter and the rule. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new RequestValidationException([
        { field: name, rule: 'isUuid', message: `${name} must be a UUID` },
      ]),
  });
}
