import type { DomainErrorCode } from './domain-error-code';
import { DomainException } from './domain.exception';

/** For tests: the domain code `fn` throws, or undefined when it accepts. */
export function codeOf(fn: () => void): DomainErrorCode | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainException) return err.code;
    throw err;
  }
  return undefined;
}

/** For tests: the params of the DomainException `fn` throws (it must throw one). */
export function paramsOf(fn: () => void): Record<string, unknown> {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainException) return err.params as Record<string, unknown>;
    throw err;
  }
  throw new Error('expected a DomainException');
}
