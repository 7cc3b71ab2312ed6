import type { DischargeGrade } from '@gongfu/domain/renewal/sewage';
import { sql } from 'kysely';
import type { Db } from '../../platform/kit/index.ts';
import { type FacilityKind, type FacilityStatus, fdb } from './facility.tables.ts';

/**
 * The only place with queries on sewage facilities, village coverage records and water tests:
 * the writes, and each record with the names it is shown with (the lists in sewage.lists.ts
 * filter, scope, sort and page these).
 */

// ---------------------------------------------------------------- facilities

export interface FacilityValues {
  name: string;
  villageCode: string;
  capacityTenths: number;
  kind: FacilityKind;
  year: number;
  investmentFen: number;
  operatorOrganisationId: string | null;
  process: string | null;
  dischargeGrade: DischargeGrade;
  status: FacilityStatus;
}

const facilityColumns = (v: FacilityValues) => ({
  name: v.name,
  village_code: v.villageCode,
  capacity_tenths: v.capacityTenths,
  kind: v.kind,
  year: v.year,
  investment_fen: v.investmentFen,
  operator_organisation_id: v.operatorOrganisationId,
  process: v.process,
  discharge_grade: v.dischargeGrade,
  status: v.status,
});

export const insertFacility = (tx: Db, v: FacilityValues, createdBy: string | null, at: Date) =>
  fdb(tx)
    .insertInto('renewal_sewage_facilities')
    .values({ ...facilityColumns(v), created_by: createdBy, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();

export const updateFacility = (tx: Db, id: string, v: FacilityValues, at: Date) =>
  fdb(tx)
    .updateTable('renewal_sewage_facilities')
    .set({ ...facilityColumns(v), updated_at: at })
    .where('id', '=', id)
    .executeTakeFirst();

export const facilityNamed = (db: Db, villageCode: string, name: string) =>
  fdb(db)
    .selectFrom('renewal_sewage_facilities')
    .select('id')
    .where('village_code', '=', villageCode)
    .where('name', '=', name)
    .executeTakeFirst();

/** Facilities with their village, town and operator names and their villages and tests. */
export const facilitiesWithNames = (db: Db) =>
  fdb(db)
    .selectFrom('renewal_sewage_facilities as f')
    .innerJoin('regions as v', 'v.code', 'f.village_code')
    .leftJoin('regions as t', 't.code', 'v.parent_code')
    .leftJoin('organisations as o', 'o.id', 'f.operator_organisation_id')
    .selectAll('f')
    .select([
      'v.name as village_name',
      't.code as town_code',
      't.name as town_name',
      'o.name as operator_name',
      sql<number>`(select count(*) from renewal_sewage_villages sv where sv.facility_id = f.id)`.as(
        'village_count',
      ),
      sql<number>`(select count(*) from renewal_water_tests wt where wt.facility_id = f.id)`.as('test_count'),
      sql<
        string | null
      >`(select max(wt.sampled_on)::text from renewal_water_tests wt where wt.facility_id = f.id)`.as(
        'last_sampled_on',
      ),
      sql<boolean | null>`(select wt.compliant from renewal_water_tests wt where wt.facility_id = f.id
         order by wt.sampled_on desc, wt.created_at desc limit 1)`.as('last_compliant'),
    ]);

export const findFacility = (db: Db, id: string) =>
  facilitiesWithNames(db).where('f.id', '=', id).executeTakeFirst();

export type FacilityRow = NonNullable<Awaited<ReturnType<typeof findFacility>>>;

// ---------------------------------------------------------------- villages

export interface VillageValues {
  households: number | null;
  connectedHouseholds: number | null;
  onNetwork: boolean;
  facilityId: string | null;
  note: string | null;
}

export const upsertVillage = (tx: Db, code: string, v: VillageValues, by: string | null, at: Date) =>
  fdb(tx)
    .insertInto('renewal_sewage_villages')
    .values({
      village_code: code,
      households: v.households,
      connected_households: v.connectedHouseholds,
      on_network: v.onNetwork,
      facility_id: v.facilityId,
      note: v.note,
      updated_by: by,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.column('village_code').doUpdateSet({
        households: v.households,
        connected_households: v.connectedHouseholds,
        on_network: v.onNetwork,
        facility_id: v.facilityId,
        note: v.note,
        updated_by: by,
        updated_at: at,
      }),
    )
    .execute();

/** Covered: treated by a rural facility in operation. */
export const COVERED = sql<boolean>`(sv.facility_id is not null and f.status = 'operating')`;

/** Village coverage records with the village, town and facility names. */
export const villagesWithNames = (db: Db) =>
  fdb(db)
    .selectFrom('renewal_sewage_villages as sv')
    .innerJoin('regions as v', 'v.code', 'sv.village_code')
    .leftJoin('regions as t', 't.code', 'v.parent_code')
    .leftJoin('renewal_sewage_facilities as f', 'f.id', 'sv.facility_id')
    .selectAll('sv')
    .select([
      'v.name as village_name',
      't.code as town_code',
      't.name as town_name',
      'f.name as facility_name',
      'f.status as facility_status',
      COVERED.as('covered'),
    ]);

export const findVillage = (db: Db, code: string) =>
  villagesWithNames(db).where('sv.village_code', '=', code).executeTakeFirst();

export type VillageRow = NonNullable<Awaited<ReturnType<typeof findVillage>>>;

export type Coverage = 'covered' | 'uncovered' | 'network';

// ---------------------------------------------------------------- water tests

export interface WaterTestValues {
  facilityId: string;
  sampledOn: string;
  lab: string;
  ph: number;
  cod: number;
  nh3n: number;
  tp: number;
  tn: number | null;
  ss: number | null;
  oil: number | null;
  waterTempTenths: number | null;
  grade: DischargeGrade;
  compliant: boolean;
  exceeded: string[];
  note: string | null;
}

export const insertWaterTest = (tx: Db, v: WaterTestValues, by: string | null, at: Date) =>
  fdb(tx)
    .insertInto('renewal_water_tests')
    .values({
      facility_id: v.facilityId,
      sampled_on: v.sampledOn,
      lab: v.lab,
      ph: v.ph,
      cod: v.cod,
      nh3n: v.nh3n,
      tp: v.tp,
      tn: v.tn,
      ss: v.ss,
      oil: v.oil,
      water_temp_tenths: v.waterTempTenths,
      grade: v.grade,
      compliant: v.compliant,
      exceeded: v.exceeded,
      note: v.note,
      created_by: by,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

/** Water tests with their facility, village and town names. */
export const testsWithNames = (db: Db) =>
  fdb(db)
    .selectFrom('renewal_water_tests as wt')
    .innerJoin('renewal_sewage_facilities as f', 'f.id', 'wt.facility_id')
    .innerJoin('regions as v', 'v.code', 'f.village_code')
    .leftJoin('regions as t', 't.code', 'v.parent_code')
    .selectAll('wt')
    .select(['f.name as facility_name', 'f.village_code', 'v.name as village_name', 't.name as town_name']);

export const findWaterTest = (db: Db, id: string) =>
  testsWithNames(db).where('wt.id', '=', id).executeTakeFirst();

export type WaterTestRow = NonNullable<Awaited<ReturnType<typeof findWaterTest>>>;

/** Does the organisation exist (an operator picked in a form)? */
export const organisationExists = async (db: Db, id: string): Promise<boolean> =>
  (await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
