import { Type } from 'typebox';
import { type GongfuApp, IdParams, type PlatformServices } from '../../../platform/kit/index.ts';
import {
  BallotVoteParams,
  CorrectVoteBody,
  RecordVoteBody,
  VoidBody,
  VoteEventList,
  VoteReceipt,
} from './ballot.schemas.ts';
import { BALLOT_READ, BALLOT_WRITE } from './ballots.permissions.ts';
import { tags } from './plan.routes.ts';
import { voteList } from './vote.list.ts';
import { correctVote, listBallotVoteEvents, recordVote, voidVote } from './vote.service.ts';

export function voteRoutes(app: GongfuApp, s: PlatformServices) {
  voteList.route(app, s);

  app.post(
    '/api/renewal/ballots/:id/votes',
    {
      config: { access: { permission: BALLOT_WRITE } },
      schema: {
        tags,
        summary:
          '录入纸质表决票或书面委托 Enter a paper ballot (with its scan) or a written proxy (with the proxy document)',
        params: IdParams,
        body: RecordVoteBody,
        response: { 201: VoteReceipt },
      },
    },
    async (req, reply) => {
      const r = await recordVote(s, req.ctx, req.params.id, req.body);
      reply.status(201);
      return r;
    },
  );

  app.patch(
    '/api/renewal/ballots/:id/votes/:voteId',
    {
      config: { access: { permission: BALLOT_WRITE } },
      schema: {
        tags,
        summary: '更正纸质票/委托票记录（留痕） Correct a paper or proxy record, with the reason (audited)',
        params: BallotVoteParams,
        body: CorrectVoteBody,
        response: { 200: VoteReceipt },
      },
    },
    async (req) => correctVote(s, req.ctx, req.params.id, req.params.voteId, req.body),
  );

  app.post(
    '/api/renewal/ballots/:id/votes/:voteId/void',
    {
      config: { access: { permission: BALLOT_WRITE } },
      schema: {
        tags,
        summary: '作废录入有误的纸质票/委托票（留痕） Void an erroneous paper or proxy record (audited)',
        params: BallotVoteParams,
        body: VoidBody,
        response: { 204: Type.Null({ description: 'voided' }) },
      },
    },
    async (req, reply) => {
      await voidVote(s, req.ctx, req.params.id, req.params.voteId, req.body.reason);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/renewal/ballots/:id/vote-events',
    {
      config: { access: { permission: BALLOT_READ } },
      schema: {
        tags,
        summary:
          '投票与更正记录（仅限授权人员） Every cast, correction and void (authorised staff and the auditor)',
        params: IdParams,
        response: { 200: VoteEventList },
      },
    },
    async (req) => ({
      items: (await listBallotVoteEvents(s, req.ctx, req.params.id)).map((e) => ({
        at: new Date(e.at).toISOString(),
        voteId: e.vote_id,
        ownerId: e.owner_id,
        ownerName: e.owner_name,
        action: e.action,
        channel: e.channel,
        choice: e.choice,
        before: (e.before ?? null) as Record<string, unknown> | null,
        reason: e.reason,
        actorName: e.actor_name,
      })),
    }),
  );
}
