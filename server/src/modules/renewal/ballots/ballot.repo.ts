import { sql } from 'kysely';
import type { Db } from '../../../platform/kit/index.ts';
import { type BallotResult, type BallotStatus, bdb, type Matter } from './ballot.tables.ts';

/** The only place with queries on ballots (the votes are in vote.repo.ts). */

const withPlan = (db: Db) =>
  bdb(db)
    .selectFrom('renewal_ballots as b')
    .innerJoin('renewal_plans as p', 'p.id', 'b.plan_id')
    .selectAll('b')
    .select(['p.version as plan_version', 'p.title as plan_title', 'p.status as plan_status']);

export const findBallot = (db: Db, id: string) => withPlan(db).where('b.id', '=', id).executeTakeFirst();

export type BallotRow = NonNullable<Awaited<ReturnType<typeof findBallot>>>;

/** Owners and exclusive area (hundredths of m²) of the community, and how many of each have voted. */
export interface LiveTurnout {
  owners: number;
  area: number;
  votedOwners: number;
  votedArea: number;
}

/**
 * The ballots with their plan, their community (alias `c`) and its renovation project (`pr`, for
 * the partner rule), one row per ballot; an open ballot with its live turnout from the register
 * and the votes (`live`, a correlated count: computed only for the rows returned).
 */
export const ballotsWithCommunity = (db: Db) =>
  withPlan(db)
    .innerJoin('renewal_communities as c', 'c.id', 'b.community_id')
    .leftJoin('renewal_projects as pr', 'pr.id', 'c.project_id')
    .select(['c.name as community_name', 'c.region_code'])
    .select(
      sql<LiveTurnout | null>`case when b.status = 'open' then (
        select json_build_object(
          'owners', count(distinct u.owner_id),
          'area', coalesce(sum(u.area_centi), 0),
          'votedOwners', count(distinct u.owner_id) filter (where v.id is not null),
          'votedArea', coalesce(sum(u.area_centi) filter (where v.id is not null), 0))
        from renewal_community_units u
        left join renewal_ballot_votes v on v.ballot_id = b.id and v.owner_id = u.owner_id
        where u.community_id = b.community_id) end`.as('live'),
    );

export type BallotListRow = Awaited<ReturnType<ReturnType<typeof ballotsWithCommunity>['execute']>>[number];

/** A community's ballots, newest first. */
export const listBallots = (db: Db, communityId: string) =>
  ballotsWithCommunity(db)
    .where('b.community_id', '=', communityId)
    .orderBy('b.created_at', 'desc')
    .orderBy('b.id')
    .execute();

/** Locks the ballot until the transaction ends (close, publish, void, corrections). */
export const lockBallot = (tx: Db, id: string) =>
  bdb(tx).selectFrom('renewal_ballots').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Open ballots whose closing time has come (closed by the schedule `renewal.ballots.close`). */
export async function listDueBallotIds(db: Db, now: Date): Promise<string[]> {
  const rows = await bdb(db)
    .selectFrom('renewal_ballots')
    .select('id')
    .where('status', '=', 'open')
    .where('closes_at', '<=', now)
    .orderBy('closes_at')
    .execute();
  return rows.map((r) => r.id);
}

/** Holds the ballot's status steady while a vote is written (a close waits for it, and it for a close). */
export const shareBallot = (tx: Db, id: string) =>
  bdb(tx).selectFrom('renewal_ballots').selectAll().where('id', '=', id).forShare().executeTakeFirst();

/** Ballots of a plan version that are not finished (draft, open or closed but unpublished). */
export const lockUnfinishedBallotsOfPlan = (tx: Db, planId: string) =>
  bdb(tx)
    .selectFrom('renewal_ballots')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('status', 'in', ['draft', 'open', 'closed'])
    .forUpdate()
    .execute();

export const insertBallot = (
  tx: Db,
  v: {
    communityId: string;
    planId: string;
    matter: Matter;
    question: string;
    opensAt: Date;
    closesAt: Date;
    createdBy: string | null;
    at: Date;
  },
) =>
  bdb(tx)
    .insertInto('renewal_ballots')
    .values({
      community_id: v.communityId,
      plan_id: v.planId,
      matter: v.matter,
      question: v.question,
      opens_at: v.opensAt,
      closes_at: v.closesAt,
      created_by: v.createdBy,
      created_at: v.at,
      updated_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export const patchBallot = (
  tx: Db,
  id: string,
  v: { matter: Matter; question: string; opensAt: Date; closesAt: Date; at: Date },
) =>
  bdb(tx)
    .updateTable('renewal_ballots')
    .set({
      matter: v.matter,
      question: v.question,
      opens_at: v.opensAt,
      closes_at: v.closesAt,
      updated_at: v.at,
    })
    .where('id', '=', id)
    .execute();

export const setBallotState = (
  tx: Db,
  id: string,
  v: {
    status: BallotStatus;
    at: Date;
    openedAt?: Date;
    closedAt?: Date;
    publishedAt?: Date;
    voidedAt?: Date;
    voidReason?: string;
    result?: BallotResult | null;
  },
) =>
  bdb(tx)
    .updateTable('renewal_ballots')
    .set({
      status: v.status,
      updated_at: v.at,
      ...(v.openedAt ? { opened_at: v.openedAt } : {}),
      ...(v.closedAt ? { closed_at: v.closedAt } : {}),
      ...(v.publishedAt ? { published_at: v.publishedAt } : {}),
      ...(v.voidedAt ? { voided_at: v.voidedAt } : {}),
      ...(v.voidReason !== undefined ? { void_reason: v.voidReason } : {}),
      ...(v.result !== undefined ? { result: v.result === null ? null : JSON.stringify(v.result) } : {}),
    })
    .where('id', '=', id)
    .execute();

/** Votes so far by channel (no choices). */
export const countVotesByChannel = (db: Db, ballotId: string) =>
  bdb(db)
    .selectFrom('renewal_ballot_votes')
    .select(['channel', sql<string>`count(*)`.as('n')])
    .where('ballot_id', '=', ballotId)
    .groupBy('channel')
    .execute();
