import {
  checkDate,
  type Db,
  invalid,
  optionalText,
  type PlatformServices,
  type RequestContext,
  requiredText,
  todayOf,
} from '../../../platform/kit/index.ts';
import { communityReviewsPolicy } from '../communities/community.policy.ts';
import { communityFor, recordFor, reviewNotFound, reviewPolicy } from './ballot.policy.ts';
import { attachFiles, REVIEW_FILES, uniqueIds } from './files.ts';
import { lockPlan } from './plan.repo.ts';
import { movePlan, planOfCommunity } from './plan-status.ts';
import {
  findReview,
  insertReview,
  listReviewAttendees,
  listReviews,
  lockReview,
  patchReview,
  type ReviewAttendeeValues,
  type ReviewRow,
  replaceReviewAttendees,
} from './review.repo.ts';
import type { CreateReviewInput, UpdateReviewInput } from './review.schemas.ts';

/**
 * Use cases of plan review meetings (方案评审会): residents' representatives, experts,
 * designers, the contractor, the street office and the bureau review a plan version; the
 * minutes and the decision (put it to the ballot, or revise it) are recorded. Recording a
 * review of a draft plan puts it under review.
 */

export { reviewNotFound };

type Attendee = NonNullable<CreateReviewInput['attendees']>[number];

const attendeesOf = (list: Attendee[]): ReviewAttendeeValues[] =>
  list.map((a, i) => ({
    name: requiredText(`attendees.${i}.name`, a.name),
    kind: a.kind,
    organisation: optionalText(a.organisation),
  }));

function checkHeldOn(s: PlatformServices, value: string): string {
  checkDate('heldOn', value);
  const today = todayOf(s);
  if (value > today) {
    throw invalid('heldOn', {
      zh: `评审会日期不能晚于今天（${today}），请先开会再记录`,
      en: `The meeting date cannot be after today (${today}); record it once it has been held`,
    });
  }
  return value;
}

export interface ReviewDetail {
  review: ReviewRow;
  attendees: Awaited<ReturnType<typeof listReviewAttendees>>;
  /** What the caller may do with the review meeting. */
  can: Record<'update', boolean>;
}

const detailsOf = async (
  db: Db,
  rows: ReviewRow[],
  can: Record<'update', boolean>,
): Promise<ReviewDetail[]> => {
  const attendees = await listReviewAttendees(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((review) => ({
    review,
    attendees: attendees.filter((a) => a.review_id === review.id),
    can,
  }));
};

export async function listCommunityReviews(s: PlatformServices, ctx: RequestContext, communityId: string) {
  const { can } = await communityFor(s, ctx, communityId, communityReviewsPolicy, 'read');
  return detailsOf(s.db, await listReviews(s.db, communityId), can);
}

export async function getReview(s: PlatformServices, ctx: RequestContext, id: string): Promise<ReviewDetail> {
  const review = await findReview(s.db, id);
  if (!review) throw reviewNotFound(id);
  const { can } = await recordFor(s, ctx, { id, communityId: review.community_id }, reviewPolicy, 'read');
  return (await detailsOf(s.db, [review], can))[0]!;
}

export async function recordReview(
  s: PlatformServices,
  ctx: RequestContext,
  communityId: string,
  input: CreateReviewInput,
) {
  await communityFor(s, ctx, communityId, communityReviewsPolicy, 'update');
  const plan = await planOfCommunity(s, communityId, input.planId);
  const values = {
    heldOn: checkHeldOn(s, input.heldOn),
    place: requiredText('place', input.place),
    minutes: input.minutes?.trim() ?? '',
    decision: input.decision,
    decisionNotes: input.decisionNotes?.trim() ?? '',
    minutesFileIds: uniqueIds(input.minutesFileIds ?? []),
  };
  const attendees = attendeesOf(input.attendees);
  const id = await s.write(ctx, async (tx, audit) => {
    const { id } = await insertReview(tx, {
      ...values,
      communityId,
      planId: plan.id,
      createdBy: ctx.principal?.userId ?? null,
      at: s.clock.now(),
    });
    await replaceReviewAttendees(tx, id, attendees);
    await attachFiles(
      s,
      tx,
      ctx,
      values.minutesFileIds,
      { entityType: REVIEW_FILES, entityId: id },
      'minutesFileIds',
      true,
    );
    await audit({
      action: 'renewal.plan-review.create',
      entityType: 'renewal_plan_review',
      entityId: id,
      after: {
        communityId,
        planId: plan.id,
        planVersion: plan.version,
        heldOn: values.heldOn,
        place: values.place,
        decision: values.decision,
        attendees: attendees.map((a) => `${a.kind} ${a.name}`),
      },
    });
    const p = (await lockPlan(tx, plan.id))!;
    if (p.status === 'draft') await movePlan(s, tx, audit, p, 'reviewing', `reviewed at ${id}`);
    return id;
  });
  return getReview(s, ctx, id);
}

export async function updateReview(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: UpdateReviewInput,
) {
  const found = await findReview(s.db, id);
  if (!found) throw reviewNotFound(id);
  await recordFor(s, ctx, { id, communityId: found.community_id }, reviewPolicy, 'update');
  const attendees = input.attendees ? attendeesOf(input.attendees) : undefined;
  const files = input.minutesFileIds === undefined ? undefined : uniqueIds(input.minutesFileIds);
  await s.write(ctx, async (tx, audit) => {
    const before = (await lockReview(tx, id))!;
    const next = {
      heldOn: input.heldOn === undefined ? before.held_on : checkHeldOn(s, input.heldOn),
      place: input.place === undefined ? before.place : requiredText('place', input.place),
      minutes: input.minutes === undefined ? before.minutes : input.minutes.trim(),
      decision: input.decision ?? before.decision,
      decisionNotes: input.decisionNotes === undefined ? before.decision_notes : input.decisionNotes.trim(),
      minutesFileIds: files ?? before.minutes_file_ids,
    };
    await patchReview(tx, id, { ...next, at: s.clock.now() });
    if (attendees) await replaceReviewAttendees(tx, id, attendees);
    if (files) {
      await attachFiles(
        s,
        tx,
        ctx,
        files,
        { entityType: REVIEW_FILES, entityId: id },
        'minutesFileIds',
        true,
      );
    }
    await audit({
      action: 'renewal.plan-review.update',
      entityType: 'renewal_plan_review',
      entityId: id,
      before: { heldOn: before.held_on, place: before.place, decision: before.decision },
      after: {
        heldOn: next.heldOn,
        place: next.place,
        decision: next.decision,
        ...(input.minutes !== undefined ? { minutesChanged: true } : {}),
        ...(attendees ? { attendees: attendees.map((a) => `${a.kind} ${a.name}`) } : {}),
      },
    });
  });
  return getReview(s, ctx, id);
}
