import { isUniqueViolation } from '@epw/data-access';
import { DomainException, type DomainErrorCode, type MessageParams } from '@epw/domain';

/**
 * Runs a write whose unique key was checked first; a concurrent writer that took the key in
 * between still gets the same clear 409 (the database constraint decides, P2002).
 */
export async function onUniqueConflict<T>(
  write: () => Promise<T>,
  code: DomainErrorCode,
  params: MessageParams,
): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainException(code, params);
    throw err;
  }
}
