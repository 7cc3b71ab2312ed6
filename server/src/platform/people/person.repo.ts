import { type ExpressionBuilder, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import type { Db } from '../audit/audit.repo.ts';
import type { PersonTable, PlatformTables } from '../db/schema.ts';
import { isWithinByPrefix, levelOfCode } from '../regions/region-tree.ts';

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

type PersonsDb = PlatformTables & { regions: PlatformTables['regions'] };
type PersonsEb = ExpressionBuilder<PersonsDb, 'persons'>;

/**
 * The first text after every code that starts with `root` (digits only), so that a subtree is
 * the range [root, successor): '330523' → '330524', '3309' → '331'; undefined when there is
 * none ('99'). For digit strings the order is the same under every collation.
 */
export function prefixSuccessor(root: string): string | undefined {
  for (let i = root.length - 1; i >= 0; i--) {
    const d = root.charCodeAt(i);
    if (d < 0x39) return root.slice(0, i) + String.fromCharCode(d + 1);
  }
  return undefined;
}

/**
 * The region subtrees a list shows: the caller's scope (null: unrestricted) narrowed to the
 * filter's region, without roots that lie within another; null when nothing restricts the
 * residence. A code that is no region level (2, 4, 6, 9 or 12 digits) contains nothing, as
 * in the policy (`isWithinByPrefix`): '33052' is not a prefix of 安吉 330523's people.
 */
export function regionRoots(scope: string[] | null, regionCode?: string): string[] | null {
  const levelled = (code: string) => levelOfCode(code) !== undefined;
  let roots = scope === null ? null : scope.filter(levelled);
  if (regionCode !== undefined) {
    if (!levelled(regionCode)) return [];
    roots =
      roots === null
        ? [regionCode]
        : roots.flatMap((root) => {
            if (isWithinByPrefix(regionCode, root)) return [regionCode];
            return isWithinByPrefix(root, regionCode) ? [root] : [];
          });
  }
  if (roots === null) return null;
  const unique = [...new Set(roots)];
  return unique.filter((r) => !unique.some((other) => other !== r && isWithinByPrefix(r, other)));
}

/**
 * Residence within one of the subtrees, as ranges on `region_code`: `persons_region_idx`
 * serves them, where `LIKE 'prefix%'` cannot use a b-tree under the C.UTF-8 collation.
 */
function inSubtrees(eb: PersonsEb, roots: string[]) {
  return eb.or(
    roots.map((root) => {
      const next = prefixSuccessor(root);
      const from = eb('persons.region_code', '>=', root);
      return next === undefined ? from : eb.and([from, eb('persons.region_code', '<', next)]);
    }),
  );
}

/** Which persons a list or export shows. */
export interface PersonMatch {
  /** null: unrestricted; otherwise residence must lie within one of these subtrees. */
  scope: string[] | null;
  nameContains?: string | undefined;
  /** Residence within this region's subtree. */
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

/** Does the match narrow the residence scope by anything else (name, gender, age)? */
const narrowed = (f: PersonMatch) => Boolean(f.nameContains || f.gender || f.bornOnOrBefore || f.bornAfter);

function matching(db: Db, f: PersonMatch) {
  let q = db.selectFrom('persons').leftJoin('regions', 'regions.code', 'persons.region_code');
  const roots = regionRoots(f.scope, f.regionCode);
  if (roots !== null) q = q.where((eb) => (roots.length > 0 ? inSubtrees(eb, roots) : eb.lit(false)));
  if (f.nameContains) q = q.where('persons.name', 'like', `%${escapeLike(f.nameContains)}%`);
  if (f.gender) q = q.where('persons.gender', '=', f.gender);
  if (f.bornOnOrBefore) q = q.where('persons.birth_date', '<=', f.bornOnOrBefore);
  if (f.bornAfter) q = q.where('persons.birth_date', '>', f.bornAfter);
  return q;
}

/**
 * How many persons live in the subtrees (null: everyone, those without a residence too), from
 * the counts the triggers of migration 0008 keep: one primary-key look-up per root.
 */
function countInSubtrees(db: Db, roots: string[] | null) {
  const keys = roots ?? [''];
  return db
    .selectFrom('person_region_counts')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('persons'), eb.lit(0)).as('n'))
    .where((eb) => (keys.length > 0 ? eb('region_prefix', 'in', keys) : eb.lit(false)));
}

const inOrder = <O>(q: SelectQueryBuilder<PersonsDb, 'persons' | 'regions', O>) =>
  q.orderBy('persons.created_at', 'desc').orderBy('persons.id', 'desc');

/** A narrowed count stops at the next multiple of this past the page asked for. */
export const COUNT_STEP = 1000;

/**
 * The total beside a page: the kept counts when only the residence narrows the list, else the
 * matches counted in list order, at most `cap + 1` of them.
 */
const totalOf = (db: Db, f: PersonMatch, cap: number) =>
  narrowed(f)
    ? db
        .selectFrom(
          inOrder(matching(db, f).select(sql.lit(1).as('one')))
            .limit(cap + 1)
            .as('m'),
        )
        .select((eb) => eb.fn.countAll<number>().as('n'))
    : countInSubtrees(db, regionRoots(f.scope, f.regionCode));

export interface PersonPageResult {
  rows: PersonRow[];
  /** Exact, unless `totalIsLowerBound`: then more than `total` match. */
  total: number;
  totalIsLowerBound: boolean;
}

/**
 * One page, newest first, read from `persons_created_idx` in order (no sort of the scope), with
 * the total in the same statement: exact from the kept counts when only the residence narrows
 * the list; otherwise counted in list order up to the next multiple of COUNT_STEP past the page
 * (1,000 on the first pages, then 2,000 …), since a name, gender or age over a whole province
 * would be counted row by row on every page. The last page's total is the page's own.
 */
export async function listPersons(db: Db, f: PersonFilter): Promise<PersonPageResult> {
  const cap = Math.ceil((f.offset + f.limit + 1) / COUNT_STEP) * COUNT_STEP;
  const found = await inOrder(
    matching(db, f)
      .select(VIEW_COLUMNS)
      .select(totalOf(db, f, cap).as('total_count')),
  )
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  // each row carries the total too: harmless, as the presenter names the fields it shows
  const rows: PersonRow[] = found;
  // at least this many match: those on this page and on the pages before it
  const seen = rows.length > 0 ? f.offset + rows.length : 0;
  if (rows.length < f.limit && (rows.length > 0 || f.offset === 0)) {
    return { rows, total: seen, totalIsLowerBound: false };
  }
  // past the last page the statement returned no row to carry the total
  const counted = Number(found[0]?.total_count ?? (await totalOf(db, f, cap).executeTakeFirstOrThrow()).n);
  if (narrowed(f) && counted > cap) return { rows, total: cap, totalIsLowerBound: true };
  return { rows, total: Math.max(counted, seen), totalIsLowerBound: false };
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

/** Exactly how many persons match (exports): from the kept counts when only the residence narrows. */
export async function countPersons(db: Db, f: PersonMatch): Promise<number> {
  if (!narrowed(f)) {
    return Number(
      (await countInSubtrees(db, regionRoots(f.scope, f.regionCode)).executeTakeFirstOrThrow()).n,
    );
  }
  const r = await matching(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

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
