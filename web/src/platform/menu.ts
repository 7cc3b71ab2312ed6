import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './api/client.ts';
import type { ApiElement } from './api/types.ts';

/** One menu entry, as the server sends it (already filtered by the user's permissions, in their language). */
export type MenuEntry = ApiElement<'/api/menu'>;

export const menuQueryKey = ['menu'] as const;

export function useMenu() {
  return useQuery({
    queryKey: menuQueryKey,
    queryFn: () => unwrap(api.GET('/api/menu')),
    staleTime: 5 * 60_000,
  });
}

/** The entry a location belongs to: the longest path prefix ('/' only matches itself). */
export function entryFor(entries: readonly MenuEntry[], pathname: string): MenuEntry | undefined {
  let best: MenuEntry | undefined;
  for (const e of entries) {
    const hit = e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`);
    if (hit && (!best || e.path.length > best.path.length)) best = e;
  }
  return best;
}

/** The entry and its parents, outermost first (for the breadcrumb and the open submenu). */
export function entryTrail(entries: readonly MenuEntry[], entry: MenuEntry | undefined): MenuEntry[] {
  const trail: MenuEntry[] = [];
  const seen = new Set<string>();
  let e = entry;
  while (e && !seen.has(e.key)) {
    seen.add(e.key);
    trail.unshift(e);
    const parent = e.parent;
    e = parent ? entries.find((x) => x.key === parent) : undefined;
  }
  return trail;
}
