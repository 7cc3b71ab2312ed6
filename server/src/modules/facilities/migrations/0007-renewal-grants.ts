import type { Kysely } from 'kysely';
import { execStatements } from '../../../platform/kit/index.ts';

/**
 * Facilities became their own programme module (they were a part of renewal). Data scope by
 * programme lists the modules a grant covers, so a grant for `renewal` alone would lose them:
 * the bureau that ran renewal's facilities keeps them — every grant whose programmes include
 * `renewal` now includes `facilities` too. Grants covering every programme (empty list) and
 * grants without renewal are left as they are. On a new database there are no grants yet.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `update user_grants set programmes = array_append(programmes, 'facilities')
     where 'renewal' = any(programmes) and not ('facilities' = any(programmes))`,
  ]);
}
