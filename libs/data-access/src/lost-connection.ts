/** Messages and codes of a database connection that went away (a restart, a network cut). */
const LOST_MESSAGE =
  /Connection terminated|terminating connection due to administrator command|Client has encountered a connection error|ECONNRESET|ECONNREFUSED/;
const LOST_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', '57P01', '57P02', '57P03']);

/** True when `err` says the connection to PostgreSQL was lost (not a query or constraint error). */
export function isLostConnection(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { message, code } = err as { message?: unknown; code?: unknown };
  return (
    (typeof message === 'string' && LOST_MESSAGE.test(message)) ||
    (typeof code === 'string' && LOST_CODES.has(code))
  );
}

/**
 * Prisma's interactive transactions roll a timed-out transaction back from a timer whose promise
 * nobody awaits (the transaction manager of its client engine). When PostgreSQL dropped the
 * connection meanwhile, that ROLLBACK rejects unhandled, and Node ends the process: a PostgreSQL
 * restart took the worker down with it (found by the chaos suite). The transaction died with its
 * connection either way and its caller already has the timeout error, so such a rejection is
 * logged and the process goes on; any other unhandled rejection still ends the process.
 */
export function surviveLostConnectionRejections(warn: (message: string) => void): void {
  process.on('unhandledRejection', (reason: unknown) => {
    if (!isLostConnection(reason)) throw reason;
    warn(
      `unhandled rejection after a lost database connection (a rolled-back transaction); going on: ${(reason as Error).message}`,
    );
  });
}
