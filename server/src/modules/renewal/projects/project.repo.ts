import {
  type Expression,
  type Insertable,
  type Selectable,
  type SqlBool,
  sql,
  type Updateable,
} from 'kysely';
import { type Db, escapeLike } from '../../../platform/kit/index.ts';
import type { RenewalScope } from '../shared/renewal.scope.ts';
import {
  type ExceptionKind,
  type ProjectExceptionTable,
  type ProjectTable,
  type ProjectType,
  rdb,
  type Stage,
} from '../shared/renewal.tables.ts';

/** The only place with queries on renewal projects, their calendar exceptions and task forces. */

export type ProjectRow = Selectable<ProjectTable>;
export type NewProjectRow = Insertable<ProjectTable>;

export type PartyColumn = 'agent_builder_id' | 'contractor_id' | 'supervisor_id' | 'inspector_id';
export const PARTIES: readonly PartyColumn[] = [
  'agent_builder_id',
  'contractor_id',
  'supervisor_id',
  'inspector_id',
];

/** A LIKE pattern's wildcards taken literally. */

/**
 * Scope as a SQL condition on `p` (the alias every query here gives renewal_projects);
 * `parties`: the columns through which a partner organisation counts.
 */
export function projectScopeSql(
  scope: RenewalScope,
  parties: readonly PartyColumn[] = PARTIES,
): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  const any = scope.regions.map((root) => sql<SqlBool>`p.region_code like ${`${escapeLike(root)}%`}`);
  if (scope.organisations.length > 0) {
    const orgs = sql.join(scope.organisations.map((id) => sql`${id}::uuid`));
    for (const col of parties) any.push(sql<SqlBool>`${sql.ref(`p.${col}`)} in (${orgs})`);
  }
  return any.length > 0 ? sql<SqlBool>`(${sql.join(any, sql` or `)})` : sql<SqlBool>`false`;
}

export const insertProject = (db: Db, values: NewProjectRow): Promise<ProjectRow> =>
  rdb(db).insertInto('renewal_projects').values(values).returningAll().executeTakeFirstOrThrow();

/** Many projects in one multi-row INSERT (bulk loads: scale data for benchmarks); returns their ids in order. */
export async function insertProjects(db: Db, values: NewProjectRow[]): Promise<string[]> {
  if (values.length === 0) return [];
  const rows = await rdb(db).insertInto('renewal_projects').values(values).returning('id').execute();
  return rows.map((r) => r.id);
}

export const patchProject = (db: Db, id: string, values: Updateable<ProjectTable>) =>
  rdb(db)
    .updateTable('renewal_projects')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

/** Locks the project row until the transaction ends: changes to its network and reports queue behind it. */
export async function lockProject(tx: Db, id: string): Promise<void> {
  await rdb(tx).selectFrom('renewal_projects').select('id').where('id', '=', id).forUpdate().execute();
}

export const findProjectRow = (db: Db, id: string): Promise<ProjectRow | undefined> =>
  rdb(db).selectFrom('renewal_projects').selectAll().where('id', '=', id).executeTakeFirst();

/** A project with the names its views show beside it. */
export type ProjectDetailRow = ProjectRow & {
  region_name: string;
  owner_org_name: string;
  agent_builder_name: string | null;
  contractor_name: string | null;
  supervisor_name: string | null;
  inspector_name: string | null;
};

const projects = (db: Db) => rdb(db).selectFrom('renewal_projects as p').selectAll('p');
type ProjectsQuery = ReturnType<typeof projects>;

/** The name of the organisation a party column names, or null. */
const partyName = (column: PartyColumn) =>
  sql<string | null>`(select o.name from organisations o where o.id = ${sql.ref(`p.${column}`)})`;

/**
 * The projects `pick` selects (filtered, ordered, paged: the planner does the paging on the
 * projects alone), with the names their views show. The parties' names are scalar subqueries
 * rather than four more joins: a join of seven tables cost the planner ~5 ms a request, more
 * than running the query (bench/renewal-api.ts).
 */
const withNames = (db: Db, pick: (q: ProjectsQuery) => ProjectsQuery) =>
  rdb(db)
    .selectFrom(pick(projects(db)).as('p'))
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .innerJoin('organisations as ow', 'ow.id', 'p.owner_org_id')
    .selectAll('p')
    .select([
      'r.name as region_name',
      'ow.name as owner_org_name',
      partyName('agent_builder_id').as('agent_builder_name'),
      partyName('contractor_id').as('contractor_name'),
      partyName('supervisor_id').as('supervisor_name'),
      partyName('inspector_id').as('inspector_name'),
    ]);

export const findProjectDetail = (db: Db, id: string): Promise<ProjectDetailRow | undefined> =>
  withNames(db, (q) => q.where('p.id', '=', id)).executeTakeFirst();

// ---------------------------------------------------------------- list

export interface ProjectFilter {
  scope: RenewalScope;
  /** Region subtree (code prefix). */
  regionCode?: string | undefined;
  type?: ProjectType | undefined;
  stage?: Stage | undefined;
  /** Part of the name. */
  q?: string | undefined;
  /** The whole name, ignoring case (already trimmed). */
  name?: string | undefined;
  /** Only projects whose latest schedule snapshot is late or has late or at-risk tasks. */
  atRisk?: boolean | undefined;
}

/** A list row: the project, its names, its latest schedule snapshot and its latest daily report date. */
export type ProjectListRow = ProjectDetailRow & {
  snapshot_date: string | null;
  project_finish: string | null;
  days_late: number | null;
  late_task_count: number | null;
  at_risk_task_count: number | null;
  progress_bp: number | null;
  last_report_date: string | null;
  /** The project has at least one task. */
  has_tasks: boolean;
};

/** The filter as one SQL condition on `p` (at risk: by the project's latest snapshot). */
function matches(f: ProjectFilter): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [projectScopeSql(f.scope)];
  if (f.regionCode) all.push(sql<SqlBool>`p.region_code like ${`${escapeLike(f.regionCode)}%`}`);
  if (f.type) all.push(sql<SqlBool>`p.type = ${f.type}`);
  if (f.stage) all.push(sql<SqlBool>`p.stage = ${f.stage}`);
  if (f.q) all.push(sql<SqlBool>`p.name ilike ${`%${escapeLike(f.q)}%`}`);
  if (f.name) all.push(sql<SqlBool>`lower(p.name) = lower(${f.name})`);
  if (f.atRisk) {
    all.push(sql<SqlBool>`coalesce((
      select s.days_late > 0 or s.late_task_count > 0 or s.at_risk_task_count > 0
      from renewal_schedule_snapshots s where s.project_id = p.id
      order by s.snapshot_date desc limit 1), false)`);
  }
  return sql<SqlBool>`(${sql.join(all, sql` and `)})`;
}

/** The list rows of the projects `pick` selects: names, latest snapshot, latest report date. */
const listQuery = (db: Db, pick: (q: ProjectsQuery) => ProjectsQuery) =>
  withNames(db, pick)
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('renewal_schedule_snapshots as s')
          .select([
            's.snapshot_date',
            's.project_finish',
            's.days_late',
            's.late_task_count',
            's.at_risk_task_count',
            's.progress_bp',
          ])
          .whereRef('s.project_id', '=', 'p.id')
          .orderBy('s.snapshot_date', 'desc')
          .limit(1)
          .as('snap'),
      (join) => join.onTrue(),
    )
    .select([
      'snap.snapshot_date',
      'snap.project_finish',
      'snap.days_late',
      'snap.late_task_count',
      'snap.at_risk_task_count',
      'snap.progress_bp',
    ])
    .select((eb) =>
      eb
        .selectFrom('renewal_daily_reports as d')
        .select((e) => e.fn.max('d.report_date').as('m'))
        .whereRef('d.project_id', '=', 'p.id')
        .as('last_report_date'),
    )
    .select(sql<boolean>`exists (select 1 from renewal_tasks t where t.project_id = p.id)`.as('has_tasks'))
    .orderBy('p.name')
    .orderBy('p.id');

/** One page of matching projects ordered by name, and how many match in all. */
export async function findProjectPage(
  db: Db,
  f: ProjectFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ProjectListRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    listQuery(db, (q) =>
      q.where(matches(f)).orderBy('p.name').orderBy('p.id').limit(page.limit).offset(page.offset),
    ).execute(),
    countProjects(db, f),
  ]);
  return { rows: rows as ProjectListRow[], total };
}

export async function countProjects(db: Db, f: ProjectFilter): Promise<number> {
  const r = await rdb(db)
    .selectFrom('renewal_projects as p')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(matches(f))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The next page after (name, id), in the list's order: keyset paging for exports. */
export async function listProjectsAfter(
  db: Db,
  f: ProjectFilter,
  after: { name: string; id: string } | undefined,
  limit: number,
): Promise<ProjectListRow[]> {
  const rows = await listQuery(db, (q) =>
    q
      .where(matches(f))
      .$if(after !== undefined, (q) =>
        q.where(sql<boolean>`(p.name, p.id) > (${after?.name}, ${after?.id}::uuid)`),
      )
      .orderBy('p.name')
      .orderBy('p.id')
      .limit(limit),
  ).execute();
  return rows as ProjectListRow[];
}

// ---------------------------------------------------------------- calendar exceptions

export type ProjectExceptionRow = Selectable<ProjectExceptionTable>;

export const listExceptions = (db: Db, projectId: string): Promise<ProjectExceptionRow[]> =>
  rdb(db)
    .selectFrom('renewal_project_exceptions')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('day')
    .execute();

export async function replaceExceptions(
  tx: Db,
  projectId: string,
  list: Array<{ day: string; working: boolean; reason: string; kind: ExceptionKind }>,
): Promise<void> {
  await rdb(tx).deleteFrom('renewal_project_exceptions').where('project_id', '=', projectId).execute();
  if (list.length === 0) return;
  await rdb(tx)
    .insertInto('renewal_project_exceptions')
    .values(list.map((e) => ({ project_id: projectId, ...e })))
    .execute();
}
