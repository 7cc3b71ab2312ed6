import { type SqlBool, sql } from 'kysely';
import { type Db, regionScopeSql, regionsSql } from '../../../platform/kit/index.ts';
import type { RenewalScope } from '../shared/renewal.scope.ts';
import { type CommunityStatus, cdb, type OwnerKind } from './community.tables.ts';

/**
 * The only place with queries on the community register: communities, buildings (楼栋),
 * owners (业主) and units (单元/室, with their exclusive area). Counts and areas are summed
 * in SQL. `listUnitsWithOwners`, `listOwnersWithHoldings` and `communityTotals` are the
 * register as other parts (the ballots) read it.
 */

// ---------------------------------------------------------------- communities

export interface CommunityValues {
  name: string;
  regionCode: string;
  address: string | null;
  yearBuilt: number | null;
  batch: string | null;
  status: CommunityStatus;
  projectId: string | null;
}

const columnsOf = (v: CommunityValues) => ({
  name: v.name,
  region_code: v.regionCode,
  address: v.address,
  year_built: v.yearBuilt,
  batch: v.batch,
  status: v.status,
  project_id: v.projectId,
});

export const insertCommunity = (tx: Db, v: CommunityValues, at: Date) =>
  cdb(tx)
    .insertInto('renewal_communities')
    .values({ ...columnsOf(v), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();

export const patchCommunity = (tx: Db, id: string, v: CommunityValues, at: Date) =>
  cdb(tx)
    .updateTable('renewal_communities')
    .set({ ...columnsOf(v), updated_at: at })
    .where('id', '=', id)
    .execute();

export const setCommunityStatus = (tx: Db, id: string, status: CommunityStatus, at: Date) =>
  cdb(tx).updateTable('renewal_communities').set({ status, updated_at: at }).where('id', '=', id).execute();

/** Locks the community until the transaction ends. */
export async function lockCommunity(tx: Db, id: string): Promise<void> {
  await cdb(tx).selectFrom('renewal_communities').select('id').where('id', '=', id).forUpdate().execute();
}

/** The community with the parties of its renovation project (its policy reads them). */
export const findCommunityRow = (db: Db, id: string) =>
  cdb(db)
    .selectFrom('renewal_communities as c')
    .leftJoin('renewal_projects as p', 'p.id', 'c.project_id')
    .selectAll('c')
    .select(['p.agent_builder_id', 'p.contractor_id', 'p.supervisor_id', 'p.inspector_id'])
    .where('c.id', '=', id)
    .executeTakeFirst();

export type CommunityRow = NonNullable<Awaited<ReturnType<typeof findCommunityRow>>>;

export const findCommunityNamed = (db: Db, regionCode: string, name: string) =>
  cdb(db)
    .selectFrom('renewal_communities')
    .select(['id', 'name'])
    .where('region_code', '=', regionCode)
    .where('name', '=', name)
    .executeTakeFirst();

/**
 * The list/detail query, one row per community (alias `c`): its region and project names, its
 * acceptance and its totals (correlated counts: they are only computed for the rows returned).
 */
export const communitiesWithTotals = (db: Db) =>
  cdb(db)
    .selectFrom('renewal_communities as c')
    .innerJoin('regions as r', 'r.code', 'c.region_code')
    .leftJoin('renewal_projects as p', 'p.id', 'c.project_id')
    .leftJoin('renewal_community_acceptances as a', 'a.community_id', 'c.id')
    .selectAll('c')
    .select(['r.name as region_name', 'p.name as project_name'])
    .select(['p.agent_builder_id', 'p.contractor_id', 'p.supervisor_id', 'p.inspector_id'])
    .select([
      'a.accepted_on',
      'a.accepted_by',
      'a.satisfied as acceptance_satisfied',
      'a.rated as acceptance_rated',
      'a.survey_id as acceptance_survey_id',
      'a.note as acceptance_note',
    ])
    .select((eb) => [
      eb
        .selectFrom('renewal_community_buildings as b')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('b.community_id', '=', 'c.id')
        .as('building_count'),
      eb
        .selectFrom('renewal_community_units as u')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('u.community_id', '=', 'c.id')
        .as('unit_count'),
      eb
        .selectFrom('renewal_community_units as u')
        .select(sql<string>`count(distinct u.owner_id)`.as('n'))
        .whereRef('u.community_id', '=', 'c.id')
        .as('owner_count'),
      eb
        .selectFrom('renewal_community_units as u')
        .select(sql<string>`coalesce(sum(u.area_centi), 0)`.as('n'))
        .whereRef('u.community_id', '=', 'c.id')
        .as('area_centi'),
    ]);

export const findCommunity = (db: Db, id: string) =>
  communitiesWithTotals(db).where('c.id', '=', id).executeTakeFirst();

export type CommunityListRow = NonNullable<Awaited<ReturnType<typeof findCommunity>>>;

/** The renovation batches in use within the scope (for the list's filter). */
export const listBatches = async (db: Db, scope: RenewalScope): Promise<string[]> =>
  (
    await cdb(db)
      .selectFrom('renewal_communities as c')
      .select('c.batch')
      .distinct()
      .where('c.batch', 'is not', null)
      .where(regionScopeSql(scope, 'c.region_code'))
      .orderBy('c.batch')
      .execute()
  ).map((r) => r.batch as string);

/** Communities in a region subtree (null: everywhere) with one of these statuses. */
export async function countCommunitiesWithStatus(
  db: Db,
  regions: string[] | null,
  statuses: CommunityStatus[],
): Promise<number> {
  const r = await cdb(db)
    .selectFrom('renewal_communities as c')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('c.status', 'in', statuses)
    .where(regionsSql(regions, 'c.region_code'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const findRegion = (db: Db, code: string) =>
  db.selectFrom('regions').select(['code', 'name']).where('code', '=', code).executeTakeFirst();

/**
 * Who runs the community's renovation, as its residents' pages name it: the owner organisation
 * (业主单位) of its project, if it has one, and the county (or the wider region the community is
 * registered in, when that is above county level).
 */
export const findCommunityOrganiser = (db: Db, communityId: string) =>
  cdb(db)
    .selectFrom('renewal_communities as c')
    .leftJoin('renewal_projects as p', 'p.id', 'c.project_id')
    .leftJoin('organisations as o', 'o.id', 'p.owner_org_id')
    .leftJoin('regions as county', (j) => j.on(sql<SqlBool>`county.code = left(c.region_code, 6)`))
    .select(['o.name as owner_name', 'county.name as county_name', 'county.level as county_level'])
    .where('c.id', '=', communityId)
    .executeTakeFirst();

// ---------------------------------------------------------------- totals

export interface CommunityTotals {
  buildings: number;
  units: number;
  /** Owners holding at least one unit, each counted once (a developer with 12 unsold units is one). */
  owners: number;
  /** Sum of the units' exclusive areas, hundredths of m². */
  areaCenti: number;
}

/** The community's units, owners and total exclusive area, summed in SQL. */
export async function communityTotals(db: Db, communityId: string): Promise<CommunityTotals> {
  const r = await cdb(db)
    .selectFrom('renewal_community_units as u')
    .select([
      sql<string>`count(*)`.as('units'),
      sql<string>`count(distinct u.owner_id)`.as('owners'),
      sql<string>`coalesce(sum(u.area_centi), 0)`.as('area'),
      sql<string>`(select count(*) from renewal_community_buildings b where b.community_id = ${communityId}::uuid)`.as(
        'buildings',
      ),
    ])
    .where('u.community_id', '=', communityId)
    .executeTakeFirstOrThrow();
  return {
    buildings: Number(r.buildings),
    units: Number(r.units),
    owners: Number(r.owners),
    areaCenti: Number(r.area),
  };
}

// ---------------------------------------------------------------- buildings

export const listBuildings = (db: Db, communityId: string) =>
  cdb(db)
    .selectFrom('renewal_community_buildings as b')
    .select(['b.id', 'b.community_id', 'b.name', 'b.position'])
    .select((eb) => [
      eb
        .selectFrom('renewal_community_units as u')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('u.building_id', '=', 'b.id')
        .as('unit_count'),
      eb
        .selectFrom('renewal_community_units as u')
        .select(sql<string>`coalesce(sum(u.area_centi), 0)`.as('n'))
        .whereRef('u.building_id', '=', 'b.id')
        .as('area_centi'),
    ])
    .where('b.community_id', '=', communityId)
    .orderBy('b.position')
    .orderBy('b.name')
    .execute();

export type BuildingListRow = Awaited<ReturnType<typeof listBuildings>>[number];

export const findBuilding = (db: Db, id: string) =>
  cdb(db).selectFrom('renewal_community_buildings').selectAll().where('id', '=', id).executeTakeFirst();

export const findBuildingNamed = (db: Db, communityId: string, name: string) =>
  cdb(db)
    .selectFrom('renewal_community_buildings')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('name', '=', name)
    .executeTakeFirst();

export async function nextBuildingPosition(tx: Db, communityId: string): Promise<number> {
  const r = await cdb(tx)
    .selectFrom('renewal_community_buildings')
    .select(sql<string>`coalesce(max(position), 0)`.as('p'))
    .where('community_id', '=', communityId)
    .executeTakeFirstOrThrow();
  return Number(r.p) + 1;
}

export const insertBuildings = (
  tx: Db,
  communityId: string,
  rows: Array<{ name: string; position: number }>,
) =>
  rows.length === 0
    ? Promise.resolve([] as Array<{ id: string; name: string }>)
    : cdb(tx)
        .insertInto('renewal_community_buildings')
        .values(rows.map((r) => ({ community_id: communityId, name: r.name, position: r.position })))
        .returning(['id', 'name'])
        .execute();

export const patchBuilding = (tx: Db, id: string, v: { name: string; position: number }) =>
  cdb(tx).updateTable('renewal_community_buildings').set(v).where('id', '=', id).execute();

export const deleteBuilding = (tx: Db, id: string) =>
  cdb(tx).deleteFrom('renewal_community_buildings').where('id', '=', id).execute();

// ---------------------------------------------------------------- owners

/** Owners of the community, each with the units and exclusive area they hold (for ballots: art. 278). */
export const listOwnersWithHoldings = (db: Db, communityId: string) =>
  cdb(db)
    .selectFrom('renewal_community_owners as o')
    .leftJoin('renewal_community_units as u', 'u.owner_id', 'o.id')
    .select(['o.id', 'o.name', 'o.kind', 'o.person_id', 'o.organisation_id'])
    .select([
      sql<string>`count(u.id)`.as('unit_count'),
      sql<string>`coalesce(sum(u.area_centi), 0)`.as('area_centi'),
    ])
    .where('o.community_id', '=', communityId)
    .groupBy(['o.id', 'o.name', 'o.kind', 'o.person_id', 'o.organisation_id'])
    .having(sql<boolean>`count(u.id) > 0`)
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();

export type OwnerHoldingRow = Awaited<ReturnType<typeof listOwnersWithHoldings>>[number];

export const findOwner = (db: Db, id: string) =>
  cdb(db).selectFrom('renewal_community_owners').selectAll().where('id', '=', id).executeTakeFirst();

/** Owners of the community by kind and name (an owner is found again by the name it was registered under). */
export const findOwnersNamed = (db: Db, communityId: string, names: string[]) =>
  names.length === 0
    ? Promise.resolve([])
    : cdb(db)
        .selectFrom('renewal_community_owners')
        .select(['id', 'name', 'kind'])
        .where('community_id', '=', communityId)
        .where('name', 'in', [...new Set(names)])
        .orderBy('created_at')
        .execute();

export const insertOwners = (
  tx: Db,
  communityId: string,
  rows: Array<{ name: string; kind: OwnerKind }>,
  at: Date,
) =>
  rows.length === 0
    ? Promise.resolve([] as Array<{ id: string; name: string; kind: OwnerKind }>)
    : cdb(tx)
        .insertInto('renewal_community_owners')
        .values(rows.map((r) => ({ community_id: communityId, name: r.name, kind: r.kind, created_at: at })))
        .returning(['id', 'name', 'kind'])
        .execute();

export const renameOwner = (tx: Db, id: string, v: { name: string; kind: OwnerKind }) =>
  cdb(tx).updateTable('renewal_community_owners').set(v).where('id', '=', id).execute();

/** Removes owners left without a unit (after a unit changed hands or was removed). */
export const deleteOrphanOwners = (tx: Db, communityId: string) =>
  cdb(tx)
    .deleteFrom('renewal_community_owners as o')
    .where('o.community_id', '=', communityId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('renewal_community_units as u').select('u.id').whereRef('u.owner_id', '=', 'o.id'),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('renewal_resident_tokens as t').select('t.id').whereRef('t.owner_id', '=', 'o.id'),
        ),
      ),
    )
    .execute();

// ---------------------------------------------------------------- units

const unitColumns = [
  'u.id',
  'u.community_id',
  'u.building_id',
  'b.name as building_name',
  'b.position as building_position',
  'u.entrance',
  'u.room',
  'u.area_centi',
  'u.owner_id',
  'o.name as owner_name',
  'o.kind as owner_kind',
] as const;

const unitsOf = (db: Db) =>
  cdb(db)
    .selectFrom('renewal_community_units as u')
    .innerJoin('renewal_community_buildings as b', 'b.id', 'u.building_id')
    .innerJoin('renewal_community_owners as o', 'o.id', 'u.owner_id')
    .select(unitColumns);

/** Building order, then entrance and room in natural order (2 before 10). */
const inUnitOrder = <Q extends ReturnType<typeof unitsOf>>(q: Q): Q =>
  q
    .orderBy('b.position')
    .orderBy('b.name')
    .orderBy(sql`length(u.entrance)`)
    .orderBy('u.entrance')
    .orderBy(sql`length(u.room)`)
    .orderBy('u.room')
    .orderBy('u.id') as Q;

/**
 * The units with their building and owner (one row per unit, alias `u`), and the lengths of
 * entrance and room, by which the list sorts them in natural order (2 before 10).
 */
export const unitsWithOwners = (db: Db) =>
  unitsOf(db).select([
    sql<number>`length(u.entrance)`.as('entrance_length'),
    sql<number>`length(u.room)`.as('room_length'),
  ]);

/** Every unit of a community with its building, exclusive area and owner, in register order. */
export const listUnitsWithOwners = (db: Db, communityId: string) =>
  inUnitOrder(unitsOf(db).where('u.community_id', '=', communityId)).execute();

export type UnitRow = Awaited<ReturnType<typeof listUnitsWithOwners>>[number];

export const findUnit = (db: Db, id: string): Promise<UnitRow | undefined> =>
  unitsOf(db).where('u.id', '=', id).executeTakeFirst();

export interface NewUnit {
  buildingId: string;
  entrance: string;
  room: string;
  areaCenti: number;
  ownerId: string;
}

export async function insertUnits(tx: Db, communityId: string, rows: NewUnit[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const r = await cdb(tx)
      .insertInto('renewal_community_units')
      .values(
        chunk.map((u) => ({
          community_id: communityId,
          building_id: u.buildingId,
          entrance: u.entrance,
          room: u.room,
          area_centi: u.areaCenti,
          owner_id: u.ownerId,
        })),
      )
      .returning('id')
      .execute();
    ids.push(...r.map((x) => x.id));
  }
  return ids;
}

export const patchUnit = (tx: Db, id: string, v: NewUnit) =>
  cdb(tx)
    .updateTable('renewal_community_units')
    .set({
      building_id: v.buildingId,
      entrance: v.entrance,
      room: v.room,
      area_centi: v.areaCenti,
      owner_id: v.ownerId,
    })
    .where('id', '=', id)
    .execute();

export const deleteUnit = (tx: Db, id: string) =>
  cdb(tx).deleteFrom('renewal_community_units').where('id', '=', id).execute();

/** Keys `building_id|entrance|room` of the community's units, to find duplicates before inserting. */
export const listUnitKeys = async (db: Db, communityId: string): Promise<Set<string>> =>
  new Set(
    (
      await cdb(db)
        .selectFrom('renewal_community_units')
        .select(['building_id', 'entrance', 'room'])
        .where('community_id', '=', communityId)
        .execute()
    ).map((r) => `${r.building_id}|${r.entrance}|${r.room}`),
  );

/** Has anything answered or voted in the unit's name (it must then stay)? */
export async function unitHasAnswers(db: Db, unitId: string): Promise<boolean> {
  const r = await cdb(db)
    .selectFrom('renewal_survey_responses')
    .select('id')
    .where('unit_id', '=', unitId)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}
