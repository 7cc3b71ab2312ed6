import type { Selectable } from 'kysely';
import type { Db } from '../../../platform/kit/index.ts';
import { rdb, type ScheduleSnapshotTable } from '../shared/renewal.tables.ts';

/** The only place with queries on the daily schedule snapshots. */

export type SnapshotRow = Selectable<ScheduleSnapshotTable>;

/** Writes the project's snapshot for the date, replacing one taken earlier that day. */
export async function upsertSnapshot(db: Db, row: SnapshotRow): Promise<void> {
  await rdb(db)
    .insertInto('renewal_schedule_snapshots')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['project_id', 'snapshot_date']).doUpdateSet({
        project_finish: row.project_finish,
        feasible: row.feasible,
        days_late: row.days_late,
        late_task_count: row.late_task_count,
        at_risk_task_count: row.at_risk_task_count,
        progress_bp: row.progress_bp,
        computed_at: row.computed_at,
      }),
    )
    .execute();
}

/** Many snapshots in one multi-row INSERT (bulk loads: a trend of past days). */
export async function insertSnapshots(db: Db, rows: SnapshotRow[]): Promise<void> {
  if (rows.length === 0) return;
  await rdb(db).insertInto('renewal_schedule_snapshots').values(rows).execute();
}

/** Writes the snapshot unless the project has one for that date already; true if written. */
export async function insertSnapshotIfMissing(db: Db, row: SnapshotRow): Promise<boolean> {
  const r = await rdb(db)
    .insertInto('renewal_schedule_snapshots')
    .values(row)
    .onConflict((oc) => oc.columns(['project_id', 'snapshot_date']).doNothing())
    .returning('project_id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Ids of open (not delivered) projects without a snapshot for the date. */
export async function projectsMissingSnapshot(db: Db, date: string): Promise<string[]> {
  const rows = await rdb(db)
    .selectFrom('renewal_projects as p')
    .select('p.id')
    .where('p.stage', '<>', 'delivered')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('renewal_schedule_snapshots as s')
            .select('s.project_id')
            .whereRef('s.project_id', '=', 'p.id')
            .where('s.snapshot_date', '=', date),
        ),
      ),
    )
    .orderBy('p.id')
    .execute();
  return rows.map((r) => r.id);
}

/** The project's snapshots up to the date, newest first. */
export const listSnapshots = (
  db: Db,
  projectId: string,
  upTo: string,
  limit: number,
): Promise<SnapshotRow[]> =>
  rdb(db)
    .selectFrom('renewal_schedule_snapshots')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('snapshot_date', '<=', upTo)
    .orderBy('snapshot_date', 'desc')
    .limit(limit)
    .execute();

/** How many snapshots exist for the date (all projects). */
export async function countSnapshotsOn(db: Db, date: string): Promise<number> {
  const r = await rdb(db)
    .selectFrom('renewal_schedule_snapshots')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('snapshot_date', '=', date)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
