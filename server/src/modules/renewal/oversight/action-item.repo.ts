import { type Insertable, sql } from 'kysely';
import type { Db } from '../../../platform/kit/index.ts';
import type { RenewalScope } from '../shared/renewal.scope.ts';
import { type ActionItemTable, odb } from './oversight.tables.ts';
import { READERS } from './project-access.policy.ts';
import { projectIdsInScope } from './project-access.repo.ts';

/** The only place with queries on supervision-meeting action items. */

const withNames = (db: Db) =>
  odb(db)
    .selectFrom('renewal_action_items as a')
    .innerJoin('renewal_meetings as m', 'm.id', 'a.meeting_id')
    .innerJoin('renewal_projects as p', 'p.id', 'a.project_id')
    .leftJoin('renewal_tasks as t', 't.id', 'a.task_id')
    .leftJoin('users as u', 'u.id', 'a.closed_by')
    .selectAll('a')
    .select([
      'm.title as meeting_title',
      'm.held_on as meeting_held_on',
      'p.name as project_name',
      't.name as task_name',
      'u.display_name as closed_by_name',
    ]);

export type ActionItemRow = NonNullable<Awaited<ReturnType<typeof findActionItem>>>;

export const findActionItem = (db: Db, id: string) => withNames(db).where('a.id', '=', id).executeTakeFirst();

export async function insertActionItems(tx: Db, rows: Insertable<ActionItemTable>[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const out = await odb(tx).insertInto('renewal_action_items').values(rows).returning('id').execute();
  return out.map((r) => r.id);
}

/** The next number within a meeting (call with the meeting locked). */
export async function nextActionItemSeq(tx: Db, meetingId: string): Promise<number> {
  const r = await odb(tx)
    .selectFrom('renewal_action_items')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return (r?.m ?? 0) + 1;
}

/** Locks the item until the transaction ends, so two closings see each other. */
export async function lockActionItem(tx: Db, id: string): Promise<void> {
  await odb(tx).selectFrom('renewal_action_items').select('id').where('id', '=', id).forUpdate().execute();
}

export const closeActionItemRow = (
  tx: Db,
  id: string,
  v: { closedOn: string; note: string; closedBy: string | null; at: Date },
) =>
  odb(tx)
    .updateTable('renewal_action_items')
    .set({
      status: 'done',
      closed_on: v.closedOn,
      closing_note: v.note,
      closed_by: v.closedBy,
      updated_at: v.at,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();

/** Items of one meeting on the projects the scope reaches, in due-date order. */
export const listMeetingActionItems = (db: Db, meetingId: string, scope: RenewalScope) =>
  withNames(db)
    .where('a.meeting_id', '=', meetingId)
    .where('a.project_id', 'in', projectIdsInScope(db, scope, READERS))
    .orderBy('a.seq')
    .execute();

/** Open items due before `today` on projects the scope reaches, most overdue first. */
export const listOverdueActionItems = (db: Db, scope: RenewalScope, today: string, projectId?: string) =>
  withNames(db)
    .where('a.project_id', 'in', projectIdsInScope(db, scope, READERS))
    .$if(projectId !== undefined, (q) => q.where('a.project_id', '=', projectId as string))
    .where('a.status', '=', 'open')
    .where('a.due_on', '<', today)
    .orderBy('a.due_on')
    .orderBy('p.name')
    .orderBy('a.meeting_id')
    .orderBy('a.seq')
    .limit(1000)
    .execute();

/**
 * The rows of the action-item list and its export: what they show, the days each open item is
 * past its due date on `today` (0 when not overdue), and the project's region (`can`).
 */
export const actionItemListRows = (db: Db, today: string) =>
  odb(db)
    .selectFrom('renewal_action_items as a')
    .innerJoin('renewal_meetings as m', 'm.id', 'a.meeting_id')
    .innerJoin('renewal_projects as p', 'p.id', 'a.project_id')
    .leftJoin('renewal_tasks as t', 't.id', 'a.task_id')
    .select([
      'a.id',
      'a.meeting_id',
      'a.seq',
      'a.project_id',
      'a.text',
      'a.owner_organisation_name',
      'a.owner_person',
      'a.due_on',
      'a.status',
      'a.closed_on',
      'a.closing_note',
      'm.title as meeting_title',
      'm.held_on as meeting_held_on',
      'p.name as project_name',
      'p.region_code',
      't.name as task_name',
      sql<number>`case when a.status = 'open' and a.due_on < ${today}::date
        then ${today}::date - a.due_on else 0 end`.as('days_overdue'),
    ]);

export type ActionItemListRow = Awaited<ReturnType<ReturnType<typeof actionItemListRows>['execute']>>[number];

/** The earliest due date among a meeting's items, or null without items. */
export async function earliestDueOn(db: Db, meetingId: string): Promise<string | null> {
  const r = await odb(db)
    .selectFrom('renewal_action_items')
    .select((eb) => eb.fn.min('due_on').as('d'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return r?.d ?? null;
}
