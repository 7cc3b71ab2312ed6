import type { Db } from '../../../../platform/kit/index.ts';

/** Look-ups the demo data needs (by the names the platform's demo data gives). */

export const findOrganisationIdByName = async (db: Db, name: string): Promise<string | undefined> =>
  (await db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirst())?.id;

export const findUserIdByUsername = async (db: Db, username: string): Promise<string | undefined> =>
  (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst())?.id;
