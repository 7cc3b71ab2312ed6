import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import { useDebounced } from '../hooks.ts';

export interface OrgSelectProps {
  value?: string | null | undefined;
  onChange?: (id: string | null) => void;
  id?: string;
  placeholder?: string;
  /** An organisation that may not be chosen (itself, as its own parent). */
  exclude?: string | undefined;
  'aria-label'?: string;
}

/** Pick an organisation by typing part of its name (GET /api/orgs?q=), within the user's scope. */
export function OrgSelect({ value, onChange, exclude, placeholder, ...rest }: OrgSelectProps) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const options = useQuery({
    queryKey: ['orgs', 'options', q],
    queryFn: () =>
      unwrap(
        api.GET('/api/orgs', { params: { query: { q: q || undefined, pageSize: 20, status: 'active' } } }),
      ),
    staleTime: 30_000,
  });
  const current = useQuery({
    queryKey: ['orgs', 'one', value ?? ''],
    queryFn: () => unwrap(api.GET('/api/orgs/{id}', { params: { path: { id: value ?? '' } } })),
    enabled: Boolean(value) && !options.data?.items.some((o) => o.id === value),
    staleTime: 60_000,
  });
  const items = options.data?.items ?? [];
  const all = current.data && !items.some((o) => o.id === current.data.id) ? [current.data, ...items] : items;
  return (
    <Select<string>
      {...rest}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={options.isFetching}
      options={all
        .filter((o) => o.id !== exclude)
        .map((o) => ({ value: o.id, label: `${o.name}（${o.regionName}）` }))}
      popupMatchSelectWidth={false}
    />
  );
}
