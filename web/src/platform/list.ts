import type { TablePaginationConfig } from 'antd';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Translate } from './i18n/i18n.tsx';

const posInt = (s: string | null, fallback: number) => {
  const n = Number(s);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/**
 * A list page's filters and page, kept in the URL (`?kind=enterprise&page=2`) so a list can be
 * bookmarked, shared and returned to with the back button.
 */
export function useListParams<K extends string>(keys: readonly K[], defaultPageSize = 20) {
  const [sp, setSp] = useSearchParams();
  // biome-ignore lint/correctness/useExhaustiveDependencies: keys is a module constant
  const filters = useMemo(() => {
    const f: Partial<Record<K, string>> = {};
    for (const k of keys) {
      const v = sp.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [sp]);
  const page = posInt(sp.get('page'), 1);
  const pageSize = Math.min(posInt(sp.get('pageSize'), defaultPageSize), 200);

  const write = useCallback(
    (f: Partial<Record<K, string | undefined>>, p: number, ps: number) => {
      const next = new URLSearchParams();
      for (const k of keys) {
        const v = f[k];
        if (v !== undefined && v !== '') next.set(k, v);
      }
      if (p > 1) next.set('page', String(p));
      if (ps !== defaultPageSize) next.set('pageSize', String(ps));
      setSp(next, { replace: true });
    },
    [keys, defaultPageSize, setSp],
  );

  return {
    filters,
    page,
    pageSize,
    /** New filters start again at page 1. */
    setFilters: (f: Partial<Record<K, string | undefined>>) => write(f, 1, pageSize),
    setPage: (p: number, ps: number) => write(filters, ps !== pageSize ? 1 : p, ps),
  };
}

/** Server-side pagination for an antd Table. */
export function tablePagination(
  t: Translate,
  list: { page: number; pageSize: number; setPage: (p: number, ps: number) => void },
  total: number | undefined,
): TablePaginationConfig {
  return {
    current: list.page,
    pageSize: list.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (n) => t('common.total', { total: n }),
    onChange: list.setPage,
  };
}

/** '' and whitespace become undefined; everything else a trimmed string. */
export const clean = (v: unknown): string | undefined => {
  if (v === null || v === undefined) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
};
