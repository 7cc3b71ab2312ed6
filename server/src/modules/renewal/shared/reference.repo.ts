import type { Db } from '../../../platform/kit/index.ts';

/** Look-ups of platform records a renewal record names (organisations, people, accounts, regions). */

export const findOrganisationsByIds = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('organisations')
        .select(['id', 'name', 'kind', 'status', 'region_code'])
        .where('id', 'in', ids)
        .execute();

export const findPersonsByIds = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('persons').select(['id', 'name', 'region_code']).where('id', 'in', ids).execute();

export const findUsersByIds = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('users').select(['id', 'display_name', 'status']).where('id', 'in', ids).execute();

export const findRegionName = async (db: Db, code: string): Promise<string | undefined> =>
  (await db.selectFrom('regions').select('name').where('code', '=', code).executeTakeFirst())?.name;

/** Active organisations whose full name, or unified social credit code, is one of `keys`. */
export const findActiveOrganisationsNamed = (db: Db, keys: string[]) =>
  keys.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('organisations')
        .select(['id', 'name', 'credit_code'])
        .where('status', '=', 'active')
        .where((eb) =>
          eb.or([
            eb('name', 'in', keys),
            eb(
              'credit_code',
              'in',
              keys.map((k) => k.toUpperCase()),
            ),
          ]),
        )
        .execute();
