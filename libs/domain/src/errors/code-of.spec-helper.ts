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
