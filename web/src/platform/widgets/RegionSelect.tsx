import { useQuery, useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { type CSSProperties, useEffect, useMemo, useState } from 'react';
import { useDebounced } from '../hooks.ts';
import { useT } from '../i18n/i18n.tsx';
import {
  fetchRegion,
  loadRegionChildren,
  loadRegionRoots,
  type RegionChild,
  regionKeys,
  regionPathLabel,
  searchRegions,
} from '../regions.ts';
import { useScope } from '../scope/scope.tsx';

const ROOT = '__root__';

interface Node {
  code: string;
  name: string;
  parentCode: string | null;
  hasChildren: boolean;
}

export interface RegionSelectProps {
  value?: string | null | undefined;
  onChange?: (code: string | null) => void;
  /** Where the tree starts: the user's grant roots (default) or 'all' (the provinces). */
  roots?: 'scope' | 'all';
  id?: string;
  'aria-label'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  className?: string;
}

const toNode = (r: RegionChild): Node => ({
  code: r.code,
  name: r.name,
  parentCode: r.parentCode,
  hasChildren: r.hasChildren ?? r.level < 5,
});

/**
 * Pick a region: a lazy tree (GET /api/regions?parent=) that also searches the server by code,
 * name or pinyin initials (GET /api/regions/search). The value is the region code.
 */
export function RegionSelect({
  value,
  onChange,
  roots = 'scope',
  placeholder,
  allowClear = true,
  ...rest
}: RegionSelectProps) {
  const t = useT();
  const qc = useQueryClient();
  const scope = useScope();
  const rootCodes = roots === 'all' ? null : scope.roots;
  const rootKey = rootCodes === null ? '*' : rootCodes.join(',');

  const [nodes, setNodes] = useState<Map<string, Node>>(new Map());
  const [rootList, setRootList] = useState<string[]>([]);
  const [labels, setLabels] = useState<Map<string, string>>(new Map());
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);

  // biome-ignore lint/correctness/useExhaustiveDependencies: rootKey stands for rootCodes
  useEffect(() => {
    let live = true;
    void loadRegionRoots(qc, rootCodes).then((rows) => {
      if (!live) return;
      setRootList(rows.map((r) => r.code));
      setNodes((m) => new Map([...m, ...rows.map((r) => [r.code, toNode(r)] as const)]));
    });
    return () => {
      live = false;
    };
  }, [qc, rootKey]);

  const within = rootCodes?.length === 1 ? (rootCodes[0] ?? null) : null;
  const results = useQuery({
    queryKey: regionKeys.search(q, within),
    queryFn: () => searchRegions(q, within),
    enabled: q.length > 0,
    staleTime: 60_000,
  });

  const known = value ? (nodes.get(value)?.name ?? labels.get(value)) : undefined;
  const selected = useQuery({
    queryKey: regionKeys.one(value ?? ''),
    queryFn: () => fetchRegion(value ?? ''),
    enabled: Boolean(value) && known === undefined,
    staleTime: 30 * 60_000,
  });
  const valueLabel = value ? (known ?? selected.data?.name ?? value) : undefined;

  const treeData = useMemo(() => {
    if (q.length > 0) {
      return (results.data ?? [])
        .filter((r) => rootCodes === null || rootCodes.some((c) => r.code.startsWith(c)))
        .map((r) => ({
          id: r.code,
          pId: ROOT,
          value: r.code,
          title: `${regionPathLabel(r)}（${r.code}）`,
          isLeaf: true,
        }));
    }
    const rootSet = new Set(rootList);
    return [...nodes.values()]
      .filter((n) => rootSet.has(n.code) || (n.parentCode !== null && nodes.has(n.parentCode)))
      .map((n) => ({
        id: n.code,
        pId: rootSet.has(n.code) ? ROOT : n.parentCode,
        value: n.code,
        title: n.name,
        isLeaf: !n.hasChildren,
      }));
  }, [q, results.data, rootCodes, nodes, rootList]);

  const loadData = async ({ value: code }: { value?: string | number }) => {
    if (typeof code !== 'string' || q.length > 0) return;
    const rows = await loadRegionChildren(qc, code);
    setNodes((m) => {
      const next = new Map(m);
      for (const r of rows) next.set(r.code, toNode(r));
      const parent = next.get(code);
      if (parent && rows.length === 0) next.set(code, { ...parent, hasChildren: false });
      return next;
    });
  };

  return (
    <TreeSelect<{ value: string; label: string } | undefined>
      {...rest}
      labelInValue
      value={value && valueLabel ? { value, label: valueLabel } : undefined}
      onChange={(v) => {
        if (v?.value) {
          const r = results.data?.find((x) => x.code === v.value);
          if (r) setLabels((m) => new Map(m).set(r.code, r.name));
        }
        setSearch('');
        onChange?.(v?.value ?? null);
      }}
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: ROOT }}
      treeData={treeData}
      loadData={loadData}
      showSearch={{
        searchValue: search,
        onSearch: setSearch,
        filterTreeNode: false,
        autoClearSearchValue: true,
      }}
      notFoundContent={q.length > 0 && !results.isFetching ? t('regions.noResults') : null}
      loading={results.isFetching}
      placeholder={placeholder ?? t('scope.placeholder')}
      allowClear={allowClear}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...rest.style }}
    />
  );
}
