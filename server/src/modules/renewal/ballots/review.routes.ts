import type { Static } from 'typebox';
import {
  type GongfuApp,
  IdParams,
  type Lang,
  type PlatformServices,
  say,
} from '../../../platform/kit/index.ts';
import { ATTENDEE_KIND_NAMES, DECISION_NAMES } from './ballot.labels.ts';
import { BALLOT_READ, BALLOT_WRITE } from './ballots.permissions.ts';
import { tags } from './plan.routes.ts';
import { CommunityParams } from './plan.schemas.ts';
import { CreateReviewBody, ReviewList, ReviewView, UpdateReviewBody } from './review.schemas.ts';
import {
  getReview,
  listCommunityReviews,
  type ReviewDetail,
  recordReview,
  updateReview,
} from './review.service.ts';

export function presentReview(d: ReviewDetail, lang: Lang): Static<typeof ReviewView> {
  const r = d.review;
  return {
    id: r.id,
    communityId: r.community_id,
    plan: { id: r.plan_id, version: r.plan_version, title: r.plan_title },
    heldOn: r.held_on,
    place: r.place,
    attendees: d.attendees.map((a) => ({
      name: a.name,
      kind: a.kind,
      kindName: say(ATTENDEE_KIND_NAMES[a.kind], lang),
      organisation: a.organisation,
    })),
    minutes: r.minutes,
    decision: r.decision,
    decisionName: say(DECISION_NAMES[r.decision], lang),
    decisionNotes: r.decision_notes,
    minutesFileIds: r.minutes_file_ids,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    can: d.can,
  };
}

export function reviewRoutes(app: GongfuApp, s: PlatformServices) {
  app.get(
    '/api/renewal/communities/:id/plan-reviews',
    {
      config: { access: { permission: BALLOT_READ } },
      schema: {
        tags,
        summary: '方案评审会列表 Plan review meetings of a community, latest first',
        params: CommunityParams,
        response: { 200: ReviewList },
      },
    },
    async (req) => ({
      items: (await listCommunityReviews(s, req.ctx, req.params.id)).map((d) =>
        presentReview(d, req.ctx.lang),
      ),
    }),
  );

  app.post(
    '/api/renewal/communities/:id/plan-reviews',
    {
      config: { access: { permission: BALLOT_WRITE } },
      schema: {
        tags,
        summary: '记录方案评审会 Record a plan review meeting (attendees, minutes, decision)',
        params: CommunityParams,
        body: CreateReviewBody,
        response: { 201: ReviewView },
      },
    },
    async (req, reply) => {
      const d = await recordReview(s, req.ctx, req.params.id, req.body);
      reply.status(201);
      return presentReview(d, req.ctx.lang);
    },
  );

  app.get(
    '/api/renewal/plan-reviews/:id',
    {
      config: { access: { permission: BALLOT_READ } },
      schema: {
        tags,
        summary: '方案评审会详情 One plan review meeting',
        params: IdParams,
        response: { 200: ReviewView },
      },
    },
    async (req) => presentReview(await getReview(s, req.ctx, req.params.id), req.ctx.lang),
  );

  app.patch(
    '/api/renewal/plan-reviews/:id',
    {
      config: { access: { permission: BALLOT_WRITE } },
      schema: {
        tags,
        summary: '修改方案评审会记录 Amend a plan review meeting',
        params: IdParams,
        body: UpdateReviewBody,
        response: { 200: ReviewView },
      },
    },
    async (req) => presentReview(await updateReview(s, req.ctx, req.params.id, req.body), req.ctx.lang),
  );
}
