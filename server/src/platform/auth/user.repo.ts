import { sql } from 'kysely';
import type { Db } from '../audit/audit.repo.ts';
import type { Grant } from './principal.ts';
import type { BuiltinRole } from './roles.ts';

export const findUserByUsername = (db: Db, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export const findUserById = (db: Db, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export async function recordFailedLogin(db: Db, userId: string, lockAt: number, lockUntil: Date) {
  // Atomic increment; when the count reaches the limit the account locks and the count restarts.
  const until = lockUntil.toISOString();
  return db
    .updateTable('users')
    .set((eb) => ({
      failed_attempts: eb
        .case()
        .when('failed_attempts', '>=', lockAt - 1)
        .then(0)
        .else(eb('failed_attempts', '+', 1))
        .end(),
      locked_until: eb
        .case()
        .when('failed_attempts', '>=', lockAt - 1)
        .then(sql<Date>`${until}::timestamptz`)
        .else(eb.ref('locked_until'))
        .end(),
    }))
    .where('id', '=', userId)
    .returning(['failed_attempts', 'locked_until'])
    .executeTakeFirstOrThrow();
}

export async function clearFailedLogins(db: Db, userId: string) {
  await db
    .updateTable('users')
    .set({ failed_attempts: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}

export async function loadGrants(db: Db, userId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('user_grants')
    .select(['role', 'region_code', 'organisation_id', 'programmes'])
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => ({
    role: r.role as BuiltinRole,
    regionCode: r.region_code,
    organisationId: r.organisation_id,
    programmes: r.programmes,
  }));
}

export async function setPasswordHash(db: Db, userId: string, hash: string, now: Date) {
  await db
    .updateTable('users')
    .set({ password_hash: hash, updated_at: now })
    .where('id', '=', userId)
    .execute();
}
