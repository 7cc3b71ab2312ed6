import type { Kysely } from 'kysely';
import type { Db } from '../../platform/audit/audit.repo.ts';
import type { RegionTable } from '../../platform/db/schema.ts';
import type { NoticeTables } from './notice.table.ts';

type NDb = Kysely<NoticeTables & { regions: RegionTable }>;
// The platform connection, seen with this module's own tables added.
const nd = (db: Db) => db as unknown as NDb;

export const insertNotice = (
  db: Db,
  n: { title: string; body: string; regionCode: string; authorId: string | null; at: Date },
) =>
  nd(db)
    .insertInto('notices')
    .values({
      title: n.title,
      body: n.body,
      region_code: n.regionCode,
      author_id: n.authorId,
      published_at: n.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

/** Notices in any of the scope's subtrees (null: all), newest first. */
export function listNotices(db: Db, scope: string[] | null, limit: number) {
  let q = nd(db)
    .selectFrom('notices')
    .innerJoin('regions', 'regions.code', 'notices.region_code')
    .select([
      'notices.id',
      'notices.title',
      'notices.body',
      'notices.region_code',
      'regions.name as region_name',
      'notices.published_at',
    ]);
  if (scope) q = q.where((eb) => eb.or(scope.map((root) => eb('notices.region_code', 'like', `${root}%`))));
  return q.orderBy('notices.published_at', 'desc').limit(limit).execute();
}

export async function countNotices(db: Db, regionCode: string | null, asOf: Date): Promise<number> {
  let q = nd(db)
    .selectFrom('notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('published_at', '<', asOf);
  if (regionCode) q = q.where('region_code', 'like', `${regionCode}%`);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
