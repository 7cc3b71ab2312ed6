import type { ApiBody, ApiElement, ApiItem, ApiQuery, ApiResponse } from '../../../platform/api/types.ts';

// Types read from the generated schema; query keys of the community pages.

/** A line of the communities list (what its table shows). */
export type CommunityRow = ApiItem<'/api/renewal/communities'>;
/** The whole record, with what the caller may do with it. */
export type Community = ApiResponse<'/api/renewal/communities/{id}'>;
export type CommunityQuery = ApiQuery<'/api/renewal/communities'>;
export type UnitQuery = ApiQuery<'/api/renewal/communities/{id}/units'>;
export type CommunityCreate = ApiBody<'/api/renewal/communities'>;
export type Unit = ApiItem<'/api/renewal/communities/{id}/units'>;
export type Building = ApiElement<'/api/renewal/communities/{id}/buildings'>;
export type SurveySummary = ApiElement<'/api/renewal/communities/{id}/surveys'>;
export type Survey = ApiResponse<'/api/renewal/surveys/{id}'>;
export type Results = ApiResponse<'/api/renewal/surveys/{id}/results'>;

export const ck = {
  all: ['renewal', 'communities'] as const,
  list: (q: unknown) => ['renewal', 'communities', 'list', q] as const,
  options: ['renewal', 'communities', 'options'] as const,
  one: (id: string) => ['renewal', 'communities', id] as const,
  units: (id: string, q: unknown) => ['renewal', 'communities', id, 'units', q] as const,
  buildings: (id: string) => ['renewal', 'communities', id, 'buildings'] as const,
  surveys: (id: string) => ['renewal', 'communities', id, 'surveys'] as const,
  survey: (id: string) => ['renewal', 'communities', 'survey', id] as const,
};

/** 8937 → '89.37' */
export const areaText = (centi: number) => (centi / 100).toFixed(2);
