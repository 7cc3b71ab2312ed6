import { maskName } from '@gongfu/domain/cn/mask';
import type { GongfuApp, PlatformServices } from '../../../platform/kit/index.ts';
import { say } from '../../../platform/kit/index.ts';
import { CHOICE_NAMES, MATTER_NAMES } from './ballot.labels.ts';
import { ResidentBallotView, ResidentReceipt, ResidentVoteBody, TokenParams } from './ballot.schemas.ts';
import { castResidentVote, openResidentBallot } from './resident-ballot.service.ts';

const tags = ['resident'];

/** The resident's ballot page through a one-time link: public (the link is the credential). */
export function residentBallotRoutes(app: GongfuApp, s: PlatformServices) {
  app.get(
    '/api/resident/ballots/:token',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '居民打开表决链接 A resident opens their ballot link: community, plan and question',
        params: TokenParams,
        response: { 200: ResidentBallotView },
      },
    },
    async (req) => {
      const r = await openResidentBallot(s, req.params.token);
      return {
        communityName: r.community.name,
        organiser: r.organiser,
        ownerName: maskName(r.owner.name),
        units: r.owner.units,
        question: r.ballot.question,
        matter: r.ballot.matter,
        matterName: say(MATTER_NAMES[r.ballot.matter], req.ctx.lang),
        closesAt: new Date(r.ballot.closes_at).toISOString(),
        plan: {
          version: r.plan.version,
          title: r.plan.title,
          summary: r.plan.summary,
          items: r.planItems,
          totalCostFen: r.totalCostFen,
        },
      };
    },
  );

  app.post(
    '/api/resident/ballots/:token',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '居民提交表决意见（每个链接只能提交一次） A resident casts their vote (once per link)',
        params: TokenParams,
        body: ResidentVoteBody,
        response: { 201: ResidentReceipt },
      },
    },
    async (req, reply) => {
      const r = await castResidentVote(s, req.ctx, req.params.token, req.body.choice);
      reply.status(201);
      return { ...r, choiceName: say(CHOICE_NAMES[r.choice], req.ctx.lang) };
    },
  );
}
