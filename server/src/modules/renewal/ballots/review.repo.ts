import type { Db } from '../../../platform/kit/index.ts';
import { type AttendeeKind, bdb, type ReviewDecision } from './ballot.tables.ts';

/** The only place with queries on plan review meetings (方案评审会) and their attendees. */

export interface ReviewAttendeeValues {
  name: string;
  kind: AttendeeKind;
  organisation: string | null;
}

export interface ReviewValues {
  heldOn: string;
  place: string;
  minutes: string;
  decision: ReviewDecision;
  decisionNotes: string;
  minutesFileIds: string[];
}

const withPlan = (db: Db) =>
  bdb(db)
    .selectFrom('renewal_plan_reviews as r')
    .innerJoin('renewal_plans as p', 'p.id', 'r.plan_id')
    .selectAll('r')
    .select(['p.version as plan_version', 'p.title as plan_title']);

export const findReview = (db: Db, id: string) => withPlan(db).where('r.id', '=', id).executeTakeFirst();

export type ReviewRow = NonNullable<Awaited<ReturnType<typeof findReview>>>;

export const listReviews = (db: Db, communityId: string) =>
  withPlan(db)
    .where('r.community_id', '=', communityId)
    .orderBy('r.held_on', 'desc')
    .orderBy('r.created_at', 'desc')
    .execute();

export const listReviewAttendees = (db: Db, reviewIds: string[]) =>
  reviewIds.length === 0
    ? Promise.resolve([])
    : bdb(db)
        .selectFrom('renewal_plan_review_attendees')
        .select(['review_id', 'name', 'kind', 'organisation'])
        .where('review_id', 'in', reviewIds)
        .orderBy('review_id')
        .orderBy('position')
        .execute();

export const insertReview = (
  tx: Db,
  v: ReviewValues & { communityId: string; planId: string; createdBy: string | null; at: Date },
) =>
  bdb(tx)
    .insertInto('renewal_plan_reviews')
    .values({
      community_id: v.communityId,
      plan_id: v.planId,
      held_on: v.heldOn,
      place: v.place,
      minutes: v.minutes,
      decision: v.decision,
      decision_notes: v.decisionNotes,
      minutes_file_ids: v.minutesFileIds,
      created_by: v.createdBy,
      created_at: v.at,
      updated_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export const patchReview = (tx: Db, id: string, v: ReviewValues & { at: Date }) =>
  bdb(tx)
    .updateTable('renewal_plan_reviews')
    .set({
      held_on: v.heldOn,
      place: v.place,
      minutes: v.minutes,
      decision: v.decision,
      decision_notes: v.decisionNotes,
      minutes_file_ids: v.minutesFileIds,
      updated_at: v.at,
    })
    .where('id', '=', id)
    .execute();

export const lockReview = (tx: Db, id: string) =>
  bdb(tx).selectFrom('renewal_plan_reviews').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export async function replaceReviewAttendees(tx: Db, reviewId: string, list: ReviewAttendeeValues[]) {
  await bdb(tx).deleteFrom('renewal_plan_review_attendees').where('review_id', '=', reviewId).execute();
  if (list.length === 0) return;
  await bdb(tx)
    .insertInto('renewal_plan_review_attendees')
    .values(list.map((a, position) => ({ review_id: reviewId, position, ...a })))
    .execute();
}
