import type { Db } from '../audit/audit.repo.ts';
import type { Grant } from '../auth/principal.ts';
import { BUILTIN_ROLES, type BuiltinRole } from '../auth/roles.ts';

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
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Escapes LIKE wildcards so user input matches literally (backslash is PostgreSQL's default escape). */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export type UserStatusFilter = 'active' | 'disabled' | 'locked';

export interface UserListQuery {
  q?: string | undefined;
  role?: string | undefined;
  status?: UserStatusFilter | undefined;
  /** Region roots of the viewer (null: all): a user is listed when every grant lies within them. */
  scope: string[] | null;
  now: Date;
  limit: number;
  offset: number;
}

/** Account columns safe to show (never the password hash), with the last sign-in from sessions. */
function userViewQuery(db: Db) {
  return db
    .selectFrom('users')
    .leftJoin('sign_in_failures as f', 'f.username', 'users.username')
    .select((eb) => [
      'users.id',
      'users.username',
      'users.display_name',
      'users.status',
      eb.fn.coalesce('f.failed_attempts', eb.lit(0)).as('failed_attempts'),
      'f.locked_until',
      'users.organisation_id',
      'users.created_at',
      'users.updated_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('sessions')
        .select((e) => e.fn.max('sessions.created_at').as('m'))
        .whereRef('sessions.user_id', '=', 'users.id')
        .as('last_login_at'),
    );
}

export type UserViewRow = Awaited<ReturnType<ReturnType<typeof userViewQuery>['executeTakeFirstOrThrow']>>;

export async function searchUsers(db: Db, q: UserListQuery) {
  let base = db.selectFrom('users');
  if (q.q) {
    const pattern = `%${likeEscape(q.q)}%`;
    base = base.where((eb) =>
      eb.or([eb('users.username', 'ilike', pattern), eb('users.display_name', 'ilike', pattern)]),
    );
  }
  if (q.role) {
    const role = q.role;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_grants as g')
          .select('g.id')
          .whereRef('g.user_id', '=', 'users.id')
          .where('g.role', '=', role),
      ),
    );
  }
  if (q.status === 'locked') {
    const now = q.now;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('sign_in_failures as f')
          .select('f.username')
          .whereRef('f.username', '=', 'users.username')
          .where('f.locked_until', '>', now),
      ),
    );
  } else if (q.status) base = base.where('users.status', '=', q.status);
  if (q.scope !== null) {
    const roots = q.scope;
    base = base.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('user_grants as g')
            .select('g.id')
            .whereRef('g.user_id', '=', 'users.id')
            .where((e) =>
              e.or([
                e('g.region_code', 'is', null),
                e.not(e.or(roots.map((root) => e('g.region_code', 'like', `${likeEscape(root)}%`)))),
              ]),
            ),
        ),
      ),
    );
  }
  const ids = base.select('users.id');
  const [rows, total] = await Promise.all([
    userViewQuery(db)
      .where('users.id', 'in', ids)
      .orderBy('users.username')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const findUserView = (db: Db, id: string) =>
  userViewQuery(db).where('users.id', '=', id).executeTakeFirst();

/** Locks the account row for the rest of the transaction, so the audited "before" is the real one. */
export const lockUserRow = (tx: Db, id: string) =>
  tx
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'status', 'organisation_id', 'password_reset_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export async function grantsOfUsers(db: Db, userIds: string[]): Promise<Map<string, Grant[]>> {
  const out = new Map<string, Grant[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('user_grants')
    .select(['user_id', 'role', 'region_code', 'organisation_id', 'programmes'])
    .where('user_id', 'in', userIds)
    .orderBy('region_code')
    .execute();
  for (const r of rows) {
    out.get(r.user_id)?.push({
      role: r.role as Grant['role'],
      regionCode: r.region_code,
      organisationId: r.organisation_id,
      programmes: r.programmes,
    });
  }
  // a stable order for screens: by role (administrators first), then region
  const rank = (role: string) => BUILTIN_ROLES.indexOf(role as BuiltinRole);
  for (const list of out.values()) list.sort((a, b) => rank(a.role) - rank(b.role));
  return out;
}

export async function updateUserProfile(
  db: Db,
  id: string,
  p: { displayName?: string | undefined; organisationId?: string | null | undefined },
  now: Date,
) {
  await db
    .updateTable('users')
    .set({
      ...(p.displayName !== undefined ? { display_name: p.displayName } : {}),
      ...(p.organisationId !== undefined ? { organisation_id: p.organisationId } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function setUserStatus(db: Db, id: string, status: 'active' | 'disabled', now: Date) {
  await db.updateTable('users').set({ status, updated_at: now }).where('id', '=', id).execute();
}

/** Which of these organisation ids exist. */
export async function existingOrganisationIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('organisations').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
