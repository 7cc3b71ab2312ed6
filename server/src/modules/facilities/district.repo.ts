import type { Db } from '../../platform/kit/index.ts';
import { type DistrictKind, type DistrictStatus, fdb } from './facility.tables.ts';

/** The only place with queries on landscape districts (风貌区) (district.list.ts pages them). */

export interface DistrictValues {
  name: string;
  regionCode: string;
  kind: DistrictKind;
  areaHundredths: number | null;
  leadOrganisationId: string | null;
  pilotYear: number | null;
  status: DistrictStatus;
  acceptedOn: string | null;
  description: string | null;
}

const columns = (v: DistrictValues) => ({
  name: v.name,
  region_code: v.regionCode,
  kind: v.kind,
  area_hundredths: v.areaHundredths,
  lead_organisation_id: v.leadOrganisationId,
  pilot_year: v.pilotYear,
  status: v.status,
  accepted_on: v.acceptedOn,
  description: v.description,
});

export const insertDistrict = (tx: Db, v: DistrictValues, by: string | null, at: Date) =>
  fdb(tx)
    .insertInto('renewal_landscape_districts')
    .values({ ...columns(v), created_by: by, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();

export const updateDistrictRow = (tx: Db, id: string, v: DistrictValues, at: Date) =>
  fdb(tx)
    .updateTable('renewal_landscape_districts')
    .set({ ...columns(v), updated_at: at })
    .where('id', '=', id)
    .executeTakeFirst();

export const districtNamed = (db: Db, name: string) =>
  fdb(db).selectFrom('renewal_landscape_districts').select('id').where('name', '=', name).executeTakeFirst();

/** Districts with their region's and lead organisation's names. */
export const districtsWithNames = (db: Db) =>
  fdb(db)
    .selectFrom('renewal_landscape_districts as d')
    .innerJoin('regions as r', 'r.code', 'd.region_code')
    .leftJoin('organisations as o', 'o.id', 'd.lead_organisation_id')
    .selectAll('d')
    .select(['r.name as region_name', 'o.name as lead_organisation_name']);

export const findDistrict = (db: Db, id: string) =>
  districtsWithNames(db).where('d.id', '=', id).executeTakeFirst();

export type DistrictRow = NonNullable<Awaited<ReturnType<typeof findDistrict>>>;
