import {
  type Actor,
  actorOf,
  notFound,
  type PlatformServices,
  type Policy,
  type RequestContext,
} from '../../../platform/kit/index.ts';
import {
  type CommunityRecord,
  communityBallotsPolicy,
  communityNotFound,
  communityPlansPolicy,
  communityReviewsPolicy,
} from '../communities/community.policy.ts';
import { type CommunityRow, findCommunityRow } from '../communities/community.repo.ts';
import { type BallotRow, findBallot } from './ballot.repo.ts';

/**
 * Plans, review meetings and ballots follow their community: the rules (who sees what, partners
 * included) are the community's, declared once in communities/community.policy.ts; here they are
 * applied to each record, with its own 404.
 * - plans: seen with the community's decisions (partners of its project too), changed by staff;
 * - review meetings: seen only by those who see the residents (never partners), changed by staff;
 * - ballots: seen with the decisions; `update` (open, close, publish, void, links, paper and proxy
 *   votes, corrections) staff; `voters` (live turnout, who voted) staff, leaders, the auditor;
 *   `choices` (what each owner chose) renewal.ballot.choices.
 */

export const planNotFound = (id: string) =>
  notFound({ zh: `改造方案 ${id}`, en: `Plan version ${id}` }, 'RENEWAL_PLAN_NOT_FOUND');

export const reviewNotFound = (id: string) =>
  notFound({ zh: `方案评审会 ${id}`, en: `Plan review ${id}` }, 'RENEWAL_PLAN_REVIEW_NOT_FOUND');

export const ballotNotFound = (id: string) =>
  notFound({ zh: `业主表决 ${id}`, en: `Ballot ${id}` }, 'RENEWAL_BALLOT_NOT_FOUND');

/** A plan, review or ballot as its policy reads it: its id and its community. */
export interface DecisionRecord {
  id: string;
  community: CommunityRecord;
}

const community = (r: DecisionRecord) => r.community;

export const planPolicy = communityPlansPolicy.follow(community, (r) => planNotFound(r.id));
export const reviewPolicy = communityReviewsPolicy.follow(community, (r) => reviewNotFound(r.id));
export const ballotPolicy = communityBallotsPolicy.follow(community, (r) => ballotNotFound(r.id));

export const PlanCan = planPolicy.canSchema('PlanCan');
export const ReviewCan = reviewPolicy.canSchema('ReviewCan');
export const BallotCan = ballotPolicy.canSchema('BallotCan');

export interface CommunityAccess<A extends string> {
  community: CommunityRow;
  actor: Actor;
  /** What the caller may do with the community's records of this kind. */
  can: Record<A, boolean>;
}

async function loadCommunity(s: PlatformServices, id: string): Promise<CommunityRow> {
  const c = await findCommunityRow(s.db, id);
  if (!c) throw communityNotFound(id);
  return c;
}

/**
 * The community, if the caller may do `action` to its records under `policy` (its plans, review
 * meetings or ballots, as a list or a new one): 404 if they cannot see them, 403 if they may not.
 */
export async function communityFor<A extends string>(
  s: PlatformServices,
  ctx: RequestContext,
  communityId: string,
  policy: Policy<CommunityRecord, A>,
  action: A | 'read',
): Promise<CommunityAccess<A>> {
  const [actor, c] = await Promise.all([actorOf(s, ctx), loadCommunity(s, communityId)]);
  policy.authorize(actor, action, c);
  return { community: c, actor, can: policy.can(actor, c) };
}

/** One record of a community (plan, review, ballot), if the caller may do `action` to it: 404 / 403. */
export async function recordFor<A extends string>(
  s: PlatformServices,
  ctx: RequestContext,
  record: { id: string; communityId: string },
  policy: Policy<DecisionRecord, A>,
  action: A | 'read',
): Promise<CommunityAccess<A>> {
  const [actor, c] = await Promise.all([actorOf(s, ctx), loadCommunity(s, record.communityId)]);
  const r = { id: record.id, community: c };
  policy.authorize(actor, action, r);
  return { community: c, actor, can: policy.can(actor, r) };
}

export type BallotAction = (typeof ballotPolicy.actionNames)[number];
export type BallotAccess = CommunityAccess<BallotAction> & { ballot: BallotRow };

/** The ballot, if the caller may do `action` to it: 404 if they cannot see it, 403 if they may not. */
export async function ballotFor(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  action: BallotAction | 'read',
): Promise<BallotAccess> {
  const ballot = await findBallot(s.db, id);
  if (!ballot) throw ballotNotFound(id);
  return {
    ballot,
    ...(await recordFor(s, ctx, { id, communityId: ballot.community_id }, ballotPolicy, action)),
  };
}

export const ballotToRead = (s: PlatformServices, ctx: RequestContext, id: string) =>
  ballotFor(s, ctx, id, 'read');

export const ballotToChange = (s: PlatformServices, ctx: RequestContext, id: string) =>
  ballotFor(s, ctx, id, 'update');
