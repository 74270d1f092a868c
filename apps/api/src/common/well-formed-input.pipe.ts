import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { type FieldViolation, RequestValidationException } from './request-validation.exception';

/** Deeper than any document of ours (a rule set is 4 levels); deeper input would only exhaust the
 * stack of the recursive transformers and validators behind this pipe. */
export const MAX_INPUT_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Runs before the ValidationPipe on every body, query and path parameter, whatever its DTO (or
 * none, for free-form JSON such as award forms): refuses what no field may hold and what would
 * otherwise fail deep inside as a 500. PostgreSQL text and jsonb cannot store U+0000 or unpaired
 * UTF-16 surrogates, `__proto__` is never a field of ours, JSON's 1e400 parses as Infinity (which
 * jsonb would silently turn into null), and deep nesting overflows class-transformer's recursion.
 */
@Injectable()
export class WellFormedInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    // Every body of ours is a JSON object. A bare string (a text/plain body), number, array or
    // null would otherwise reach the DTO as "no fields" and pass where every field is optional.
    if (
      metadata.type === 'body' &&
      metadata.data === undefined &&
      value !== undefined &&
      (typeof value !== 'object' || value === null || Array.isArray(value))
    ) {
      throw new RequestValidationException([
        { field: 'body', rule: 'isObject', message: 'the body must be a JSON object' },
      ]);
    }
    // Fields are named as the DTO validation names them: `pledge.items[2]`, a path parameter's name.
    const root = metadata.data ?? '';
    const violation = check(value, root, 0);
    if (violation) throw new RequestValidationException([violation]);
    return value;
  }
}

function check(value: unknown, path: string, depth: number): FieldViolation | null {
  const field = path || 'body';
  if (typeof value === 'string') return checkText(value, field);
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? null
      : { field, rule: 'isFinite', message: `${field} must be a finite number` };
  }
  if (typeof value !== 'object' || value === null) return null;
  if (depth >= MAX_INPUT_DEPTH) {
    return {
      field,
      rule: 'maxDepth',
      message: `${field} nests deeper than ${MAX_INPUT_DEPTH} levels`,
    };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const v = check(value[i], `${field}[${i}]`, depth + 1);
      if (v) return v;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const child = path ? `${path}.${key}` : key;
    if (key === '__proto__') {
      return { field: child, rule: 'forbiddenKey', message: `${key} is not a field` };
    }
    const k = checkText(key, `${child} (key)`);
    if (k) return k;
    const v = check((value as Record<string, unknown>)[key], child, depth + 1);
    if (v) return v;
  }
  return null;
}

function checkText(text: string, field: string): FieldViolation | null {
  if (text.includes('\u0000')) {
    return { field, rule: 'noNullCharacter', message: `${field} must not contain U+0000` };
  }
  if (LONE_SURROGATE.test(text)) {
    return {
      field,
      rule: 'wellFormedUnicode',
      message: `${field} must be well-formed Unicode (no unpaired surrogate)`,
    };
  }
  return null;
}
