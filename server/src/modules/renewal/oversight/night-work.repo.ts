import { sql } from 'kysely';
import type { Db } from '../../../platform/kit/index.ts';
import { type Attitude, type NightWorkStatus, type NoticeChannel, odb } from './oversight.tables.ts';

/** The only place with queries on night-work requests, their notices and neighbours' feedback. */

export const insertNightWork = (
  tx: Db,
  v: {
    projectId: string;
    firstNight: string;
    lastNight: string;
    startTime: string;
    endTime: string;
    reason: string;
    noiseMeasures: string;
    requestedBy: string | null;
    requestingOrganisationId: string | null;
    at: Date;
  },
) =>
  odb(tx)
    .insertInto('renewal_night_work')
    .values({
      project_id: v.projectId,
      first_night: v.firstNight,
      last_night: v.lastNight,
      start_time: v.startTime,
      end_time: v.endTime,
      reason: v.reason,
      noise_measures: v.noiseMeasures,
      requested_by: v.requestedBy,
      requesting_organisation_id: v.requestingOrganisationId,
      created_at: v.at,
      updated_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

/** Feedback counts by attitude, as columns of a night-work row `n`. */
const tally = (attitude: Attitude) =>
  sql<number>`(select count(*) from renewal_night_work_feedback fb where fb.night_work_id = n.id and fb.attitude = ${attitude})`;

const withNames = (db: Db) =>
  odb(db)
    .selectFrom('renewal_night_work as n')
    .innerJoin('renewal_projects as p', 'p.id', 'n.project_id')
    .leftJoin('organisations as ro', 'ro.id', 'n.requesting_organisation_id')
    .leftJoin('users as rq', 'rq.id', 'n.requested_by')
    .leftJoin('users as dc', 'dc.id', 'n.decided_by')
    .selectAll('n')
    .select([
      'p.name as project_name',
      'ro.name as requesting_organisation_name',
      'rq.display_name as requested_by_name',
      'dc.display_name as decided_by_name',
      tally('support').as('support_count'),
      tally('neutral').as('neutral_count'),
      tally('object').as('object_count'),
      sql<number>`(select count(*) from renewal_night_work_notices nt where nt.night_work_id = n.id)`.as(
        'notice_count',
      ),
    ]);

export const findNightWork = (db: Db, id: string) => withNames(db).where('n.id', '=', id).executeTakeFirst();

export type NightWorkRow = NonNullable<Awaited<ReturnType<typeof findNightWork>>>;

/** Locks the request until the transaction ends: a decision and a notice queue. */
export async function lockNightWork(tx: Db, id: string): Promise<void> {
  await odb(tx).selectFrom('renewal_night_work').select('id').where('id', '=', id).forUpdate().execute();
}

export const decideNightWorkRow = (
  tx: Db,
  id: string,
  v: { status: Exclude<NightWorkStatus, 'pending'>; decidedBy: string | null; note: string | null; at: Date },
) =>
  odb(tx)
    .updateTable('renewal_night_work')
    .set({
      status: v.status,
      decided_by: v.decidedBy,
      decided_at: v.at,
      decision_note: v.note,
      updated_at: v.at,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();

export const insertNotice = (
  tx: Db,
  v: {
    nightWorkId: string;
    text: string;
    publishedOn: string;
    channel: NoticeChannel;
    createdBy: string | null;
    at: Date;
  },
) =>
  odb(tx)
    .insertInto('renewal_night_work_notices')
    .values({
      night_work_id: v.nightWorkId,
      text: v.text,
      published_on: v.publishedOn,
      channel: v.channel,
      created_by: v.createdBy,
      created_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export const insertFeedback = (
  tx: Db,
  v: {
    nightWorkId: string;
    name: string | null;
    text: string;
    attitude: Attitude;
    receivedOn: string;
    createdBy: string | null;
    at: Date;
  },
) =>
  odb(tx)
    .insertInto('renewal_night_work_feedback')
    .values({
      night_work_id: v.nightWorkId,
      name: v.name,
      text: v.text,
      attitude: v.attitude,
      received_on: v.receivedOn,
      created_by: v.createdBy,
      created_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export const listNotices = (db: Db, nightWorkId: string) =>
  odb(db)
    .selectFrom('renewal_night_work_notices')
    .selectAll()
    .where('night_work_id', '=', nightWorkId)
    .orderBy('published_on')
    .orderBy('created_at')
    .execute();

export const listFeedback = (db: Db, nightWorkId: string) =>
  odb(db)
    .selectFrom('renewal_night_work_feedback')
    .selectAll()
    .where('night_work_id', '=', nightWorkId)
    .orderBy('received_on')
    .orderBy('created_at')
    .execute();

/** A neighbour's feedback as the export writes it (the name is masked there). */
export interface FeedbackLine {
  name: string | null;
  text: string;
  attitude: Attitude;
  received_on: string;
}

/**
 * The rows of the night-work list and its export: the request with its project, who asked and
 * decided, the feedback tally, and (for the export) the neighbours' feedback oldest first.
 */
export const nightWorkListRows = (db: Db) =>
  odb(db)
    .selectFrom('renewal_night_work as n')
    .innerJoin('renewal_projects as p', 'p.id', 'n.project_id')
    .leftJoin('organisations as ro', 'ro.id', 'n.requesting_organisation_id')
    .leftJoin('users as dc', 'dc.id', 'n.decided_by')
    .select([
      'n.id',
      'n.project_id',
      'n.first_night',
      'n.last_night',
      'n.start_time',
      'n.end_time',
      'n.reason',
      'n.noise_measures',
      'n.status',
      'n.decided_at',
      'n.decision_note',
      'p.name as project_name',
      'ro.name as requesting_organisation_name',
      'dc.display_name as decided_by_name',
      tally('support').as('support_count'),
      tally('neutral').as('neutral_count'),
      tally('object').as('object_count'),
      sql<number>`(select count(*) from renewal_night_work_notices nt where nt.night_work_id = n.id)`.as(
        'notice_count',
      ),
      sql<FeedbackLine[]>`(select coalesce(json_agg(json_build_object(
          'name', fb.name, 'text', fb.text, 'attitude', fb.attitude, 'received_on', fb.received_on
        ) order by fb.received_on, fb.created_at), '[]'::json)
        from renewal_night_work_feedback fb where fb.night_work_id = n.id)`.as('feedback'),
    ]);

export type NightWorkListRow = Awaited<ReturnType<ReturnType<typeof nightWorkListRows>['execute']>>[number];

/** Approved requests of a project with a night within from … to. */
export const listApprovedNights = (db: Db, projectId: string, from: string, to: string) =>
  odb(db)
    .selectFrom('renewal_night_work')
    .select(['id', 'first_night', 'last_night', 'start_time', 'end_time', 'reason'])
    .where('project_id', '=', projectId)
    .where('status', '=', 'approved')
    .where('first_night', '<=', to)
    .where('last_night', '>=', from)
    .orderBy('first_night')
    .orderBy('id')
    .execute();
