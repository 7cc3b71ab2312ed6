import {
  type Expression,
  type InferResult,
  type Insertable,
  type Selectable,
  type SqlBool,
  sql,
  type Updateable,
} from 'kysely';
import { type Db, regionScopeSql } from '../../../platform/kit/index.ts';
import type { RenewalScope } from '../shared/renewal.scope.ts';
import {
  type ExceptionKind,
  type ProjectExceptionTable,
  type ProjectTable,
  rdb,
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

/**
 * Scope as a SQL condition on `p` (the alias every query here gives renewal_projects): its
 * region within a region grant (index ranges), or a partner organisation one of `parties`.
 */
export function projectScopeSql(
  scope: RenewalScope,
  parties: readonly PartyColumn[] = PARTIES,
): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  const any: Expression<SqlBool>[] = [];
  if (scope.regions.length > 0) any.push(regionScopeSql(scope, 'p.region_code'));
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

// ---------------------------------------------------------------- list (project.list.ts)

/** The value of the project's latest schedule snapshot (its daily re-plan), or null before the first. */
const latest = <T>(column: string) =>
  sql<T | null>`(select ${sql.ref(`s.${column}`)} from renewal_schedule_snapshots s
    where s.project_id = p.id order by s.snapshot_date desc limit 1)`;

/** Late, or with late or at-risk tasks, at the latest re-plan (false before the first). */
export const PROJECT_AT_RISK = sql<boolean>`coalesce((
  select s.days_late > 0 or s.late_task_count > 0 or s.at_risk_task_count > 0
  from renewal_schedule_snapshots s where s.project_id = p.id
  order by s.snapshot_date desc limit 1), false)`;

/** The date of the project's latest daily report (null: none yet). */
const LAST_REPORT_DATE = sql<string | null>`(select max(d.report_date)
  from renewal_daily_reports d where d.project_id = p.id)`;

/**
 * The project has at least one task. Not `exists (…)`: planned for a whole province's scope,
 * that became one hashed scan of every task rather than a probe per row of the page.
 */
const HAS_TASKS = sql<boolean>`coalesce((select true from renewal_tasks t where t.project_id = p.id limit 1), false)`;

/**
 * The register's rows with only what its table shows: one row per project, no joins (names and
 * the latest re-plan are scalar subqueries, so the count reads the projects alone and the
 * planner evaluates them for the page's rows only).
 */
export const projectListRows = (db: Db) =>
  rdb(db)
    .selectFrom('renewal_projects as p')
    .select([
      'p.id',
      'p.name',
      'p.type',
      'p.region_code',
      'p.stage',
      'p.deadline',
      'p.calendar_kind',
      sql<string>`(select r.name from regions r where r.code = p.region_code)`.as('region_name'),
      partyName('contractor_id').as('contractor_name'),
      latest<string>('project_finish').as('project_finish'),
      latest<number>('days_late').as('days_late'),
      latest<number>('progress_bp').as('progress_bp'),
      PROJECT_AT_RISK.as('at_risk'),
      LAST_REPORT_DATE.as('last_report_date'),
      HAS_TASKS.as('has_tasks'),
    ]);

export type ProjectListRow = InferResult<ReturnType<typeof projectListRows>>[number];

/** What only the register's Excel export shows of these projects (owner, parties, budget, re-plan counts). */
export const projectExportDetails = (db: Db, ids: string[]) =>
  rdb(db)
    .selectFrom('renewal_projects as p')
    .innerJoin('organisations as ow', 'ow.id', 'p.owner_org_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('renewal_schedule_snapshots as s')
          .select(['s.snapshot_date', 's.late_task_count', 's.at_risk_task_count'])
          .whereRef('s.project_id', '=', 'p.id')
          .orderBy('s.snapshot_date', 'desc')
          .limit(1)
          .as('snap'),
      (join) => join.onTrue(),
    )
    .select([
      'p.id',
      'p.delivery_mode',
      'p.budget_fen',
      'p.start_date',
      'ow.name as owner_org_name',
      partyName('agent_builder_id').as('agent_builder_name'),
      partyName('supervisor_id').as('supervisor_name'),
      partyName('inspector_id').as('inspector_name'),
      'snap.snapshot_date',
      'snap.late_task_count',
      'snap.at_risk_task_count',
    ])
    .where('p.id', 'in', ids)
    .execute();

export type ProjectExportDetail = Awaited<ReturnType<typeof projectExportDetails>>[number];

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
