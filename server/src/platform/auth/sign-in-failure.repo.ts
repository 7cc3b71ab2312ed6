import { sql } from 'kysely';
import type { Db } from '../audit/audit.repo.ts';

/**
 * Failed sign-ins, counted per username whether or not an account has that name, so the
 * answers, the lockout and the work done do not tell who exists (issue 9).
 */
export const findSignInFailure = (db: Db, username: string) =>
  db.selectFrom('sign_in_failures').selectAll().where('username', '=', username).executeTakeFirst();

/**
 * Counts one failure, atomically; when the count reaches `lockAt` the name locks until
 * `lockUntil` and the count restarts. Returns the count and lock after this failure.
 */
export async function recordSignInFailure(
  db: Db,
  username: string,
  lockAt: number,
  lockUntil: Date,
  now: Date,
) {
  const locksAtOnce = lockAt <= 1;
  const until = sql<Date>`${lockUntil.toISOString()}::timestamptz`;
  return db
    .insertInto('sign_in_failures')
    .values({
      username,
      failed_attempts: locksAtOnce ? 0 : 1,
      locked_until: locksAtOnce ? lockUntil : null,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('username').doUpdateSet((eb) => {
        const reached = eb('sign_in_failures.failed_attempts', '>=', lockAt - 1);
        return {
          failed_attempts: eb
            .case()
            .when(reached)
            .then(0)
            .else(eb('sign_in_failures.failed_attempts', '+', 1))
            .end(),
          locked_until: eb
            .case()
            .when(reached)
            .then(until)
            .else(eb.ref('sign_in_failures.locked_until'))
            .end(),
          updated_at: now,
        };
      }),
    )
    .returning(['failed_attempts', 'locked_until'])
    .executeTakeFirstOrThrow();
}

/** Forgets the failures of a name (a successful sign-in, an unlock or a password reset). */
export async function clearSignInFailures(db: Db, username: string) {
  await db.deleteFrom('sign_in_failures').where('username', '=', username).execute();
}
