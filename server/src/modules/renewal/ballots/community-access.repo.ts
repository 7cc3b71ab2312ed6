import type { Db } from '../../../platform/kit/index.ts';
import { bdb } from './ballot.tables.ts';

/**
 * The owners of a community as the ballots read them (voting owners and their units). The
 * community itself, with its project's parties, is the register's (communities/community.repo.ts).
 */

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

/** A community by name in a region subtree (demo data). */
export const findCommunityNamed = (db: Db, name: string, regionPrefix: string) =>
  bdb(db)
    .selectFrom('renewal_communities')
    .select(['id', 'name'])
    .where('name', '=', name)
    .where('region_code', 'like', `${regionPrefix}%`)
    .executeTakeFirst();
