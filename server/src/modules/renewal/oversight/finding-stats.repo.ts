import { sql } from 'kysely';
import type { Db } from '../../../platform/kit/index.ts';
import type { RenewalScope } from '../shared/renewal.scope.ts';
import { odb } from './oversight.tables.ts';
import { READERS } from './project-access.policy.ts';
import { projectIdsInScope } from './project-access.repo.ts';

/**
 * Finding statistics, computed by SQL from the finding records: per project or per
 * contractor (the project's contractor), counts by category, severity and status, the
 * number overdue on `today`, and the average calendar days from finding to closure (销号).
 */

export type StatsKey = 'project' | 'contractor';

export interface StatsFilter {
  scope: RenewalScope;
  projectId?: string | undefined;
  contractorId?: string | undefined;
  /** Found on or after / on or before. */
  from?: string | undefined;
  to?: string | undefined;
}

const base = (db: Db, f: StatsFilter) =>
  odb(db)
    .selectFrom('renewal_findings as f')
    .innerJoin('renewal_projects as p', 'p.id', 'f.project_id')
    .where('f.project_id', 'in', projectIdsInScope(db, f.scope, READERS))
    .$if(f.projectId !== undefined, (q) => q.where('f.project_id', '=', f.projectId as string))
    .$if(f.contractorId !== undefined, (q) => q.where('p.contractor_id', '=', f.contractorId as string))
    .$if(f.from !== undefined, (q) => q.where('f.found_on', '>=', f.from as string))
    .$if(f.to !== undefined, (q) => q.where('f.found_on', '<=', f.to as string));

const keyColumn = (key: StatsKey) =>
  key === 'project' ? sql.ref('f.project_id') : sql.ref('p.contractor_id');

export interface StatsTotalsRow {
  key: string | null;
  total: number;
  closed: number;
  overdue: number;
  project_count: number;
  avg_days_to_close: number | null;
}

/** Totals per key. */
export async function statsTotals(
  db: Db,
  f: StatsFilter,
  key: StatsKey,
  today: string,
): Promise<StatsTotalsRow[]> {
  const k = keyColumn(key);
  const rows = await base(db, f)
    .select([
      sql<string | null>`${k}`.as('key'),
      sql<number>`count(*)`.as('total'),
      sql<number>`count(*) filter (where f.status = 'closed')`.as('closed'),
      sql<number>`count(*) filter (where f.status <> 'closed' and f.deadline < ${today})`.as('overdue'),
      sql<number>`count(distinct f.project_id)`.as('project_count'),
      sql<number | null>`(avg(f.closed_on - f.found_on) filter (where f.status = 'closed'))::float8`.as(
        'avg_days_to_close',
      ),
    ])
    .groupBy(k)
    .execute();
  return rows.map((r) => ({
    key: r.key,
    total: Number(r.total),
    closed: Number(r.closed),
    overdue: Number(r.overdue),
    project_count: Number(r.project_count),
    avg_days_to_close: r.avg_days_to_close === null ? null : Number(r.avg_days_to_close),
  }));
}

export type StatsDimension = 'category' | 'severity' | 'status';

/** Counts per key and value of one dimension (only the values that occur). */
export async function statsBreakdown(
  db: Db,
  f: StatsFilter,
  key: StatsKey,
  dimension: StatsDimension,
): Promise<Array<{ key: string | null; value: string; n: number }>> {
  const k = keyColumn(key);
  const d = sql.ref(`f.${dimension}`);
  const rows = await base(db, f)
    .select([
      sql<string | null>`${k}`.as('key'),
      sql<string>`${d}`.as('value'),
      sql<number>`count(*)`.as('n'),
    ])
    .groupBy([k, d])
    .execute();
  return rows.map((r) => ({ key: r.key, value: r.value, n: Number(r.n) }));
}

/** Names of the keys (project or organisation names). */
export async function statsKeyNames(db: Db, key: StatsKey, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows =
    key === 'project'
      ? await odb(db).selectFrom('renewal_projects').select(['id', 'name']).where('id', 'in', ids).execute()
      : await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
