import type { ValidationError } from 'class-validator';

export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

/** Input that failed DTO validation: every violated rule, with the field it concerns. */
export class RequestValidationException extends Error {
  constructor(readonly violations: FieldViolation[]) {
    super(violations.map((v) => `${v.field}: ${v.message}`).join('; '));
    this.name = 'RequestValidationException';
  }

  static fromValidationErrors(errors: ValidationError[]): RequestValidationException {
    return new RequestValidationException(flatten(errors, ''));
  }
}

function flatten(errors: ValidationError[], parent: string): FieldViolation[] {
  return errors.flatMap((e) => {
    const field = parent
      ? /^\d+$/.test(e.property)
        ? `${parent}[${e.property}]`
        : `${parent}.${e.property}`
      : // A body that is not an object at all (`[]`, `5`) has no property to name.
        e.property || 'body';
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule,
      message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
