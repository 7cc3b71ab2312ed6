import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../audit/audit.repo.ts';
import { type FileTable, fdb } from './file.tables.ts';

/** The only place with queries on `files`. */

export type FileRow = Selectable<FileTable>;

export const insertFile = (db: Db, values: Insertable<FileTable>): Promise<FileRow> =>
  fdb(db).insertInto('files').values(values).returningAll().executeTakeFirstOrThrow();

export const findFile = (db: Db, id: string): Promise<FileRow | undefined> =>
  fdb(db).selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();

export async function findFiles(db: Db, ids: readonly string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return fdb(db)
    .selectFrom('files')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

/** The files, locked for the rest of the transaction (attaching them). */
export async function lockFiles(tx: Db, ids: readonly string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return fdb(tx)
    .selectFrom('files')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Files attached to any of the records, oldest attachment first. */
export async function listAttached(
  db: Db,
  entityType: string,
  entityIds: readonly string[],
): Promise<FileRow[]> {
  if (entityIds.length === 0) return [];
  return fdb(db)
    .selectFrom('files')
    .selectAll()
    .where('attached_type', '=', entityType)
    .where('attached_id', 'in', [...entityIds])
    .orderBy('attached_pos')
    .orderBy('attached_at')
    .orderBy('id')
    .execute();
}

/** Attaches the files in list order (their position is kept), or detaches them (`to` null). */
export async function setAttachment(
  tx: Db,
  ids: readonly { id: string; pos: number }[],
  to: { entityType: string; entityId: string; at: Date } | null,
): Promise<void> {
  for (const { id, pos } of ids) {
    await fdb(tx)
      .updateTable('files')
      .set({
        attached_type: to?.entityType ?? null,
        attached_id: to?.entityId ?? null,
        attached_at: to?.at ?? null,
        attached_pos: to ? pos : null,
      })
      .where('id', '=', id)
      .execute();
  }
}

/** New places of files already attached (the record listed them in another order). */
export async function setPositions(tx: Db, ids: readonly { id: string; pos: number }[]): Promise<void> {
  for (const { id, pos } of ids) {
    await fdb(tx).updateTable('files').set({ attached_pos: pos }).where('id', '=', id).execute();
  }
}

/** Unattached files uploaded before `before` (abandoned uploads), at most `limit`. */
export const listUnattachedBefore = (db: Db, before: Date, limit: number): Promise<FileRow[]> =>
  fdb(db)
    .selectFrom('files')
    .selectAll()
    .where('attached_type', 'is', null)
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(limit)
    .execute();

export async function deleteUnattached(tx: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await fdb(tx)
    .deleteFrom('files')
    .where('id', 'in', [...ids])
    .where('attached_type', 'is', null)
    .returning('storage_key')
    .execute();
  return rows.map((r) => r.storage_key);
}
