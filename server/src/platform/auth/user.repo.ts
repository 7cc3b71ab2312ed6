import type { Db } from '../audit/audit.repo.ts';
import type { Grant } from './principal.ts';
import type { BuiltinRole } from './roles.ts';

export const findUserByUsername = (db: Db, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export const findUserById = (db: Db, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export async function loadGrants(db: Db, userId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('user_grants')
    .select(['role', 'region_code', 'organisation_id', 'programmes'])
    .where('user_id', '=', userId)
    .execute();
  return rows.map(toGrant);
}

/** A `user_grants` row as a grant. */
export const toGrant = (r: {
  role: string;
  region_code: string | null;
  organisation_id: string | null;
  programmes: string[];
}): Grant => ({
  role: r.role as BuiltinRole,
  regionCode: r.region_code,
  organisationId: r.organisation_id,
  programmes: r.programmes,
});

/** `byAdmin`: set by someone other than the owner (marked until the owner changes it). */
export async function setPasswordHash(db: Db, userId: string, hash: string, now: Date, byAdmin: boolean) {
  await db
    .updateTable('users')
    .set({ password_hash: hash, updated_at: now, password_reset_at: byAdmin ? now : null })
    .where('id', '=', userId)
    .execute();
}
