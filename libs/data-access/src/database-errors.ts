import { Prisma } from './generated/prisma/client';

/**
 * The database errors the API answers with a clear status instead of a 500, told apart here so no
 * caller outside data-access needs Prisma's error classes.
 */
export type DatabaseErrorKind =
  /** A unique constraint refused the write (P2002); `target` names its columns. */
  | { kind: 'unique-violation'; target: string }
  /** The row to change or delete does not exist (P2025). */
  | { kind: 'record-not-found' };

export function databaseErrorKind(err: unknown): DatabaseErrorKind | null {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return null;
  if (err.code === 'P2002') {
    const target = (err.meta?.['target'] as string[] | undefined)?.join(', ') ?? '';
    return { kind: 'unique-violation', target: String(target) };
  }
  if (err.code === 'P2025') return { kind: 'record-not-found' };
  return null;
}

/** True when a unique constraint refused the write (a concurrent writer took the key). */
export function isUniqueViolation(err: unknown): boolean {
  return databaseErrorKind(err)?.kind === 'unique-violation';
}
