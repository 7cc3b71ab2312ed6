import type { Static } from 'typebox';
import {
  type GongfuApp,
  IdParams,
  type Lang,
  type PlatformServices,
  say,
} from '../../../platform/kit/index.ts';
import { PLAN_STATUS_NAMES } from './ballot.labels.ts';
import { totalCostFen } from './ballot.rules.ts';
import { BALLOT_READ, BALLOT_WRITE } from './ballots.permissions.ts';
import { CommunityParams, CreatePlanBody, PlanList, PlanView, UpdatePlanBody } from './plan.schemas.ts';
import { createPlan, getPlan, listCommunityPlans, type PlanDetail, updatePlan } from './plan.service.ts';

export const tags = ['renewal-ballots'];

export function presentPlan(d: PlanDetail, lang: Lang): Static<typeof PlanView> {
  const p = d.plan;
  const items = d.items.map((i) => ({ name: i.name, quantity: i.quantity, costFen: Number(i.cost_fen) }));
  return {
    id: p.id,
    communityId: p.community_id,
    version: p.version,
    title: p.title,
    summary: p.summary,
    items,
    totalCostFen: totalCostFen(items),
    drawingFileIds: p.drawing_file_ids,
    status: p.status,
    statusName: say(PLAN_STATUS_NAMES[p.status], lang),
    supersededBy: p.superseded_by,
    createdAt: new Date(p.created_at).toISOString(),
    updatedAt: new Date(p.updated_at).toISOString(),
    can: d.can,
  };
}

export function planRoutes(app: GongfuApp, s: PlatformServices) {
  app.get(
    '/api/renewal/communities/:id/plans',
    {
      config: { access: { permission: BALLOT_READ } },
      schema: {
        tags,
        summary: '小区改造方案各版本 Plan versions of a community, newest first',
        params: CommunityParams,
        response: { 200: PlanList },
      },
    },
    async (req) => ({
      items: (await listCommunityPlans(s, req.ctx, req.params.id)).map((d) => presentPlan(d, req.ctx.lang)),
    }),
  );

  app.post(
    '/api/renewal/communities/:id/plans',
    {
      config: { access: { permission: BALLOT_WRITE } },
      schema: {
        tags,
        summary:
          '新建方案版本（取代上一版，其未公布的表决作废） Record a new plan version (supersedes the previous one; its unpublished ballots become void)',
        params: CommunityParams,
        body: CreatePlanBody,
        response: { 201: PlanView },
      },
    },
    async (req, reply) => {
      const d = await createPlan(s, req.ctx, req.params.id, req.body);
      reply.status(201);
      return presentPlan(d, req.ctx.lang);
    },
  );

  app.get(
    '/api/renewal/plans/:id',
    {
      config: { access: { permission: BALLOT_READ } },
      schema: {
        tags,
        summary: '方案版本详情 One plan version with items and total cost',
        params: IdParams,
        response: { 200: PlanView },
      },
    },
    async (req) => presentPlan(await getPlan(s, req.ctx, req.params.id), req.ctx.lang),
  );

  app.patch(
    '/api/renewal/plans/:id',
    {
      config: { access: { permission: BALLOT_WRITE } },
      schema: {
        tags,
        summary: '修改方案（表决前） Amend a plan version before it is put to the vote',
        params: IdParams,
        body: UpdatePlanBody,
        response: { 200: PlanView },
      },
    },
    async (req) => presentPlan(await updatePlan(s, req.ctx, req.params.id, req.body), req.ctx.lang),
  );
}
