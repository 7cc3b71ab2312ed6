import { formatArea, parseArea, requiredToPass } from '@gongfu/domain/renewal/consent';
import type { Static } from 'typebox';
import {
  type GongfuApp,
  IdParams,
  type Lang,
  type PlatformServices,
  type RequestContext,
  say,
} from '../../../platform/kit/index.ts';
import { BALLOT_STATUS_NAMES, MATTER_NAMES, OUTCOME_NAMES } from './ballot.labels.ts';
import { ballotItem, ballotList } from './ballot.list.ts';
import type { BallotRow } from './ballot.repo.ts';
import {
  BallotList,
  BallotView,
  CreateBallotBody,
  LinkSheetView,
  ReissueBody,
  UpdateBallotBody,
  VoidBody,
} from './ballot.schemas.ts';
import {
  type ballotDetail,
  ballotLinks,
  closeBallot,
  createBallot,
  getBallot,
  listCommunityBallots,
  openBallot,
  publishBallot,
  reissueLink,
  updateBallot,
  voidBallot,
} from './ballot.service.ts';
import type { BallotResult } from './ballot.tables.ts';
import { BALLOT_READ, BALLOT_WRITE } from './ballots.permissions.ts';
import { tags } from './plan.routes.ts';
import { CommunityParams } from './plan.schemas.ts';

type Detail = Awaited<ReturnType<typeof ballotDetail>>;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentResult(
  r: BallotResult,
  matter: BallotRow['matter'],
  frozen: boolean,
  lang: Lang,
): Static<typeof BallotView>['result'] {
  const pass = requiredToPass(
    matter,
    r.participatingOwners,
    parseArea(r.participatingArea, { allowZero: true }),
  );
  return {
    outcome: r.outcome,
    outcomeName: say(OUTCOME_NAMES[r.outcome], lang),
    totalOwners: r.totalOwners,
    totalArea: r.totalArea,
    participatingOwners: r.participatingOwners,
    participatingArea: r.participatingArea,
    yesOwners: r.yesOwners,
    yesArea: r.yesArea,
    noOwners: r.noOwners,
    noArea: r.noArea,
    abstainOwners: r.abstainOwners,
    abstainArea: r.abstainArea,
    passOwners: pass.owners,
    passArea: formatArea(pass.area),
    frozen,
    computedAt: r.computedAt,
  };
}

/** One ballot: participation live while open; the count once closed (to everyone once published). */
export function presentBallot(d: Detail, lang: Lang): Static<typeof BallotView> {
  const b = d.ballot;
  const t = d.count?.tally;
  const showResult =
    b.result !== null && (b.status === 'published' || (b.status === 'closed' && d.can.choices));
  return {
    id: b.id,
    communityId: b.community_id,
    communityName: d.communityName,
    plan: { id: b.plan_id, version: b.plan_version, title: b.plan_title, status: b.plan_status },
    matter: b.matter,
    matterName: say(MATTER_NAMES[b.matter], lang),
    question: b.question,
    opensAt: iso(b.opens_at)!,
    closesAt: iso(b.closes_at)!,
    status: b.status,
    statusName: say(BALLOT_STATUS_NAMES[b.status], lang),
    openedAt: iso(b.opened_at),
    closedAt: iso(b.closed_at),
    publishedAt: iso(b.published_at),
    voidedAt: iso(b.voided_at),
    voidReason: b.void_reason,
    tracker:
      t && d.can.voters
        ? {
            totalOwners: t.totalOwners,
            totalArea: formatArea(t.totalArea),
            participatingOwners: t.participatingOwners,
            participatingArea: formatArea(t.participatingArea),
            quorumOwners: t.quorumRequires.owners,
            quorumArea: formatArea(t.quorumRequires.area),
            quorumMet: t.quorumMet,
            online: d.count!.byChannel.online,
            paper: d.count!.byChannel.paper,
            proxy: d.count!.byChannel.proxy,
            linksIssued: d.links.issued,
            linksUsed: d.links.used,
          }
        : null,
    result: showResult && b.result ? presentResult(b.result, b.matter, b.status === 'published', lang) : null,
    can: d.can,
  };
}

export function ballotRoutes(app: GongfuApp, s: PlatformServices) {
  ballotList.route(app, s);

  app.get(
    '/api/renewal/communities/:id/ballots',
    {
      config: { access: { permission: BALLOT_READ } },
      schema: {
        tags,
        summary: '小区的业主表决 Ballots of a community, newest first',
        params: CommunityParams,
        response: { 200: BallotList },
      },
    },
    async (req) => {
      const { access, ballots } = await listCommunityBallots(s, req.ctx, req.params.id);
      return { items: ballots.map((b) => ({ ...ballotItem(b, access.can, req.ctx.lang), can: access.can })) };
    },
  );

  app.post(
    '/api/renewal/communities/:id/ballots',
    {
      config: { access: { permission: BALLOT_WRITE } },
      schema: {
        tags,
        summary: '发起业主表决（草稿） Prepare an owners’ ballot on a plan version (draft)',
        params: CommunityParams,
        body: CreateBallotBody,
        response: { 201: BallotView },
      },
    },
    async (req, reply) => {
      const d = await createBallot(s, req.ctx, req.params.id, req.body);
      reply.status(201);
      return presentBallot(d, req.ctx.lang);
    },
  );

  app.get(
    '/api/renewal/ballots/:id',
    {
      config: { access: { permission: BALLOT_READ } },
      schema: {
        tags,
        summary:
          '表决详情与实时参与情况 A ballot with its live participation (quorum tracker) and, once closed, its result',
        params: IdParams,
        response: { 200: BallotView },
      },
    },
    async (req) => presentBallot(await getBallot(s, req.ctx, req.params.id), req.ctx.lang),
  );

  app.patch(
    '/api/renewal/ballots/:id',
    {
      config: { access: { permission: BALLOT_WRITE } },
      schema: {
        tags,
        summary: '修改未开始的表决 Change a draft ballot (question, matter, times)',
        params: IdParams,
        body: UpdateBallotBody,
        response: { 200: BallotView },
      },
    },
    async (req) => presentBallot(await updateBallot(s, req.ctx, req.params.id, req.body), req.ctx.lang),
  );

  const step = (
    path: string,
    summary: string,
    fn: (id: string, req: { ctx: RequestContext }) => Promise<Detail>,
  ) =>
    app.post(
      `/api/renewal/ballots/:id/${path}`,
      {
        config: { access: { permission: BALLOT_WRITE } },
        schema: { tags, summary, params: IdParams, response: { 200: BallotView } },
      },
      async (req) => presentBallot(await fn(req.params.id, req), req.ctx.lang),
    );
  step('open', '开始表决（向每位业主发放一次性链接） Open the ballot: one one-time link per owner', (id, r) =>
    openBallot(s, r.ctx, id),
  );
  step('close', '截止表决（链接作废，统计结果） Close the ballot: links revoked, result counted', (id, r) =>
    closeBallot(s, r.ctx, id),
  );
  step('publish', '公布表决结果（数据冻结） Publish the result (figures frozen)', (id, r) =>
    publishBallot(s, r.ctx, id),
  );

  app.post(
    '/api/renewal/ballots/:id/void',
    {
      config: { access: { permission: BALLOT_WRITE } },
      schema: {
        tags,
        summary: '作废表决 Void a ballot that is not published (links revoked)',
        params: IdParams,
        body: VoidBody,
        response: { 200: BallotView },
      },
    },
    async (req) => presentBallot(await voidBallot(s, req.ctx, req.params.id, req.body.reason), req.ctx.lang),
  );

  const presentLinks = (l: Awaited<ReturnType<typeof ballotLinks>>): Static<typeof LinkSheetView> => ({
    ballotId: l.ballot.id,
    communityName: l.community.name,
    question: l.ballot.question,
    closesAt: iso(l.ballot.closes_at)!,
    links: l.links
      .filter((k) => k.ownerId !== null)
      .map((k) => ({
        ownerId: k.ownerId!,
        ownerName: l.byOwner.get(k.ownerId!)?.name ?? '',
        units: l.byOwner.get(k.ownerId!)?.units ?? [],
        token: k.token,
        path: `/r/b/${k.token}`,
        used: k.used,
      })),
  });

  app.get(
    '/api/renewal/ballots/:id/links',
    {
      config: { access: { permission: BALLOT_WRITE } },
      schema: {
        tags,
        summary: '表决链接清单（打印二维码） The live one-time links, for the printed QR sheet',
        params: IdParams,
        response: { 200: LinkSheetView },
      },
    },
    async (req) => presentLinks(await ballotLinks(s, req.ctx, req.params.id)),
  );

  app.post(
    '/api/renewal/ballots/:id/links',
    {
      config: { access: { permission: BALLOT_WRITE } },
      schema: {
        tags,
        summary: '为一位业主补发链接（原链接作废） Reissue one owner’s link (the old one stops working)',
        params: IdParams,
        body: ReissueBody,
        response: { 200: LinkSheetView },
      },
    },
    async (req) => presentLinks(await reissueLink(s, req.ctx, req.params.id, req.body.ownerId)),
  );
}
