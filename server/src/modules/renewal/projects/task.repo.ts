import type { Insertable, Selectable, Updateable } from 'kysely';
import { type Db, isUniqueViolation } from '../../../platform/kit/index.ts';
import { type LinkTypeName, rdb, type TaskLinkTable, type TaskTable } from '../shared/renewal.tables.ts';

/** The only place with queries on renewal tasks and task links. */

export type TaskRow = Selectable<TaskTable> & { responsible_org_name: string | null };
export type LinkRow = Selectable<TaskLinkTable>;

const taskQuery = (db: Db) =>
  rdb(db)
    .selectFrom('renewal_tasks as t')
    .leftJoin('organisations as o', 'o.id', 't.responsible_org_id')
    .selectAll('t')
    .select('o.name as responsible_org_name');

/** The project's tasks in list order. */
export const listTasks = (db: Db, projectId: string): Promise<TaskRow[]> =>
  taskQuery(db)
    .where('t.project_id', '=', projectId)
    .orderBy('t.position')
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();

/** A task as its Excel export shows it: with the WBS code of its parent. */
export type TaskExportRow = TaskRow & { parent_wbs_code: string | null };

/** Keyset paging through a project's tasks in list order (for exports). */
export const listTasksAfter = (
  db: Db,
  projectId: string,
  after: { position: number; id: string } | undefined,
  limit: number,
): Promise<TaskExportRow[]> =>
  taskQuery(db)
    .leftJoin('renewal_tasks as pt', 'pt.id', 't.parent_id')
    .select('pt.wbs_code as parent_wbs_code')
    .where('t.project_id', '=', projectId)
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('t.position', '>', after!.position),
          eb.and([eb('t.position', '=', after!.position), eb('t.id', '>', after!.id)]),
        ]),
      ),
    )
    .orderBy('t.position')
    .orderBy('t.id')
    .limit(limit)
    .execute();

/** The predecessors of these tasks, each with the WBS code and name of the task before it. */
export const listPredecessorsOf = (db: Db, taskIds: string[]) =>
  taskIds.length === 0
    ? Promise.resolve([])
    : rdb(db)
        .selectFrom('renewal_task_links as l')
        .innerJoin('renewal_tasks as f', 'f.id', 'l.from_task_id')
        .select(['l.to_task_id', 'l.type', 'l.lag', 'f.wbs_code as from_wbs_code', 'f.name as from_name'])
        .where('l.to_task_id', 'in', taskIds)
        .orderBy('l.to_task_id')
        .orderBy('f.position')
        .orderBy('f.id')
        .execute();

export const findTask = (db: Db, id: string): Promise<TaskRow | undefined> =>
  taskQuery(db).where('t.id', '=', id).executeTakeFirst();

export async function nextTaskPosition(db: Db, projectId: string): Promise<number> {
  const r = await rdb(db)
    .selectFrom('renewal_tasks')
    .select((eb) => eb.fn.max('position').as('m'))
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return r?.m === null || r?.m === undefined ? 0 : Number(r.m) + 1;
}

export const insertTask = (db: Db, values: Insertable<TaskTable>) =>
  rdb(db).insertInto('renewal_tasks').values(values).returning('id').executeTakeFirstOrThrow();

export async function insertTasks(db: Db, values: Insertable<TaskTable>[]): Promise<string[]> {
  if (values.length === 0) return [];
  const rows = await rdb(db).insertInto('renewal_tasks').values(values).returning('id').execute();
  return rows.map((r) => r.id);
}

export const patchTask = (db: Db, id: string, values: Updateable<TaskTable>) =>
  rdb(db).updateTable('renewal_tasks').set(values).where('id', '=', id).execute();

export const deleteTaskRow = (db: Db, id: string) =>
  rdb(db).deleteFrom('renewal_tasks').where('id', '=', id).execute();

export async function countChildren(db: Db, taskId: string): Promise<number> {
  const r = await rdb(db)
    .selectFrom('renewal_tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', taskId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countProgressItems(db: Db, taskId: string): Promise<number> {
  const r = await rdb(db)
    .selectFrom('renewal_report_progress')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('task_id', '=', taskId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** True when the unique index on (project, WBS code) refused a write. */
export const isWbsTaken = (e: unknown): boolean => isUniqueViolation(e, 'wbs');

// ---------------------------------------------------------------- links

export const listLinks = (db: Db, projectId: string): Promise<LinkRow[]> =>
  rdb(db)
    .selectFrom('renewal_task_links')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('id')
    .execute();

export const findLink = (db: Db, id: string): Promise<LinkRow | undefined> =>
  rdb(db).selectFrom('renewal_task_links').selectAll().where('id', '=', id).executeTakeFirst();

export const linksOfTask = (db: Db, taskId: string): Promise<LinkRow[]> =>
  rdb(db)
    .selectFrom('renewal_task_links')
    .selectAll()
    .where((eb) => eb.or([eb('from_task_id', '=', taskId), eb('to_task_id', '=', taskId)]))
    .execute();

export const insertLink = (
  db: Db,
  v: { projectId: string; from: string; to: string; type: LinkTypeName; lag: number },
): Promise<LinkRow> =>
  rdb(db)
    .insertInto('renewal_task_links')
    .values({ project_id: v.projectId, from_task_id: v.from, to_task_id: v.to, type: v.type, lag: v.lag })
    .returningAll()
    .executeTakeFirstOrThrow();

export async function insertLinks(
  db: Db,
  list: Array<{ projectId: string; from: string; to: string; type: LinkTypeName; lag: number }>,
): Promise<void> {
  if (list.length === 0) return;
  await rdb(db)
    .insertInto('renewal_task_links')
    .values(
      list.map((v) => ({
        project_id: v.projectId,
        from_task_id: v.from,
        to_task_id: v.to,
        type: v.type,
        lag: v.lag,
      })),
    )
    .execute();
}

export const patchLink = (
  db: Db,
  id: string,
  values: { type?: LinkTypeName; lag?: number },
): Promise<LinkRow> =>
  rdb(db)
    .updateTable('renewal_task_links')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteLinkRow = (db: Db, id: string) =>
  rdb(db).deleteFrom('renewal_task_links').where('id', '=', id).execute();

/** True when the unique (from, to) constraint refused a second link between the same tasks. */
export const isLinkTaken = (e: unknown): boolean => isUniqueViolation(e);

/** Ids of the project's tasks that have progress in a daily report. */
export async function tasksWithProgress(db: Db, projectId: string): Promise<Set<string>> {
  const rows = await rdb(db)
    .selectFrom('renewal_report_progress as g')
    .innerJoin('renewal_tasks as t', 't.id', 'g.task_id')
    .select('g.task_id')
    .distinct()
    .where('t.project_id', '=', projectId)
    .execute();
  return new Set(rows.map((r) => r.task_id));
}

export async function countTasks(db: Db, projectId: string): Promise<number> {
  const r = await rdb(db)
    .selectFrom('renewal_tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('project_id', '=', projectId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
