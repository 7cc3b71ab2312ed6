import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Db } from '../audit/audit.repo.ts';
import type { PersonTable, PlatformTables } from '../db/schema.ts';

/** Columns anyone with `person.read` may see; never the ciphertexts or blind indexes. */
const VIEW_COLUMNS = [
  'persons.id',
  'persons.name',
  'persons.citizen_id_masked',
  'persons.mobile_masked',
  'persons.birth_date',
  'persons.gender',
  'persons.native_region_code',
  'persons.region_code',
  'regions.name as region_name',
  'persons.created_at',
  'persons.updated_at',
] as const;

export interface PersonRow {
  id: string;
  name: string;
  citizen_id_masked: string;
  mobile_masked: string | null;
  birth_date: string;
  gender: 'male' | 'female';
  native_region_code: string;
  region_code: string | null;
  region_name: string | null;
  created_at: Date;
  updated_at: Date;
}

const viewQuery = (db: Db) =>
  db.selectFrom('persons').leftJoin('regions', 'regions.code', 'persons.region_code').select(VIEW_COLUMNS);

type PersonsEb = ExpressionBuilder<PlatformTables & { regions: PlatformTables['regions'] }, 'persons'>;

/** Region scope as a SQL condition: residence within one of the subtrees (null scope: no condition). */
const inScope = (eb: PersonsEb, scope: string[]) =>
  eb.or(scope.map((root) => eb('persons.region_code', 'like', `${root}%`)));

export interface PersonFilter {
  /** null: unrestricted; otherwise residence must lie within one of these subtrees. */
  scope: string[] | null;
  nameContains?: string | undefined;
  regionCode?: string | undefined;
  gender?: 'male' | 'female' | undefined;
  /** YYYY-MM-DD bounds on the birth date (inclusive / exclusive), from the age range. */
  bornOnOrBefore?: string | undefined;
  bornAfter?: string | undefined;
  limit: number;
  offset: number;
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (c) => `\\${c}`);

export async function listPersons(db: Db, f: PersonFilter): Promise<{ rows: PersonRow[]; total: number }> {
  let q = db.selectFrom('persons').leftJoin('regions', 'regions.code', 'persons.region_code');
  const scope = f.scope;
  if (scope !== null) q = q.where((eb) => inScope(eb, scope));
  if (f.nameContains) q = q.where('persons.name', 'like', `%${escapeLike(f.nameContains)}%`);
  if (f.regionCode) q = q.where('persons.region_code', 'like', `${f.regionCode}%`);
  if (f.gender) q = q.where('persons.gender', '=', f.gender);
  if (f.bornOnOrBefore) q = q.where('persons.birth_date', '<=', f.bornOnOrBefore);
  if (f.bornAfter) q = q.where('persons.birth_date', '>', f.bornAfter);
  const [rows, total] = await Promise.all([
    q
      .select(VIEW_COLUMNS)
      .orderBy('persons.created_at', 'desc')
      .orderBy('persons.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const findPersonById = (db: Db, id: string): Promise<PersonRow | undefined> =>
  viewQuery(db).where('persons.id', '=', id).executeTakeFirst();

export const findPersonByCitizenIndex = (db: Db, index: string): Promise<PersonRow | undefined> =>
  viewQuery(db).where('persons.citizen_id_index', '=', index).executeTakeFirst();

/** The encrypted values, for unmasking only. */
export const findPersonSecrets = (db: Db, id: string) =>
  db
    .selectFrom('persons')
    .select(['id', 'region_code', 'citizen_id_enc', 'mobile_enc'])
    .where('id', '=', id)
    .executeTakeFirst();

export const findPersonIdByCitizenIndex = async (db: Db, index: string): Promise<string | undefined> =>
  (await db.selectFrom('persons').select('id').where('citizen_id_index', '=', index).executeTakeFirst())?.id;

/** Every column of a new person row, decided by the service (nothing left to defaults). */
export type PersonInsert = Omit<Selectable<PersonTable>, 'id'>;

/** Inserts unless the citizen ID's blind index exists already; returns the new id or undefined. */
export async function insertPersonIfNew(db: Db, p: PersonInsert): Promise<string | undefined> {
  const row = await db
    .insertInto('persons')
    .values(p)
    .onConflict((oc) => oc.column('citizen_id_index').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export interface PersonUpdate {
  name?: string;
  region_code?: string | null;
  mobile_enc?: string | null;
  mobile_index?: string | null;
  mobile_masked?: string | null;
}

export async function updatePerson(db: Db, id: string, patch: PersonUpdate, now: Date): Promise<void> {
  await db
    .updateTable('persons')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/**
 * Locks the row for the rest of the transaction, so concurrent edits see each other's
 * result; returns the mobile's blind index (ciphertexts differ on every encryption).
 */
export const lockPerson = (db: Db, id: string) =>
  db.selectFrom('persons').select(['id', 'mobile_index']).where('id', '=', id).forUpdate().executeTakeFirst();
