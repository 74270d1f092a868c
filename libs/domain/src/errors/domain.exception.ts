import { DomainErrorCode } from './domain-error-code';
import { type MessageParams, renderDomainMessage } from './domain-error-messages';

/** A broken rule. The message is Vietnamese; the API re-renders it from code and params in the
 * caller's language. */
export class DomainException extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly params: MessageParams = {},
  ) {
    super(renderDomainMessage(code, params, 'vi'));
    this.name = 'DomainException';
  }
}

export function isDomainErrorCode(value: unknown): value is DomainErrorCode {
  return typeof value === 'string' && (Object.values(DomainErrorCode) as string[]).includes(value);
}
