import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Me } from '../auth/auth.tsx';

/**
 * The region the user is working in (header switcher). `null` means all of the user's grants.
 * Lists send it as `regionCode`; it is kept per user for the browser tab (sessionStorage).
 */
interface ScopeValue {
  /** The chosen region code, or null for everything the user may see. */
  regionCode: string | null;
  setRegionCode: (code: string | null) => void;
  /** The user's grant roots; null when a grant covers every region. */
  roots: string[] | null;
}

const ScopeContext = createContext<ScopeValue | null>(null);

/** The regions a user's grants cover: null if any grant is unrestricted; otherwise the outermost codes. */
export function grantRoots(me: Me): string[] | null {
  if (me.grants.length === 0) return [];
  if (me.grants.some((g) => g.regionCode === null)) return null;
  const codes = [...new Set(me.grants.map((g) => g.regionCode as string))].sort();
  return codes.filter((c) => !codes.some((o) => o !== c && c.startsWith(o)));
}

export const withinRoots = (roots: string[] | null, code: string): boolean =>
  roots === null || roots.some((r) => code.startsWith(r));

export function ScopeProvider({ me, children }: { me: Me; children: ReactNode }) {
  const roots = useMemo(() => grantRoots(me), [me]);
  const storageKey = `gongfu_scope:${me.id}`;
  const [regionCode, setState] = useState<string | null>(() => {
    const saved = sessionStorage.getItem(storageKey);
    return saved && withinRoots(roots, saved) ? saved : null;
  });
  const setRegionCode = useCallback(
    (code: string | null) => {
      if (code) sessionStorage.setItem(storageKey, code);
      else sessionStorage.removeItem(storageKey);
      setState(code);
    },
    [storageKey],
  );
  const value = useMemo(() => ({ regionCode, setRegionCode, roots }), [regionCode, setRegionCode, roots]);
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}

export function useScope(): ScopeValue {
  const v = useContext(ScopeContext);
  if (!v) throw new Error('useScope outside ScopeProvider');
  return v;
}

/** The region a new record starts in: the chosen scope, or the user's only grant region. */
export function useDefaultRegion(): string | undefined {
  const { regionCode, roots } = useScope();
  return regionCode ?? (roots?.length === 1 ? roots[0] : undefined);
}
