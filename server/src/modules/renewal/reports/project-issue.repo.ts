import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import { type Db, isUniqueViolation } from '../../../platform/kit/index.ts';
import { type ProjectIssueTable, rdb } from '../shared/renewal.tables.ts';

/** The only place with queries on project issues (problems from daily reports, tracked to resolution). */

export type IssueRow = Selectable<ProjectIssueTable>;
export type IssueListRow = IssueRow & {
  project_name: string;
  owner_org_name: string | null;
  report_date: string | null;
  /** The project's region and parties (its policy decides who sees the issue). */
  project_region_code: string;
  project_agent_builder_id: string | null;
  project_contractor_id: string | null;
  project_supervisor_id: string | null;
  project_inspector_id: string | null;
};

export const insertIssue = (db: Db, values: Insertable<ProjectIssueTable>): Promise<IssueRow> =>
  rdb(db).insertInto('renewal_project_issues').values(values).returningAll().executeTakeFirstOrThrow();

export const patchIssue = (db: Db, id: string, values: Updateable<ProjectIssueTable>): Promise<IssueRow> =>
  rdb(db)
    .updateTable('renewal_project_issues')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

/** True when the one-issue-per-problem constraint refused a write. */
export const isProblemTaken = (e: unknown): boolean => isUniqueViolation(e, 'problem');

/** Issues with their project's name and parties, owner organisation and report date (one row per issue). */
export const issuesWithNames = (db: Db) =>
  rdb(db)
    .selectFrom('renewal_project_issues as i')
    .innerJoin('renewal_projects as p', 'p.id', 'i.project_id')
    .leftJoin('organisations as o', 'o.id', 'i.owner_org_id')
    .leftJoin('renewal_daily_reports as d', 'd.id', 'i.report_id')
    .selectAll('i')
    .select([
      'p.name as project_name',
      'o.name as owner_org_name',
      'd.report_date',
      'p.region_code as project_region_code',
      'p.agent_builder_id as project_agent_builder_id',
      'p.contractor_id as project_contractor_id',
      'p.supervisor_id as project_supervisor_id',
      'p.inspector_id as project_inspector_id',
    ]);

export const findIssue = (db: Db, id: string): Promise<IssueListRow | undefined> =>
  issuesWithNames(db).where('i.id', '=', id).executeTakeFirst();

/** Issue ids by problem number, for one report. */
export async function issuesOfReport(db: Db, reportId: string): Promise<Map<number, string>> {
  const rows = await rdb(db)
    .selectFrom('renewal_project_issues')
    .select(['id', 'problem_no'])
    .where('report_id', '=', reportId)
    .execute();
  return new Map(rows.flatMap((r) => (r.problem_no === null ? [] : [[r.problem_no, r.id] as const])));
}

/** Open and overdue (open, due before `today`) issues of a project. */
export async function countIssues(
  db: Db,
  projectId: string,
  today: string,
): Promise<{ open: number; overdue: number }> {
  const r = await rdb(db)
    .selectFrom('renewal_project_issues')
    .select([
      sql<number>`count(*) filter (where status = 'open')`.as('open'),
      sql<number>`count(*) filter (where status = 'open' and due_date < ${today})`.as('overdue'),
    ])
    .where('project_id', '=', projectId)
    .executeTakeFirstOrThrow();
  return { open: Number(r.open), overdue: Number(r.overdue) };
}
