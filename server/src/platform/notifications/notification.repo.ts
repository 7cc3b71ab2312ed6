import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../audit/audit.repo.ts';
import { type NotificationTable, ndb } from './notification.tables.ts';

/** The only place with queries on notifications. */

export type NotificationRow = Selectable<NotificationTable>;

/** Inserts the rows, skipping those whose (user, dedupe key) exists; the rows written. */
export async function insertNotifications(
  tx: Db,
  rows: Insertable<NotificationTable>[],
): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return ndb(tx)
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returningAll()
    .execute();
}

/** A user's notifications, unread first, newest first within each. */
export async function findMyPage(
  db: Db,
  userId: string,
  unreadOnly: boolean,
  page: { limit: number; offset: number },
): Promise<{ rows: NotificationRow[]; total: number }> {
  let q = ndb(db).selectFrom('notifications').where('user_id', '=', userId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy((eb) => eb('read_at', 'is', null), 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const r = await ndb(db)
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const findMine = (db: Db, userId: string, id: string): Promise<NotificationRow | undefined> =>
  ndb(db)
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();

/** Marks one (own) notification read, keeping the first read time; the row. */
export const markRead = (
  tx: Db,
  userId: string,
  id: string,
  at: Date,
): Promise<NotificationRow | undefined> =>
  ndb(tx)
    .updateTable('notifications')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(at)) }))
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();

/** Marks every unread notification of the user read; how many. */
export async function markAllRead(tx: Db, userId: string, at: Date): Promise<number> {
  const r = await ndb(tx)
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
