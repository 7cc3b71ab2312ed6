import type { Db } from '../audit/audit.repo.ts';

const COLUMNS = ['code', 'name', 'parent_code', 'level', 'pinyin'] as const;

export const listRegionChildren = (db: Db, parent: string | null) =>
  (parent === null
    ? db.selectFrom('regions').select(COLUMNS).where('parent_code', 'is', null)
    : db.selectFrom('regions').select(COLUMNS).where('parent_code', '=', parent)
  )
    .select((eb) =>
      eb
        .exists(eb.selectFrom('regions as c').select('c.code').whereRef('c.parent_code', '=', 'regions.code'))
        .as('has_children'),
    )
    .orderBy('code')
    .execute();

export const findRegion = (db: Db, code: string) =>
  db.selectFrom('regions').select(COLUMNS).where('code', '=', code).executeTakeFirst();

export const findRegions = (db: Db, codes: string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : db.selectFrom('regions').select(COLUMNS).where('code', 'in', codes).execute();

/** Search by code prefix (digits), pinyin initials prefix (latin letters) or name fragment. */
export function searchRegions(db: Db, q: string, within: string | null, limit: number) {
  let query = db.selectFrom('regions').select(COLUMNS);
  if (/^\d+$/.test(q)) query = query.where('code', 'like', `${q}%`);
  else if (/^[a-z]+$/i.test(q)) query = query.where('pinyin', 'like', `${q.toLowerCase()}%`);
  else query = query.where('name', 'like', `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (within) query = query.where('code', 'like', `${within}%`);
  return query.orderBy('level').orderBy('code').limit(limit).execute();
}
