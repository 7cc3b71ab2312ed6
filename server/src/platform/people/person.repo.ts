import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
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

/** Which persons a list or export shows. */
export interface PersonMatch {
  /** null: unrestricted; otherwise residence must lie within one of these subtrees. */
  scope: string[] | null;
  nameContains?: string | undefined;
  regionCode?: string | undefined;
  gender?: 'male' | 'female' | undefined;
  /** YYYY-MM-DD bounds on the birth date (inclusive / exclusive), from the age range. */
  bornOnOrBefore?: string | undefined;
  bornAfter?: string | undefined;
}

export interface PersonFilter extends PersonMatch {
  limit: number;
  offset: number;
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (c) => `\\${c}`);

function matching(db: Db, f: PersonMatch) {
  let q = db.selectFrom('persons').leftJoin('regions', 'regions.code', 'persons.region_code');
  const scope = f.scope;
  if (scope !== null) q = q.where((eb) => inScope(eb, scope));
  if (f.nameContains) q = q.where('persons.name', 'like', `%${escapeLike(f.nameContains)}%`);
  if (f.regionCode) q = q.where('persons.region_code', 'like', `${f.regionCode}%`);
  if (f.gender) q = q.where('persons.gender', '=', f.gender);
  if (f.bornOnOrBefore) q = q.where('persons.birth_date', '<=', f.bornOnOrBefore);
  if (f.bornAfter) q = q.where('persons.birth_date', '>', f.bornAfter);
  return q;
}

export async function listPersons(db: Db, f: PersonFilter): Promise<{ rows: PersonRow[]; total: number }> {
  const q = matching(db, f);
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

export const countPersons = async (db: Db, f: PersonMatch): Promise<number> =>
  Number(
    (
      await matching(db, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Where the previous page of an export ended: the exact stored instant (as text) and id. */
export interface PersonCursor {
  at: string;
  id: string;
}

/** The next page after `after`, in the list's order (newest first): keyset paging for exports. */
export function listPersonsAfter(
  db: Db,
  f: PersonMatch,
  after: PersonCursor | undefined,
  limit: number,
): Promise<Array<PersonRow & { cursor_at: string }>> {
  let q = matching(db, f);
  if (after) {
    q = q.where(
      sql<boolean>`(persons.created_at, persons.id) < (${after.at}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return q
    .select(VIEW_COLUMNS)
    .select(sql<string>`persons.created_at::text`.as('cursor_at'))
    .orderBy('persons.created_at', 'desc')
    .orderBy('persons.id', 'desc')
    .limit(limit)
    .execute();
}

/** Which of these citizen-ID blind indexes are registered already. */
export async function existingCitizenIndexes(db: Db, indexes: string[]): Promise<Set<string>> {
  if (indexes.length === 0) return new Set();
  const rows = await db
    .selectFrom('persons')
    .select('citizen_id_index')
    .where('citizen_id_index', 'in', indexes)
    .execute();
  return new Set(rows.map((r) => r.citizen_id_index));
}

/**
 * Moves an import job's staged persons (`import_rows` payloads: PersonInsert columns) into
 * `persons` in one statement; one registered meanwhile is skipped. Returns how many were inserted.
 */
export async function insertPersonsFromStaging(tx: Db, jobId: string): Promise<number> {
  const r = await sql`
    insert into persons (name, citizen_id_enc, citizen_id_index, citizen_id_masked, birth_date, gender,
      native_region_code, region_code, mobile_enc, mobile_index, mobile_masked, created_at, updated_at)
    select p.name, p.citizen_id_enc, p.citizen_id_index, p.citizen_id_masked, p.birth_date, p.gender,
      p.native_region_code, p.region_code, p.mobile_enc, p.mobile_index, p.mobile_masked, p.created_at, p.updated_at
    from import_rows i cross join lateral jsonb_populate_record(null::persons, i.payload) p
    where i.job_id = ${jobId}
    order by i.row_no
    on conflict (citizen_id_index) do nothing`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}
