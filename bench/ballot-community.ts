import { sql } from 'kysely';
import { bdb } from '../server/src/modules/renewal/ballots/ballot.tables.ts';
import type { Db } from '../server/src/platform/audit/audit.repo.ts';

/**
 * A community register for the ballot benchmarks, bulk-loaded into the communities' tables:
 * `units` flats in buildings of 120, most owners holding one flat, every 25th owner two, and the
 * developer holding 1% of the flats unsold (one owner). Areas 45–140 m².
 */
export async function seedCommunity(db: Db, units: number, name: string) {
  const b = bdb(db);
  const c = await b
    .insertInto('renewal_communities')
    .values({ name, region_code: '330523001', status: 'voting' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const buildings: string[] = [];
  for (let i = 0; i * 120 < units; i++) {
    const r = await b
      .insertInto('renewal_community_buildings')
      .values({ community_id: c.id, name: `${i + 1}幢`, position: i })
      .returning('id')
      .executeTakeFirstOrThrow();
    buildings.push(r.id);
  }
  const developerUnits = Math.floor(units / 100);
  // owner index per unit: the developer (0) holds the first 1%; every 25th owner holds two flats
  const ownerOf: number[] = [];
  let owner = 1;
  for (let u = 0; u < units; u++) {
    if (u < developerUnits) ownerOf.push(0);
    else {
      ownerOf.push(owner);
      if (!(owner % 25 === 0 && ownerOf.filter((o) => o === owner).length < 2)) owner++;
    }
  }
  const ownerCount = Math.max(...ownerOf) + 1;
  const ownerIds: string[] = [];
  for (let i = 0; i < ownerCount; i += 1000) {
    const rows = await b
      .insertInto('renewal_community_owners')
      .values(
        Array.from({ length: Math.min(1000, ownerCount - i) }, (_, k) => ({
          community_id: c.id,
          name: i + k === 0 ? '开发单位' : `业主${i + k}`,
        })),
      )
      .returning('id')
      .execute();
    ownerIds.push(...rows.map((r) => r.id));
  }
  const unitRows = ownerOf.map((o, u) => ({
    community_id: c.id,
    building_id: buildings[Math.floor(u / 120)]!,
    entrance: String(Math.floor((u % 120) / 40) + 1),
    room: String(u % 40).padStart(3, '0'),
    area_centi: 4500 + ((u * 7919) % 9500),
    owner_id: ownerIds[o]!,
  }));
  for (let i = 0; i < unitRows.length; i += 1000) {
    await b
      .insertInto('renewal_community_units')
      .values(unitRows.slice(i, i + 1000))
      .execute();
  }
  await sql`analyze`.execute(db);
  return { communityId: c.id, ownerIds };
}
