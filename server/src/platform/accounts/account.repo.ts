import type { Db } from '../audit/audit.repo.ts';
import type { Grant } from '../auth/principal.ts';

export async function insertUser(
  db: Db,
  u: { username: string; displayName: string; passwordHash: string; organisationId: string | null },
) {
  return db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      organisation_id: u.organisationId,
    })
    .returning(['id', 'username', 'display_name', 'status', 'organisation_id', 'created_at'])
    .executeTakeFirstOrThrow();
}

export async function replaceGrants(db: Db, userId: string, grants: Grant[]) {
  await db.deleteFrom('user_grants').where('user_id', '=', userId).execute();
  if (grants.length === 0) return;
  await db
    .insertInto('user_grants')
    .values(
      grants.map((g) => ({
        user_id: userId,
        role: g.role,
        region_code: g.regionCode,
        organisation_id: g.organisationId,
        programmes: g.programmes,
      })),
    )
    .execute();
}

export const usernameTaken = async (db: Db, username: string) =>
  Boolean(await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst());

export async function countUsers(db: Db): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
