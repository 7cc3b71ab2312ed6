import type { ApiBody, ApiItem, ApiQuery, ApiResponse } from '../../platform/api/types.ts';

// Every type here is read from the generated schema (web/src/api/schema.generated.ts).
export type Summary = ApiResponse<'/api/facilities/sewage/summary'>;
export type Facility = ApiItem<'/api/facilities/sewage/facilities'>;
export type FacilityRecord = ApiResponse<'/api/facilities/sewage/facilities/{id}'>;
export type FacilityQuery = ApiQuery<'/api/facilities/sewage/facilities'>;
export type FacilityBody = ApiBody<'/api/facilities/sewage/facilities'>;
export type Village = ApiItem<'/api/facilities/sewage/villages'>;
export type VillageQuery = ApiQuery<'/api/facilities/sewage/villages'>;
export type WaterTest = ApiItem<'/api/facilities/sewage/tests'>;
export type WaterTestQuery = ApiQuery<'/api/facilities/sewage/tests'>;
export type WaterTestBody = ApiBody<'/api/facilities/sewage/tests'>;
export type Standard = ApiResponse<'/api/facilities/sewage/standard'>;
export type District = ApiItem<'/api/facilities/districts'>;
export type DistrictRecord = ApiResponse<'/api/facilities/districts/{id}'>;
export type DistrictQuery = ApiQuery<'/api/facilities/districts'>;
export type DistrictBody = ApiBody<'/api/facilities/districts'>;

/** Query keys of the module: everything under ['facilities'] is refreshed after a write. */
export const fk = {
  all: ['facilities'] as const,
  summary: (q: object) => ['facilities', 'summary', q] as const,
  facilities: (q: object) => ['facilities', 'list', q] as const,
  villages: (q: object) => ['facilities', 'villages', q] as const,
  tests: (q: object) => ['facilities', 'tests', q] as const,
  standard: ['facilities', 'standard'] as const,
  districts: (q: object) => ['facilities', 'districts', q] as const,
  facility: (id: string) => ['facilities', 'one', id] as const,
  district: (id: string) => ['facilities', 'district', id] as const,
};

/** Hundredths as a decimal text: 4530 → "45.3", 725 → "7.25". */
export const fromHundredths = (v: number | null | undefined): string =>
  v === null || v === undefined ? '' : String(v / 100);

/** "45.3" → 4530; undefined when blank; NaN when not a number with ≤ 2 decimals. */
export function toHundredths(text: string | undefined): number | undefined {
  const t = (text ?? '').trim();
  if (!t) return undefined;
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(t);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : Number.NaN;
}
