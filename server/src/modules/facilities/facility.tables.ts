import type { DischargeGrade } from '@gongfu/domain/renewal/sewage';
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db, PlatformTables } from '../../platform/kit/index.ts';

/**
 * Table types of the facilities module (migrations/0006-facilities.ts). The tables keep the
 * `renewal_` prefix they were created with when facilities were a part of the renewal module:
 * existing databases hold them under these names.
 */

type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read and written as 'YYYY-MM-DD'. */
type Day = string;

export type FacilityKind = 'built' | 'rebuilt';
export type FacilityStatus = 'operating' | 'under_construction' | 'suspended';

export interface SewageFacilityTable {
  id: Generated<string>;
  name: string;
  /** The village (level-5 region, GB/T 2260 / NBS 统计用区划代码) the facility stands in. */
  village_code: string;
  /** Design capacity in tenths of t/d (30 t/d → 300). */
  capacity_tenths: number;
  /** 新建 or 改建 in `year`. */
  kind: FacilityKind;
  year: number;
  investment_fen: number;
  operator_organisation_id: string | null;
  process: string | null;
  /** Grade of DB33/973-2021 its outfall must meet. */
  discharge_grade: DischargeGrade;
  status: FacilityStatus;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface SewageVillageTable {
  village_code: string;
  households: number | null;
  connected_households: number | null;
  /** 纳管: the village drains to the urban sewer network, outside the rural coverage rate. */
  on_network: boolean;
  /** The rural facility that treats the village's sewage. */
  facility_id: string | null;
  note: string | null;
  updated_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface WaterTestTable {
  id: Generated<string>;
  facility_id: string;
  sampled_on: Day;
  lab: string;
  ph: number;
  cod: number;
  nh3n: number;
  tp: number;
  tn: number | null;
  ss: number | null;
  oil: number | null;
  water_temp_tenths: number | null;
  /** The grade the sample was evaluated against (the facility's, when sampled). */
  grade: DischargeGrade;
  /** Computed by the rules of DB33/973-2021 when recorded, never typed. */
  compliant: boolean;
  /** Pollutants over (or under) their limits, e.g. {cod,nh3n}. */
  exceeded: string[];
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export type DistrictKind = 'county' | 'urban';
export type DistrictStatus = 'planning' | 'under_construction' | 'accepted';

export interface LandscapeDistrictTable {
  id: Generated<string>;
  name: string;
  region_code: string;
  kind: DistrictKind;
  /** Area in hundredths of m² (null: not surveyed yet). */
  area_hundredths: number | null;
  lead_organisation_id: string | null;
  /** Year of the provincial pilot list (样板区试点建设名单) it is on, if any. */
  pilot_year: number | null;
  status: DistrictStatus;
  accepted_on: Day | null;
  description: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface FacilityTables {
  renewal_sewage_facilities: SewageFacilityTable;
  renewal_sewage_villages: SewageVillageTable;
  renewal_water_tests: WaterTestTable;
  renewal_landscape_districts: LandscapeDistrictTable;
}

export type FacilityDb = Kysely<PlatformTables & FacilityTables>;

/** The platform connection (or transaction), seen with the facility tables. For repos only. */
export const fdb = (db: Db): FacilityDb => db as unknown as FacilityDb;
