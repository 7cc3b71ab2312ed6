import type { Db } from '../../../platform/kit/index.ts';
import { type ExceptionKind, rdb } from '../shared/renewal.tables.ts';
import type { ProjectExceptionRow } from './project.repo.ts';

/** The only place with queries on single calendar exceptions (the register replaces whole lists in project.repo.ts). */

export const findException = (
  db: Db,
  projectId: string,
  day: string,
): Promise<ProjectExceptionRow | undefined> =>
  rdb(db)
    .selectFrom('renewal_project_exceptions')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('day', '=', day)
    .executeTakeFirst();

/** Adds the day unless the project has an exception on it already; the row if added. */
export const insertException = (
  tx: Db,
  row: { project_id: string; day: string; kind: ExceptionKind; reason: string; created_by: string | null },
): Promise<ProjectExceptionRow | undefined> =>
  rdb(tx)
    .insertInto('renewal_project_exceptions')
    .values({ ...row, working: row.kind === 'extra_workday' })
    .onConflict((oc) => oc.columns(['project_id', 'day']).doNothing())
    .returningAll()
    .executeTakeFirst();

export async function deleteException(tx: Db, projectId: string, day: string): Promise<boolean> {
  const r = await rdb(tx)
    .deleteFrom('renewal_project_exceptions')
    .where('project_id', '=', projectId)
    .where('day', '=', day)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The project's exceptions from … to (inclusive), in date order. */
export const listExceptionsIn = (db: Db, projectId: string, from: string, to: string) =>
  rdb(db)
    .selectFrom('renewal_project_exceptions')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .execute();
