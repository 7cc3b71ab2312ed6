import { sql } from 'kysely';
import type { Db } from '../../../platform/kit/index.ts';
import { bdb, type Channel, type Choice, type VoteAction } from './ballot.tables.ts';

/** The only place with queries on votes and their history (renewal_ballot_votes, _vote_events). */

export interface NewVote {
  ballotId: string;
  ownerId: string;
  channel: Channel;
  choice: Choice;
  scanFileId: string | null;
  proxyHolder: string | null;
  proxyFileId: string | null;
  tokenId: string | null;
  recordedBy: string | null;
  at: Date;
}

const voteRow = (v: NewVote) => ({
  ballot_id: v.ballotId,
  owner_id: v.ownerId,
  channel: v.channel,
  choice: v.choice,
  scan_file_id: v.scanFileId,
  proxy_holder: v.proxyHolder,
  proxy_file_id: v.proxyFileId,
  token_id: v.tokenId,
  recorded_by: v.recordedBy,
  cast_at: v.at,
  updated_at: v.at,
});

/** Inserts the vote unless the owner has voted already (by any channel): null then. */
export const insertVoteOnce = (tx: Db, v: NewVote) =>
  bdb(tx)
    .insertInto('renewal_ballot_votes')
    .values(voteRow(v))
    .onConflict((oc) => oc.columns(['ballot_id', 'owner_id']).doNothing())
    .returning('id')
    .executeTakeFirst();

export const findVote = (db: Db, ballotId: string, voteId: string) =>
  bdb(db)
    .selectFrom('renewal_ballot_votes')
    .selectAll()
    .where('id', '=', voteId)
    .where('ballot_id', '=', ballotId)
    .executeTakeFirst();

export type VoteRow = NonNullable<Awaited<ReturnType<typeof findVote>>>;

export const findOwnerVote = (db: Db, ballotId: string, ownerId: string) =>
  bdb(db)
    .selectFrom('renewal_ballot_votes')
    .selectAll()
    .where('ballot_id', '=', ballotId)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();

export const lockVote = (tx: Db, ballotId: string, voteId: string) =>
  bdb(tx)
    .selectFrom('renewal_ballot_votes')
    .selectAll()
    .where('id', '=', voteId)
    .where('ballot_id', '=', ballotId)
    .forUpdate()
    .executeTakeFirst();

export const patchVote = (
  tx: Db,
  id: string,
  v: {
    choice: Choice;
    scanFileId: string | null;
    proxyHolder: string | null;
    proxyFileId: string | null;
    at: Date;
  },
) =>
  bdb(tx)
    .updateTable('renewal_ballot_votes')
    .set({
      choice: v.choice,
      scan_file_id: v.scanFileId,
      proxy_holder: v.proxyHolder,
      proxy_file_id: v.proxyFileId,
      updated_at: v.at,
    })
    .where('id', '=', id)
    .execute();

export const deleteVote = (tx: Db, id: string) =>
  bdb(tx).deleteFrom('renewal_ballot_votes').where('id', '=', id).execute();

/** The register's order of units: building, then entrance and room in natural order (2 before 10). */
const UNIT_ORDER = sql`ub.position, length(u.entrance), u.entrance, length(u.room), u.room`;
/** A unit as residents name it: 1幢 2单元 302 (as the ballot's link sheet does). */
const UNIT_LABEL = sql`concat_ws(' ', ub.name, nullif(u.entrance, '') || '单元', u.room)`;

/**
 * A ballot's voters, one row per owner (alias `b` the ballot, `o` the owner, `v` their vote): every
 * owner of the ballot's community who holds a unit, with their units as residents name them
 * ("1幢 2单元 302", in the register's order), the exclusive area they hold, the first of their units
 * (the register's order of owners) and their vote in the ballot with who recorded it, if any.
 */
export const votersOf = (db: Db) =>
  bdb(db)
    .selectFrom('renewal_ballots as b')
    .innerJoin('renewal_community_owners as o', 'o.community_id', 'b.community_id')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('renewal_community_units as u')
          .innerJoin('renewal_community_buildings as ub', 'ub.id', 'u.building_id')
          .select([
            sql<string[]>`array_agg(${UNIT_LABEL} order by ${UNIT_ORDER})`.as('units'),
            sql<string>`sum(u.area_centi)`.as('area_centi'),
            sql<number>`(array_agg(ub.position order by ${UNIT_ORDER}))[1]`.as('first_position'),
            sql<number>`(array_agg(length(u.entrance) order by ${UNIT_ORDER}))[1]`.as(
              'first_entrance_length',
            ),
            sql<string>`(array_agg(u.entrance order by ${UNIT_ORDER}))[1]`.as('first_entrance'),
            sql<number>`(array_agg(length(u.room) order by ${UNIT_ORDER}))[1]`.as('first_room_length'),
            sql<string>`(array_agg(u.room order by ${UNIT_ORDER}))[1]`.as('first_room'),
          ])
          .whereRef('u.owner_id', '=', 'o.id')
          .groupBy('u.owner_id')
          .as('h'),
      (join) => join.onTrue(),
    )
    .leftJoin('renewal_ballot_votes as v', (j) =>
      j.onRef('v.ballot_id', '=', 'b.id').onRef('v.owner_id', '=', 'o.id'),
    )
    .leftJoin('users as ru', 'ru.id', 'v.recorded_by')
    .select(['o.id as owner_id', 'o.name as owner_name', 'o.organisation_id', 'h.units', 'h.area_centi'])
    .select(sql<boolean>`v.id is not null`.as('voted'))
    .select([
      'v.id as vote_id',
      'v.channel',
      'v.choice',
      'v.cast_at',
      'v.proxy_holder',
      'v.scan_file_id',
      'v.proxy_file_id',
      'ru.display_name as recorded_by_name',
    ]);

export type VoterRow = Awaited<ReturnType<ReturnType<typeof votersOf>['execute']>>[number];

export const insertVoteEvent = (
  tx: Db,
  e: {
    ballotId: string;
    voteId: string;
    ownerId: string;
    action: VoteAction;
    channel: Channel;
    choice: Choice;
    before: unknown;
    reason: string | null;
    actorId: string | null;
    actorName: string;
    at: Date;
  },
) =>
  bdb(tx)
    .insertInto('renewal_ballot_vote_events')
    .values({
      ballot_id: e.ballotId,
      vote_id: e.voteId,
      owner_id: e.ownerId,
      action: e.action,
      channel: e.channel,
      choice: e.choice,
      before: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
      reason: e.reason,
      actor_id: e.actorId,
      actor_name: e.actorName,
      at: e.at,
    })
    .execute();

export const listVoteEvents = (db: Db, ballotId: string) =>
  bdb(db)
    .selectFrom('renewal_ballot_vote_events as e')
    .innerJoin('renewal_community_owners as o', 'o.id', 'e.owner_id')
    .selectAll('e')
    .select('o.name as owner_name')
    .where('e.ballot_id', '=', ballotId)
    .orderBy('e.seq')
    .execute();

/** Many votes at once (bulk loads: benchmarks); rows whose owner has voted are skipped. */
export async function insertVotes(tx: Db, rows: NewVote[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const r = await bdb(tx)
      .insertInto('renewal_ballot_votes')
      .values(rows.slice(i, i + 1000).map(voteRow))
      .onConflict((oc) => oc.columns(['ballot_id', 'owner_id']).doNothing())
      .executeTakeFirst();
    n += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return n;
}

/**
 * Every owner of the community with the exclusive area they hold (hundredths of m², summed over
 * their units) and their vote in the ballot, if any: the count's input in one round trip.
 */
export const listHoldingsWithVotes = (db: Db, communityId: string, ballotId: string) =>
  bdb(db)
    .selectFrom('renewal_community_units as u')
    .leftJoin('renewal_ballot_votes as v', (j) =>
      j.onRef('v.owner_id', '=', 'u.owner_id').on('v.ballot_id', '=', ballotId),
    )
    .select(['u.owner_id', 'v.choice', 'v.channel', sql<string>`sum(u.area_centi)`.as('area')])
    .where('u.community_id', '=', communityId)
    .groupBy(['u.owner_id', 'v.choice', 'v.channel'])
    .execute();
