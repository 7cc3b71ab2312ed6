import { sql } from 'kysely';
import type { Db } from '../../../platform/kit/index.ts';
import type { RenewalScope } from '../shared/renewal.scope.ts';
import { odb } from './oversight.tables.ts';
import { READERS } from './project-access.policy.ts';
import { projectIdsInScope } from './project-access.repo.ts';

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

export interface MeetingFilter {
  scope: RenewalScope;
  projectId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Meetings covering at least one project within the scope (and the filters). */
const filtered = (db: Db, f: MeetingFilter) =>
  odb(db)
    .selectFrom('renewal_meetings as m')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('renewal_meeting_projects as mp')
          .select('mp.project_id')
          .whereRef('mp.meeting_id', '=', 'm.id')
          .where('mp.project_id', 'in', projectIdsInScope(db, f.scope, READERS))
          .$if(f.projectId !== undefined, (q) => q.where('mp.project_id', '=', f.projectId as string)),
      ),
    )
    .$if(f.from !== undefined, (q) => q.where('m.held_on', '>=', f.from as string))
    .$if(f.to !== undefined, (q) => q.where('m.held_on', '<=', f.to as string));

/** One page of meetings, latest first, with counts over the items the scope reaches. */
export async function findMeetingPage(
  db: Db,
  f: MeetingFilter,
  today: string,
  page: { limit: number; offset: number },
) {
  const visible = projectIdsInScope(db, f.scope, READERS);
  const [rows, count] = await Promise.all([
    filtered(db, f)
      .select(['m.id', 'm.title', 'm.held_on', 'm.location'])
      .select((eb) => [
        eb
          .selectFrom('renewal_meeting_attendees as at')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('at.meeting_id', '=', 'm.id')
          .as('attendee_count'),
        eb
          .selectFrom('renewal_action_items as a')
          .select([sql<number>`count(*)`.as('n')])
          .whereRef('a.meeting_id', '=', 'm.id')
          .where('a.project_id', 'in', visible)
          .as('action_item_count'),
        eb
          .selectFrom('renewal_action_items as a')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('a.meeting_id', '=', 'm.id')
          .where('a.project_id', 'in', visible)
          .where('a.status', '=', 'open')
          .as('open_count'),
        eb
          .selectFrom('renewal_action_items as a')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('a.meeting_id', '=', 'm.id')
          .where('a.project_id', 'in', visible)
          .where('a.status', '=', 'open')
          .where('a.due_on', '<', today)
          .as('overdue_count'),
      ])
      .orderBy('m.held_on', 'desc')
      .orderBy('m.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The projects (id, name) of these meetings that the scope reaches. */
export const listProjectsOfMeetings = (db: Db, meetingIds: string[], scope: RenewalScope) =>
  meetingIds.length === 0
    ? Promise.resolve([])
    : odb(db)
        .selectFrom('renewal_meeting_projects as mp')
        .innerJoin('renewal_projects as p', 'p.id', 'mp.project_id')
        .select(['mp.meeting_id', 'p.id', 'p.name'])
        .where('mp.meeting_id', 'in', meetingIds)
        .where('mp.project_id', 'in', projectIdsInScope(db, scope, READERS))
        .orderBy('p.name')
        .execute();
