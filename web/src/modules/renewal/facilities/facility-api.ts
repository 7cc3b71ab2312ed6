import type { ApiBody, ApiItem, ApiQuery, ApiResponse } from '../../../platform/api/types.ts';

// Every type here is read from the generated schema (web/src/api/schema.generated.ts).
export type Summary = ApiResponse<'/api/renewal/sewage/summary'>;
export type Facility = ApiItem<'/api/renewal/sewage/facilities'>;
export type FacilityQuery = ApiQuery<'/api/renewal/sewage/facilities'>;
export type FacilityBody = ApiBody<'/api/renewal/sewage/facilities'>;
export type Village = ApiItem<'/api/renewal/sewage/villages'>;
export type VillageQuery = ApiQuery<'/api/renewal/sewage/villages'>;
export type WaterTest = ApiItem<'/api/renewal/sewage/tests'>;
export type WaterTestQuery = ApiQuery<'/api/renewal/sewage/tests'>;
export type WaterTestBody = ApiBody<'/api/renewal/sewage/tests'>;
export type Standard = ApiResponse<'/api/renewal/sewage/standard'>;
export type District = ApiItem<'/api/renewal/districts'>;
export type DistrictQuery = ApiQuery<'/api/renewal/districts'>;
export type DistrictBody = ApiBody<'/api/renewal/districts'>;

/** Query keys of the part: everything under ['renewal', 'facilities'] is refreshed after a write. */
export const fk = {
  all: ['renewal', 'facilities'] as const,
  summary: (q: object) => ['renewal', 'facilities', 'summary', q] as const,
  facilities: (q: object) => ['renewal', 'facilities', 'list', q] as const,
  villages: (q: object) => ['renewal', 'facilities', 'villages', q] as const,
  tests: (q: object) => ['renewal', 'facilities', 'tests', q] as const,
  standard: ['renewal', 'facilities', 'standard'] as const,
  districts: (q: object) => ['renewal', 'facilities', 'districts', q] as const,
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
