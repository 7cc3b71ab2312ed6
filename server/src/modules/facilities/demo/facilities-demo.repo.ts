import { type Db, regionSubtreeSql } from '../../../platform/kit/index.ts';

/** Look-ups the facilities demo needs (demo data only). */

/** Villages (村委会, codes x200–x399) of a county, by code. */
export const findCountyVillages = (db: Db, county: string) =>
  db
    .selectFrom('regions')
    .select(['code', 'name', 'parent_code'])
    .where('level', '=', 5)
    .where(regionSubtreeSql('code', county))
    .where('code', '>=', `${county}000200`)
    .orderBy('code')
    .execute()
    .then((rows) => rows.filter((r) => Number(r.code.slice(9)) >= 200 && Number(r.code.slice(9)) < 400));

export const findOrganisationNamed = (db: Db, name: string) =>
  db.selectFrom('organisations').select(['id', 'name']).where('name', '=', name).executeTakeFirst();
