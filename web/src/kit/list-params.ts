import { useCallback, useEffect, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { rememberListUrl } from './list-memory.ts';

/** The page sizes a list offers; a larger `pageSize` in the URL is cut to the last one. */
export const PAGE_SIZES = [10, 20, 50, 100] as const;
const MAX_PAGE_SIZE = 200;

export interface ListParamsOptions<K extends string> {
  /** The filters' URL names (the list's own, without the prefix). */
  filters: readonly K[];
  /** A filter's value when the URL has none; a value equal to its default is not written. */
  defaults?: Partial<Record<K, string>>;
  /** Rows per page when the URL has none (20). */
  pageSize?: number;
  /** The sort when the URL has none: a field, `-field` for descending. */
  sort?: string;
  /**
   * Names this list's parameters apart from others on the same page (`findings.` gives
   * `?findings.status=open&findings.page=2`); parameters of other lists and of the page (`tab`) stay.
   */
  prefix?: string;
}

export type Filters<K extends string> = Partial<Record<K, string>>;

/** A list's filters, sort and page, read from and written to the URL's search parameters. */
export interface ListParams<K extends string = string> {
  /** The filters in force: the URL's, else the defaults. */
  filters: Filters<K>;
  page: number;
  pageSize: number;
  sort: string | undefined;
  /** Whether any filter differs from its default (an empty list then says "nothing matches"). */
  filtered: boolean;
  /** New filters (undefined or '' clears one); the list starts again at page 1. */
  setFilters: (next: Partial<Record<K, string | undefined>>) => void;
  /** Another page; a new page size starts again at page 1. `replace` keeps the history entry. */
  setPage: (page: number, pageSize?: number, replace?: boolean) => void;
  /** Another sort (undefined: the default); starts again at page 1. */
  setSort: (sort: string | undefined) => void;
}

const posInt = (s: string | null, fallback: number) => {
  const n = Number(s);
  return s !== null && Number.isInteger(n) && n > 0 ? n : fallback;
};

/** '' and whitespace become undefined; everything else a trimmed string (for filter form values). */
export const clean = (v: unknown): string | undefined => {
  if (v === null || v === undefined) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
};

/**
 * A list's state in the URL (`?status=open&page=2`), so that a reload, the back and forward
 * buttons and a shared link all show the same rows. Defaults are not written; changing a filter
 * or the sort goes back to page 1. Each change is a history entry (the back button undoes it).
 */
export function useListParams<K extends string>(options: ListParamsOptions<K>): ListParams<K> {
  const { pageSize: defaultPageSize = 20, sort: defaultSort, prefix = '' } = options;
  const [sp, setSp] = useSearchParams();
  const location = useLocation();
  const name = useCallback((k: string) => `${prefix}${k}`, [prefix]);
  // the options are often literals: follow their content, not their identity
  const keysKey = options.filters.join('\u0000');
  const defaultsKey = JSON.stringify(options.defaults ?? {});
  // biome-ignore lint/correctness/useExhaustiveDependencies: keysKey stands for the keys
  const keys = useMemo(() => options.filters, [keysKey]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: defaultsKey stands for the defaults
  const defaults = useMemo(() => options.defaults, [defaultsKey]);

  const filters = useMemo(() => {
    const f: Filters<K> = {};
    for (const k of keys) {
      const v = sp.get(name(k)) ?? defaults?.[k];
      if (v !== undefined && v !== '') f[k] = v;
    }
    return f;
  }, [sp, name, keys, defaults]);
  const page = posInt(sp.get(name('page')), 1);
  const pageSize = Math.min(posInt(sp.get(name('pageSize')), defaultPageSize), MAX_PAGE_SIZE);
  const sort = sp.get(name('sort')) || defaultSort;
  const filtered = keys.some((k) => (filters[k] ?? '') !== (defaults?.[k] ?? ''));

  // the list page's address, for the back link of the detail pages opened from it
  useEffect(() => {
    rememberListUrl(location.pathname, location.search);
  }, [location.pathname, location.search]);

  const write = useCallback(
    (
      f: Partial<Record<K, string | undefined>>,
      p: number,
      ps: number,
      s: string | undefined,
      replace: boolean,
    ) => {
      setSp(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const k of keys) {
            const v = clean(f[k]);
            if (v === undefined || v === (defaults?.[k] ?? '')) next.delete(name(k));
            else next.set(name(k), v);
          }
          if (p > 1) next.set(name('page'), String(p));
          else next.delete(name('page'));
          if (ps !== defaultPageSize) next.set(name('pageSize'), String(ps));
          else next.delete(name('pageSize'));
          if (s && s !== defaultSort) next.set(name('sort'), s);
          else next.delete(name('sort'));
          return next;
        },
        { replace, preventScrollReset: true },
      );
    },
    [setSp, name, keys, defaults, defaultPageSize, defaultSort],
  );

  return {
    filters,
    page,
    pageSize,
    sort,
    filtered,
    setFilters: (next) => write(next, 1, pageSize, sort, false),
    setPage: (p, ps = pageSize, replace = false) =>
      write(filters, ps !== pageSize ? 1 : p, ps, sort, replace),
    setSort: (s) => write(filters, 1, pageSize, s, false),
  };
}
