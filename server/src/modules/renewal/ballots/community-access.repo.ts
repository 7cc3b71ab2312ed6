import type { Db } from '../../../platform/audit/audit.repo.ts';
import { bdb } from './ballot.tables.ts';

/** The community register as the ballots read it (until the register offers a repo of its own). */

/** Communities with the parties of their renovation project (for partners' scope). */
const communitiesWithParties = (db: Db) =>
  bdb(db)
    .selectFrom('renewal_communities as c')
    .leftJoin('renewal_projects as p', 'p.id', 'c.project_id')
    .select([
      'c.id',
      'c.name',
      'c.region_code',
      'c.status',
      'c.project_id',
      'p.agent_builder_id',
      'p.contractor_id',
      'p.supervisor_id',
      'p.inspector_id',
    ]);

export const findCommunityRow = (db: Db, id: string) =>
  communitiesWithParties(db).where('c.id', '=', id).executeTakeFirst();

export type CommunityRow = NonNullable<Awaited<ReturnType<typeof findCommunityRow>>>;

/** The community's owners who hold at least one unit, with their units and total area. */
export const listVotingOwners = (db: Db, communityId: string) =>
  bdb(db)
    .selectFrom('renewal_community_owners as o')
    .innerJoin('renewal_community_units as u', 'u.owner_id', 'o.id')
    .innerJoin('renewal_community_buildings as b', 'b.id', 'u.building_id')
    .select([
      'o.id',
      'o.name',
      'o.organisation_id',
      'u.id as unit_id',
      'u.entrance',
      'u.room',
      'u.area_centi',
      'b.name as building',
    ])
    .where('o.community_id', '=', communityId)
    .orderBy('b.position')
    .orderBy('u.entrance')
    .orderBy('u.room')
    .execute();

/** The owner, if it belongs to the community and holds a unit there. */
export const findVotingOwner = (db: Db, communityId: string, ownerId: string) =>
  bdb(db)
    .selectFrom('renewal_community_owners as o')
    .select(['o.id', 'o.name'])
    .where('o.id', '=', ownerId)
    .where('o.community_id', '=', communityId)
    .where((eb) =>
      eb.exists(
        eb.selectFrom('renewal_community_units as u').select('u.id').whereRef('u.owner_id', '=', 'o.id'),
      ),
    )
    .executeTakeFirst();

/** Every community with its project's parties (to filter by the caller's scope). */
export const listCommunityRows = (db: Db) => communitiesWithParties(db).execute();

/** A community by name in a region subtree (demo data). */
export const findCommunityNamed = (db: Db, name: string, regionPrefix: string) =>
  bdb(db)
    .selectFrom('renewal_communities')
    .select(['id', 'name'])
    .where('name', '=', name)
    .where('region_code', 'like', `${regionPrefix}%`)
    .executeTakeFirst();
