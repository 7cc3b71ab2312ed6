import { sql } from 'kysely';
import type { Db } from '../audit/audit.repo.ts';

export async function insertSession(
  db: Db,
  s: { id: string; userId: string; now: Date; expiresAt: Date; ip: string | null; userAgent: string | null },
) {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

/** A grant as the session look-up returns it (one JSON object per `user_grants` row). */
export interface SessionGrantRow {
  role: string;
  region_code: string | null;
  organisation_id: string | null;
  programmes: string[];
}

/**
 * The session, its user and the user's grants in one statement: every signed-in request
 * starts with it, so it is one round trip rather than two (bench/list-pages.ts).
 */
export function findSessionWithUser(db: Db, id: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.user_id',
      's.last_seen_at',
      's.expires_at',
      's.revoked_at',
      'u.username',
      'u.display_name',
      'u.status',
    ])
    .select(
      sql<SessionGrantRow[]>`(select coalesce(json_agg(json_build_object('role', g.role,
        'region_code', g.region_code, 'organisation_id', g.organisation_id, 'programmes', g.programmes)), '[]')
        from user_grants g where g.user_id = s.user_id)`.as('grants'),
    )
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function touchSession(db: Db, id: string, now: Date) {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function revokeSession(db: Db, id: string, now: Date) {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeUserSessions(db: Db, userId: string, now: Date, exceptId?: string) {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
