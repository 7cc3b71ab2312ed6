import type { QueryClient } from '@tanstack/react-query';
import { api, unwrap } from './api/client.ts';
import type { ApiElement, ApiResponse } from './api/types.ts';

/** A region as the API returns it (GB/T 2260 code, name, level, pinyin initials, path when searched). */
export type Region = ApiResponse<'/api/regions/{code}'>;
export type RegionChild = ApiElement<'/api/regions'>;

export const regionKeys = {
  one: (code: string) => ['regions', 'one', code] as const,
  children: (parent: string | null) => ['regions', 'children', parent ?? ''] as const,
  search: (q: string, within: string | null) => ['regions', 'search', q, within ?? ''] as const,
};

export const fetchRegion = (code: string) =>
  unwrap(api.GET('/api/regions/{code}', { params: { path: { code } } }));

export const fetchRegionChildren = (parent: string | null) =>
  unwrap(api.GET('/api/regions', { params: { query: parent ? { parent } : {} } }));

export const searchRegions = (q: string, within: string | null, limit = 30) =>
  unwrap(api.GET('/api/regions/search', { params: { query: { q, limit, ...(within ? { within } : {}) } } }));

/** Regions rarely change: cache them for the session. */
const REGION_STALE = 30 * 60_000;

export const loadRegion = (qc: QueryClient, code: string) =>
  qc.fetchQuery({
    queryKey: regionKeys.one(code),
    queryFn: () => fetchRegion(code),
    staleTime: REGION_STALE,
  });

export const loadRegionChildren = (qc: QueryClient, parent: string | null) =>
  qc.fetchQuery({
    queryKey: regionKeys.children(parent),
    queryFn: () => fetchRegionChildren(parent),
    staleTime: REGION_STALE,
  });

/** The top of a region tree: the given roots, or the provinces when the user may see everything. */
export async function loadRegionRoots(qc: QueryClient, roots: string[] | null): Promise<RegionChild[]> {
  if (roots === null) return loadRegionChildren(qc, null);
  const rows = await Promise.all(roots.map((c) => loadRegion(qc, c)));
  return rows.map((r) => ({ ...r, hasChildren: r.hasChildren ?? r.level < 5 }));
}

/** "浙江省 / 湖州市 / 安吉县" from a region's path. */
export const regionPathLabel = (r: { name: string; path?: { name: string }[] | undefined }) =>
  r.path && r.path.length > 0 ? r.path.map((p) => p.name).join(' / ') : r.name;
