import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../../platform/kit/index.ts';
import type { RenewalScope } from '../shared/renewal.scope.ts';
import { odb } from './oversight.tables.ts';
import { projectInScopeSql } from './project-access.repo.ts';

/** The only place with queries on supervision meetings, their projects and attendees. */

export interface AttendeeValues {
  name: string;
  organisationId: string | null;
  organisationName: string;
  jobTitle: string | null;
}

export const insertMeeting = (
  tx: Db,
  v: {
    title: string;
    heldOn: string;
    location: string | null;
    minutes: string;
    createdBy: string | null;
    at: Date;
  },
) =>
  odb(tx)
    .insertInto('renewal_meetings')
    .values({
      title: v.title,
      held_on: v.heldOn,
      location: v.location,
      minutes: v.minutes,
      created_by: v.createdBy,
      created_at: v.at,
      updated_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export async function insertMeetingProjects(tx: Db, meetingId: string, projectIds: string[]): Promise<void> {
  await odb(tx)
    .insertInto('renewal_meeting_projects')
    .values(projectIds.map((project_id) => ({ meeting_id: meetingId, project_id })))
    .execute();
}

export async function replaceAttendees(tx: Db, meetingId: string, list: AttendeeValues[]): Promise<void> {
  await odb(tx).deleteFrom('renewal_meeting_attendees').where('meeting_id', '=', meetingId).execute();
  if (list.length === 0) return;
  await odb(tx)
    .insertInto('renewal_meeting_attendees')
    .values(
      list.map((a, position) => ({
        meeting_id: meetingId,
        position,
        name: a.name,
        organisation_id: a.organisationId,
        organisation_name: a.organisationName,
        job_title: a.jobTitle,
      })),
    )
    .execute();
}

export const patchMeeting = (
  tx: Db,
  id: string,
  v: { title: string; heldOn: string; location: string | null; minutes: string; at: Date },
) =>
  odb(tx)
    .updateTable('renewal_meetings')
    .set({ title: v.title, held_on: v.heldOn, location: v.location, minutes: v.minutes, updated_at: v.at })
    .where('id', '=', id)
    .execute();

export const findMeeting = (db: Db, id: string) =>
  odb(db)
    .selectFrom('renewal_meetings as m')
    .leftJoin('users as u', 'u.id', 'm.created_by')
    .selectAll('m')
    .select('u.display_name as created_by_name')
    .where('m.id', '=', id)
    .executeTakeFirst();

export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

/** Locks the meeting until the transaction ends. */
export async function lockMeeting(tx: Db, id: string): Promise<void> {
  await odb(tx).selectFrom('renewal_meetings').select('id').where('id', '=', id).forUpdate().execute();
}

/** Ids of the projects a meeting covers. */
export const listMeetingProjectIds = async (db: Db, meetingId: string): Promise<string[]> =>
  (
    await odb(db)
      .selectFrom('renewal_meeting_projects')
      .select('project_id')
      .where('meeting_id', '=', meetingId)
      .execute()
  ).map((r) => r.project_id);

export const listAttendees = (db: Db, meetingId: string) =>
  odb(db)
    .selectFrom('renewal_meeting_attendees')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();

/** The projects the meeting `m` covers that are within the scope (rows `mp`, `p`): a FROM clause. */
const coveredIn = (scope: RenewalScope) => sql`renewal_meeting_projects mp
  join renewal_projects p on p.id = mp.project_id
  where mp.meeting_id = m.id and ${projectInScopeSql(scope)}`;

/** The meeting `m` covers a project within the scope: the caller sees it. */
export const meetingInScopeSql = (scope: RenewalScope) =>
  sql<SqlBool>`exists (select 1 from ${coveredIn(scope)})`;

/** The meeting `m` covers this project, and the project is within the scope. */
export const meetingCoversSql = (scope: RenewalScope, projectId: string) =>
  sql<SqlBool>`exists (select 1 from ${coveredIn(scope)} and mp.project_id = ${projectId})`;

/** Action items of the meeting `m` on projects within the scope (and `where`), as a column. */
const itemCount = (scope: RenewalScope, where: Expression<SqlBool>) =>
  sql<string>`(select count(*) from renewal_action_items a
    join renewal_projects p on p.id = a.project_id
    where a.meeting_id = m.id and ${projectInScopeSql(scope)} and ${where})`;

/**
 * The rows of the meetings list and its export: the meeting with its attendee count, and — as
 * the caller sees them — the projects it covers and its action items on those (open, overdue on
 * `today`).
 */
export const meetingListRows = (db: Db, scope: RenewalScope, today: string) =>
  odb(db)
    .selectFrom('renewal_meetings as m')
    .select([
      'm.id',
      'm.title',
      'm.held_on',
      'm.location',
      sql<string>`(select count(*) from renewal_meeting_attendees at where at.meeting_id = m.id)`.as(
        'attendee_count',
      ),
      sql<Array<{ id: string; name: string }>>`(select coalesce(
          json_agg(json_build_object('id', p.id, 'name', p.name) order by p.name, p.id), '[]'::json)
        from ${coveredIn(scope)})`.as('projects'),
      itemCount(scope, sql<SqlBool>`true`).as('action_item_count'),
      itemCount(scope, sql<SqlBool>`a.status = 'open'`).as('open_count'),
      itemCount(scope, sql<SqlBool>`a.status = 'open' and a.due_on < ${today}`).as('overdue_count'),
    ]);

export type MeetingListRow = Awaited<ReturnType<ReturnType<typeof meetingListRows>['execute']>>[number];
