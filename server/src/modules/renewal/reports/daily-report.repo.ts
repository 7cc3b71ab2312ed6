import type { Insertable, Selectable, Updateable } from 'kysely';
import { type Db, isUniqueViolation, regionSubtreeSql, regionsSql } from '../../../platform/kit/index.ts';
import { projectScopeSql } from '../projects/project.repo.ts';
import type { ProgressItem } from '../shared/progress.rules.ts';
import type { RenewalScope } from '../shared/renewal.scope.ts';
import { type DailyReportTable, type ReportProgressTable, rdb } from '../shared/renewal.tables.ts';

/** The only place with queries on daily reports (工程日报) and their progress lines. */

export type ReportRow = Selectable<DailyReportTable>;
export type ProgressRow = Selectable<ReportProgressTable> & { task_name: string; wbs_code: string | null };

export const insertReport = (db: Db, values: Insertable<DailyReportTable>): Promise<ReportRow> =>
  rdb(db).insertInto('renewal_daily_reports').values(values).returningAll().executeTakeFirstOrThrow();

/** Many reports in one multi-row INSERT (bulk loads); returns their ids in order. */
export async function insertReports(db: Db, values: Insertable<DailyReportTable>[]): Promise<string[]> {
  if (values.length === 0) return [];
  const rows = await rdb(db).insertInto('renewal_daily_reports').values(values).returning('id').execute();
  return rows.map((r) => r.id);
}

/** Progress lines of many reports in one multi-row INSERT (bulk loads). */
export async function insertProgressLines(db: Db, values: Insertable<ReportProgressTable>[]): Promise<void> {
  if (values.length === 0) return;
  await rdb(db).insertInto('renewal_report_progress').values(values).execute();
}

export const patchReport = (db: Db, id: string, values: Updateable<DailyReportTable>): Promise<ReportRow> =>
  rdb(db)
    .updateTable('renewal_daily_reports')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

/** True when the one-report-per-project-per-day constraint refused a write. */
export const isReportDayTaken = (e: unknown): boolean => isUniqueViolation(e, 'project_date');

export const findReport = (db: Db, id: string): Promise<ReportRow | undefined> =>
  rdb(db).selectFrom('renewal_daily_reports').selectAll().where('id', '=', id).executeTakeFirst();

export const findReportOn = (db: Db, projectId: string, date: string): Promise<ReportRow | undefined> =>
  rdb(db)
    .selectFrom('renewal_daily_reports')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('report_date', '=', date)
    .executeTakeFirst();

/** The date of the project's latest report on or before `upTo`, or null. */
export async function lastReportDate(db: Db, projectId: string, upTo: string): Promise<string | null> {
  const r = await rdb(db)
    .selectFrom('renewal_daily_reports')
    .select((eb) => eb.fn.max('report_date').as('m'))
    .where('project_id', '=', projectId)
    .where('report_date', '<=', upTo)
    .executeTakeFirst();
  return r?.m ?? null;
}

export const listProgressOf = (db: Db, reportId: string): Promise<ProgressRow[]> =>
  rdb(db)
    .selectFrom('renewal_report_progress as g')
    .innerJoin('renewal_tasks as t', 't.id', 'g.task_id')
    .selectAll('g')
    .select(['t.name as task_name', 't.wbs_code'])
    .where('g.report_id', '=', reportId)
    .orderBy('t.position')
    .orderBy('t.id')
    .execute();

export async function replaceProgress(
  tx: Db,
  reportId: string,
  items: Array<Omit<Insertable<ReportProgressTable>, 'report_id'>>,
): Promise<void> {
  await rdb(tx).deleteFrom('renewal_report_progress').where('report_id', '=', reportId).execute();
  if (items.length === 0) return;
  await rdb(tx)
    .insertInto('renewal_report_progress')
    .values(items.map((i) => ({ ...i, report_id: reportId })))
    .execute();
}

/** Every progress line of the project's reports dated on or before `date`, oldest first. */
export async function listProgressUpTo(db: Db, projectId: string, date: string): Promise<ProgressItem[]> {
  const rows = await rdb(db)
    .selectFrom('renewal_report_progress as g')
    .innerJoin('renewal_daily_reports as d', 'd.id', 'g.report_id')
    .select(['d.report_date', 'g.task_id', 'g.percent', 'g.started_on', 'g.finished_on', 'g.remaining_days'])
    .where('d.project_id', '=', projectId)
    .where('d.report_date', '<=', date)
    .orderBy('d.report_date')
    .execute();
  return rows.map((r) => ({
    reportDate: r.report_date,
    taskId: r.task_id,
    percent: r.percent,
    startedOn: r.started_on,
    finishedOn: r.finished_on,
    remainingDays: r.remaining_days,
  }));
}

// ---------------------------------------------------------------- lists (daily-report.list.ts)

/**
 * Reports with their project's name, region and contractor, and how many tasks each gave
 * progress on: one row per report, for a project's list and the export across projects.
 */
export const reportsWithProjects = (db: Db) =>
  rdb(db)
    .selectFrom('renewal_daily_reports as d')
    .innerJoin('renewal_projects as p', 'p.id', 'd.project_id')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .leftJoin('organisations as ct', 'ct.id', 'p.contractor_id')
    .selectAll('d')
    .select(['p.name as project_name', 'r.name as region_name', 'ct.name as contractor_name'])
    .select((eb) =>
      eb
        .selectFrom('renewal_report_progress as g')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('g.report_id', '=', 'd.id')
        .as('progress_count'),
    );

export type ReportListRow = Awaited<ReturnType<ReturnType<typeof reportsWithProjects>['execute']>>[number];

// ---------------------------------------------------------------- missing reports

export interface MissingRow {
  id: string;
  name: string;
  region_code: string;
  region_name: string;
  contractor_id: string | null;
  contractor_name: string | null;
  last_report_date: string | null;
}

const missingQuery = (db: Db, scope: RenewalScope, date: string, regionCode: string | undefined) =>
  rdb(db)
    .selectFrom('renewal_projects as p')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .leftJoin('organisations as ct', 'ct.id', 'p.contractor_id')
    .where((eb) =>
      eb.and([
        projectScopeSql(scope),
        eb('p.stage', '=', 'construction'),
        eb('p.start_date', '<=', date),
        eb.not(
          eb.exists(
            eb
              .selectFrom('renewal_daily_reports as d')
              .select('d.id')
              .whereRef('d.project_id', '=', 'p.id')
              .where('d.report_date', '=', date),
          ),
        ),
        ...(regionCode ? [regionSubtreeSql('p.region_code', regionCode)] : []),
      ]),
    );

/** Projects under construction in the scope, started by `date`, without a report for it; by name. */
export async function findMissingPage(
  db: Db,
  scope: RenewalScope,
  date: string,
  regionCode: string | undefined,
  page: { limit: number; offset: number },
): Promise<{ rows: MissingRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    missingQuery(db, scope, date, regionCode)
      .select([
        'p.id',
        'p.name',
        'p.region_code',
        'r.name as region_name',
        'p.contractor_id',
        'ct.name as contractor_name',
      ])
      .select((eb) =>
        eb
          .selectFrom('renewal_daily_reports as d2')
          .select((e) => e.fn.max('d2.report_date').as('m'))
          .whereRef('d2.project_id', '=', 'p.id')
          .where('d2.report_date', '<', date)
          .as('last_report_date'),
      )
      .orderBy('p.name')
      .orderBy('p.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    missingQuery(db, scope, date, regionCode)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as MissingRow[], total: Number(count.n) };
}

/** Reports dated `date` on projects in the region subtree (null: everywhere). */
export async function countReportsBetween(
  db: Db,
  regions: string[] | null,
  from: string,
  to: string,
): Promise<number> {
  const r = await rdb(db)
    .selectFrom('renewal_daily_reports as d')
    .innerJoin('renewal_projects as p', 'p.id', 'd.project_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('d.report_date', '>=', from)
    .where('d.report_date', '<=', to)
    .where(regionsSql(regions, 'p.region_code'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
