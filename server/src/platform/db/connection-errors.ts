/**
 * Telling "the database went away" apart from a bug. A backend killed or restarted, a
 * refused connection, a socket reset: the request cannot be served now but may be in a
 * moment, so the API answers 503, not 500, and the process carries on.
 */

/** The pool could not hand out a connection (refused, database starting up or closed to connections). */
export class DatabaseUnreachableError extends Error {
  readonly code = 'DATABASE_UNREACHABLE';
  constructor(cause: unknown) {
    super(`PostgreSQL is unreachable: ${(cause as Error | null)?.message ?? String(cause)}`, { cause });
    this.name = 'DatabaseUnreachableError';
  }
}

/** SQLSTATEs of a connection that is gone or cannot be had: class 08 and the operator interventions. */
const LOST_SQLSTATE = /^(08...|57P0[1-5]|53300)$/;
/** Node socket errors on the way to PostgreSQL. */
const SOCKET_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/** node-postgres' own words for a dead client (it gives these errors no code). */
const LOST_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error and is not queryable|Client was closed and is not queryable)/;

/** True when `err` (or an error it wraps) says the database connection is lost or cannot be made. */
export function isConnectionLost(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e instanceof Error; depth++) {
    if (e instanceof DatabaseUnreachableError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (LOST_SQLSTATE.test(code) || SOCKET_CODES.has(code))) return true;
    if (LOST_MESSAGE.test(e.message)) return true;
    e = e.cause;
  }
  return false;
}
