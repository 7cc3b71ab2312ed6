import { type Bilingual, conflict } from '../http/errors.ts';

/** The SQLSTATE of a database error (node-postgres and PGlite both set `code`), and its constraint. */
export function pgError(e: unknown): { code?: string; constraint?: string } {
  if (typeof e !== 'object' || e === null) return {};
  const o = e as { code?: unknown; constraint?: unknown };
  return {
    ...(typeof o.code === 'string' ? { code: o.code } : {}),
    ...(typeof o.constraint === 'string' ? { constraint: o.constraint } : {}),
  };
}

/**
 * Is `e` a unique violation (SQLSTATE 23505), of a constraint whose name contains `constraint`
 * when given? A driver that does not name the constraint counts as a match.
 */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const { code, constraint: name } = pgError(e);
  return code === '23505' && (constraint === undefined || name === undefined || name.includes(constraint));
}

/**
 * Runs `write`; a unique violation of `constraint` becomes a 409 naming `field` with `text`,
 * so the form shows it on the field. Any other error is rethrown.
 */
export async function uniqueAsField<T>(
  write: () => Promise<T>,
  constraint: string | undefined,
  field: string,
  text: Bilingual,
  code = 'DUPLICATE',
): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e, constraint)) throw conflict(field, text, code);
    throw e;
  }
}
