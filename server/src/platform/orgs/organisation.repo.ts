import { type ExpressionBuilder, type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Db } from '../audit/audit.repo.ts';
import type { OrganisationKind, OrganisationTable, PlatformTables } from '../db/schema.ts';

/** The only place with queries on `organisations`. */

export type OrganisationRow = Selectable<OrganisationTable>;

/** A row with the names the views show beside it. */
export type OrganisationListRow = OrganisationRow & { region_name: string; parent_name: string | null };

export type NewOrganisationRow = Insertable<OrganisationTable>;

const COLUMNS = [
  'o.id',
  'o.parent_id',
  'o.kind',
  'o.name',
  'o.region_code',
  'o.credit_code',
  'o.address',
  'o.status',
  'o.created_at',
  'o.updated_at',
] as const;

type OrgEb = ExpressionBuilder<PlatformTables & { o: OrganisationTable }, 'o'>;

export interface OrganisationFilter {
  /** Region subtrees the caller may see; null: everywhere. */
  scope: string[] | null;
  kind?: OrganisationKind | undefined;
  /** Region subtree (code prefix). */
  regionCode?: string | undefined;
  parentId?: string | undefined;
  status?: 'active' | 'closed' | undefined;
  /** Part of the name, or the start of the credit code. */
  q?: string | undefined;
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (c) => `\\${c}`);

function matches(eb: OrgEb, f: OrganisationFilter) {
  const all = [];
  if (f.scope !== null)
    all.push(eb.or(f.scope.map((root) => eb('o.region_code', 'like', `${escapeLike(root)}%`))));
  if (f.kind) all.push(eb('o.kind', '=', f.kind));
  if (f.regionCode) all.push(eb('o.region_code', 'like', `${escapeLike(f.regionCode)}%`));
  if (f.parentId) all.push(eb('o.parent_id', '=', f.parentId));
  if (f.status) all.push(eb('o.status', '=', f.status));
  if (f.q) {
    all.push(
      eb.or([
        eb('o.name', 'ilike', `%${escapeLike(f.q)}%`),
        eb('o.credit_code', 'like', `${escapeLike(f.q.toUpperCase())}%`),
      ]),
    );
  }
  return eb.and(all);
}

const withNames = (db: Db) =>
  db
    .selectFrom('organisations as o')
    .innerJoin('regions as r', 'r.code', 'o.region_code')
    .leftJoin('organisations as p', 'p.id', 'o.parent_id')
    .select(COLUMNS)
    .select(['r.name as region_name', 'p.name as parent_name']);

/** One page of matching organisations ordered by name, and how many match in all. */
export async function findOrganisationPage(
  db: Db,
  f: OrganisationFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: OrganisationListRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    withNames(db)
      .where((eb) => matches(eb, f))
      .orderBy('o.name')
      .orderBy('o.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom('organisations as o')
      .where((eb) => matches(eb, f))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Every matching organisation (no paging), ordered by name: the tree view. */
export const findOrganisations = (db: Db, f: OrganisationFilter): Promise<OrganisationListRow[]> =>
  withNames(db)
    .where((eb) => matches(eb, f))
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();

export const findOrganisation = (db: Db, id: string): Promise<OrganisationListRow | undefined> =>
  withNames(db).where('o.id', '=', id).executeTakeFirst();

/** Locks the row until the transaction ends, so concurrent changes see each other's result. */
export async function lockOrganisation(tx: Db, id: string): Promise<void> {
  await tx.selectFrom('organisations').select('id').where('id', '=', id).forUpdate().execute();
}

/** Inserts one organisation and returns it. Used by the service and by the demo seeder. */
export const insertOrganisation = (db: Db, values: NewOrganisationRow): Promise<OrganisationRow> =>
  db.insertInto('organisations').values(values).returningAll().executeTakeFirstOrThrow();

export const patchOrganisation = (
  db: Db,
  id: string,
  values: Updateable<OrganisationTable>,
): Promise<OrganisationRow | undefined> =>
  db
    .updateTable('organisations as o')
    .set(values)
    .where('o.id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirst();

/**
 * Ids of `id` and all its ancestors (parent, grandparent, …). UNION (not UNION ALL) ends the
 * walk even if the data held a cycle.
 */
export async function selfAndAncestorIds(db: Db, id: string): Promise<string[]> {
  const rows = await db
    .withRecursive('chain(id, parent_id)', (q) =>
      q
        .selectFrom('organisations')
        .select(['id', 'parent_id'])
        .where('id', '=', id)
        .union(
          q
            .selectFrom('organisations as o')
            .innerJoin('chain', 'chain.parent_id', 'o.id')
            .select(['o.id', 'o.parent_id']),
        ),
    )
    .selectFrom('chain')
    .select('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function countActiveChildren(db: Db, id: string): Promise<number> {
  const r = await db
    .selectFrom('organisations')
    .where('parent_id', '=', id)
    .where('status', '=', 'active')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const regionExists = async (db: Db, code: string) =>
  Boolean(await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst());

/** Any fixed 64-bit number: moves in the organisation tree take this lock so two moves cannot make a cycle. */
const TREE_LOCK = 7_317_000_002;

export async function lockOrganisationTree(tx: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(${TREE_LOCK})`.execute(tx);
}

/** A PostgreSQL unique violation (SQLSTATE 23505) on the credit code column. */
export function isCreditCodeTaken(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown } | null;
  if (e?.code !== '23505') return false;
  return typeof e.constraint !== 'string' || e.constraint.includes('credit_code');
}

export async function countOrganisations(db: Db, f: OrganisationFilter): Promise<number> {
  const r = await db
    .selectFrom('organisations as o')
    .where((eb) => matches(eb, f))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The next page after (name, id), in the list's order (by name): keyset paging for exports. */
export const listOrganisationsAfter = (
  db: Db,
  f: OrganisationFilter,
  after: { name: string; id: string } | undefined,
  limit: number,
): Promise<OrganisationListRow[]> =>
  withNames(db)
    .where((eb) => matches(eb, f))
    .$if(after !== undefined, (q) =>
      q.where(sql<boolean>`(o.name, o.id) > (${after?.name}, ${after?.id}::uuid)`),
    )
    .orderBy('o.name')
    .orderBy('o.id')
    .limit(limit)
    .execute();

/** Organisations with any of these credit codes or exact names (an import's parent references). */
export const findOrganisationsByCodeOrName = (
  db: Db,
  codes: string[],
  names: string[],
): Promise<OrganisationRow[]> =>
  codes.length + names.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('organisations')
        .selectAll()
        .where((eb) =>
          eb.or([
            ...(codes.length > 0 ? [eb('credit_code', 'in', codes)] : []),
            ...(names.length > 0 ? [eb('name', 'in', names)] : []),
          ]),
        )
        .execute();

/**
 * What a staged import row does (`op` in its payload): registers a new organisation, updates
 * the registered one it matched (`id`, unless it changed since it was read: `seen`), or leaves
 * a matched one as it is. Rows staged before `op` existed are inserts.
 */
export type StagedOrganisationOp = 'insert' | 'update' | 'skip';

/**
 * Moves an import job's staged new organisations (`import_rows` payloads with op 'insert':
 * organisation columns with ids chosen at validation, so rows may name earlier rows as parent)
 * into `organisations` in one statement. Returns how many were inserted.
 */
export async function insertOrganisationsFromStaging(tx: Db, jobId: string): Promise<number> {
  const r = await sql`
    insert into organisations (id, parent_id, kind, name, region_code, credit_code, address, created_at, updated_at)
    select o.id, o.parent_id, o.kind, o.name, o.region_code, o.credit_code, o.address, o.created_at, o.updated_at
    from import_rows i cross join lateral jsonb_populate_record(null::organisations, i.payload) o
    where i.job_id = ${jobId} and coalesce(i.payload->>'op', 'insert') = 'insert'
    order by i.row_no
    on conflict do nothing`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Applies an import job's staged updates (op 'update') to the organisations they matched, each
 * only if the organisation is as it was when the row was validated (its `updated_at`, to the
 * millisecond, equals the staged `seen`). Returns the ids updated.
 */
export async function updateOrganisationsFromStaging(tx: Db, jobId: string, now: Date): Promise<string[]> {
  const r = await sql<{ id: string }>`
    update organisations o
    set parent_id = s.parent_id, kind = s.kind, name = s.name, region_code = s.region_code,
        credit_code = s.credit_code, address = s.address, updated_at = ${now}
    from (
      select p.id, p.parent_id, p.kind, p.name, p.region_code, p.credit_code, p.address,
             (i.payload->>'seen')::timestamptz as seen
      from import_rows i cross join lateral jsonb_populate_record(null::organisations, i.payload) p
      where i.job_id = ${jobId} and i.payload->>'op' = 'update'
    ) s
    where o.id = s.id and date_trunc('milliseconds', o.updated_at) = date_trunc('milliseconds', s.seen)
    returning o.id`.execute(tx);
  return r.rows.map((x) => x.id);
}

/** How many of an import job's staged rows are matched organisations left as they were (op 'skip'). */
export async function countStagedSkips(tx: Db, jobId: string): Promise<number> {
  const r = await sql<{ n: string | number }>`
    select count(*) as n from import_rows where job_id = ${jobId} and payload->>'op' = 'skip'`.execute(tx);
  return Number(r.rows[0]?.n ?? 0);
}

/** The parent of each of these organisations (for walking up the tree). */
export async function parentsOf(db: Db, ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'parent_id'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.parent_id]));
}

/** True if any of these organisations is its own ancestor (a cycle in the tree). */
export async function anyInCycle(tx: Db, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const r = await sql<{ id: string }>`
    with recursive up(start, id, depth) as (
      select o.id, o.parent_id, 1 from organisations o
      where o.id = any(${ids}::uuid[]) and o.parent_id is not null
      union all
      select up.start, o.parent_id, up.depth + 1 from up join organisations o on o.id = up.id
      where o.parent_id is not null and up.id <> up.start and up.depth < 1000
    )
    select start as id from up where id = start limit 1`.execute(tx);
  return r.rows.length > 0;
}

/** Ids of these organisations and all their sub-organisations (UNION ends the walk on a cycle). */
export async function organisationSubtreeIds(db: Db, roots: string[]): Promise<string[]> {
  if (roots.length === 0) return [];
  const rows = await db
    .withRecursive('sub(id)', (q) =>
      q
        .selectFrom('organisations')
        .select('id')
        .where('id', 'in', roots)
        .union(q.selectFrom('organisations as o').innerJoin('sub', 'sub.id', 'o.parent_id').select('o.id')),
    )
    .selectFrom('sub')
    .select('id')
    .execute();
  return rows.map((r) => r.id);
}
