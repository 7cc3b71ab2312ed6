import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/kit/index.ts';
import { fdb } from './facility.tables.ts';

/** Which records count, by their village's region code column (scope and region filter). */
export type Within = (regionColumn: string) => Expression<SqlBool>;

/**
 * The sewage figures, computed by SQL from the records `within` says count:
 * - facilities by status, and those built or rebuilt per year with their investment;
 * - coverage: villages in the rural register that do not drain to the urban network
 *   (纳管), and of them those treated by a facility in operation (current state);
 * - compliance per year: facilities sampled that year, and of them those whose every sample
 *   that year met the standard (a facility with one failing sample does not comply that year).
 */

const n = (x: unknown) => Number(x ?? 0);

export async function facilityCounts(db: Db, within: Within) {
  const r = await fdb(db)
    .selectFrom('renewal_sewage_facilities as f')
    .where(within('f.village_code'))
    .select([
      sql<number>`count(*)`.as('total'),
      sql<number>`count(*) filter (where f.status = 'operating')`.as('operating'),
      sql<number>`count(*) filter (where f.status = 'under_construction')`.as('under_construction'),
      sql<number>`count(*) filter (where f.status = 'suspended')`.as('suspended'),
      sql<number>`coalesce(sum(f.capacity_tenths) filter (where f.status = 'operating'), 0)`.as('capacity'),
    ])
    .executeTakeFirstOrThrow();
  return {
    total: n(r.total),
    operating: n(r.operating),
    underConstruction: n(r.under_construction),
    suspended: n(r.suspended),
    operatingCapacityTenths: n(r.capacity),
  };
}

export async function coverageCounts(db: Db, within: Within) {
  const r = await fdb(db)
    .selectFrom('renewal_sewage_villages as sv')
    .leftJoin('renewal_sewage_facilities as f', 'f.id', 'sv.facility_id')
    .where(within('sv.village_code'))
    .select([
      sql<number>`count(*)`.as('registered'),
      sql<number>`count(*) filter (where sv.on_network)`.as('on_network'),
      sql<number>`count(*) filter (where sv.facility_id is not null and f.status = 'operating')`.as(
        'covered',
      ),
      sql<number>`coalesce(sum(sv.households) filter (where not sv.on_network), 0)`.as('households'),
      sql<number>`coalesce(sum(sv.connected_households) filter (where not sv.on_network), 0)`.as('connected'),
    ])
    .executeTakeFirstOrThrow();
  const registered = n(r.registered);
  const onNetwork = n(r.on_network);
  return {
    registered,
    onNetwork,
    inScope: registered - onNetwork,
    covered: n(r.covered),
    households: n(r.households),
    connectedHouseholds: n(r.connected),
  };
}

export interface YearRow {
  year: number;
  built: number;
  rebuilt: number;
  investmentFen: number;
  testedFacilities: number;
  compliantFacilities: number;
  tests: number;
  compliantTests: number;
}

/** Per year: facilities built / rebuilt and their investment, and the compliance counts. */
export async function yearRows(db: Db, within: Within): Promise<YearRow[]> {
  const [builds, tests] = await Promise.all([
    fdb(db)
      .selectFrom('renewal_sewage_facilities as f')
      .where(within('f.village_code'))
      .select([
        'f.year',
        sql<number>`count(*) filter (where f.kind = 'built')`.as('built'),
        sql<number>`count(*) filter (where f.kind = 'rebuilt')`.as('rebuilt'),
        sql<number>`coalesce(sum(f.investment_fen), 0)`.as('investment'),
      ])
      .groupBy('f.year')
      .execute(),
    fdb(db)
      .selectFrom((eb) =>
        eb
          .selectFrom('renewal_water_tests as wt')
          .innerJoin('renewal_sewage_facilities as f', 'f.id', 'wt.facility_id')
          .where(within('f.village_code'))
          .select([
            sql<number>`extract(year from wt.sampled_on)::int`.as('year'),
            'wt.facility_id',
            sql<boolean>`bool_and(wt.compliant)`.as('all_ok'),
            sql<number>`count(*)`.as('tests'),
            sql<number>`count(*) filter (where wt.compliant)`.as('ok_tests'),
          ])
          .groupBy([sql`extract(year from wt.sampled_on)::int`, 'wt.facility_id'])
          .as('y'),
      )
      .select([
        'y.year',
        sql<number>`count(*)`.as('tested'),
        sql<number>`count(*) filter (where y.all_ok)`.as('compliant'),
        sql<number>`sum(y.tests)`.as('tests'),
        sql<number>`sum(y.ok_tests)`.as('ok_tests'),
      ])
      .groupBy('y.year')
      .execute(),
  ]);
  const byYear = new Map<number, YearRow>();
  const row = (year: number): YearRow => {
    let r = byYear.get(year);
    if (!r) {
      r = {
        year,
        built: 0,
        rebuilt: 0,
        investmentFen: 0,
        testedFacilities: 0,
        compliantFacilities: 0,
        tests: 0,
        compliantTests: 0,
      };
      byYear.set(year, r);
    }
    return r;
  };
  for (const b of builds) {
    const r = row(n(b.year));
    r.built = n(b.built);
    r.rebuilt = n(b.rebuilt);
    r.investmentFen = n(b.investment);
  }
  for (const t of tests) {
    const r = row(n(t.year));
    r.testedFacilities = n(t.tested);
    r.compliantFacilities = n(t.compliant);
    r.tests = n(t.tests);
    r.compliantTests = n(t.ok_tests);
  }
  return [...byYear.values()].sort((a, b) => b.year - a.year);
}

/** Facilities built or rebuilt in the years `fromYear`…`toYear`, and their investment. */
export async function buildsBetween(db: Db, within: Within, fromYear: number, toYear: number) {
  const r = await fdb(db)
    .selectFrom('renewal_sewage_facilities as f')
    .where(within('f.village_code'))
    .where('f.year', '>=', fromYear)
    .where('f.year', '<=', toYear)
    .select([
      sql<number>`count(*)`.as('count'),
      sql<number>`coalesce(sum(f.investment_fen), 0)`.as('investment'),
    ])
    .executeTakeFirstOrThrow();
  return { count: n(r.count), investmentFen: n(r.investment) };
}

/** Facilities sampled from `from` to `to` (dates), and of them those whose every sample then met the standard. */
export async function complianceBetween(db: Db, within: Within, from: string, to: string) {
  const r = await fdb(db)
    .selectFrom((eb) =>
      eb
        .selectFrom('renewal_water_tests as wt')
        .innerJoin('renewal_sewage_facilities as f', 'f.id', 'wt.facility_id')
        .where(within('f.village_code'))
        .where('wt.sampled_on', '>=', from)
        .where('wt.sampled_on', '<=', to)
        .select(['wt.facility_id', sql<boolean>`bool_and(wt.compliant)`.as('all_ok')])
        .groupBy('wt.facility_id')
        .as('y'),
    )
    .select([
      sql<number>`count(*)`.as('tested'),
      sql<number>`count(*) filter (where y.all_ok)`.as('compliant'),
    ])
    .executeTakeFirstOrThrow();
  return { tested: n(r.tested), compliant: n(r.compliant) };
}
