import { useQuery } from '@tanstack/react-query';
import type { FormItemProps } from 'antd';
import { DatePicker, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../../../platform/api/client.ts';
import type { ApiQuery } from '../../../../platform/api/types.ts';
import { useDebounced } from '../../../../platform/hooks.ts';

/** Form.Item props that keep a DatePicker's value as a `YYYY-MM-DD` string in the form. */
export const dateItem: Pick<FormItemProps, 'getValueProps' | 'normalize'> = {
  getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : undefined }),
  normalize: (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : undefined),
};

/** A date field: the value is `YYYY-MM-DD`, typed or picked. */
export function DateInput(props: {
  id?: string;
  value?: Dayjs;
  onChange?: (v: Dayjs | null) => void;
  'aria-label'?: string;
  disabledDate?: (d: Dayjs) => boolean;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
}) {
  return <DatePicker format="YYYY-MM-DD" {...props} style={{ width: '100%', ...props.style }} />;
}

type OrgKind = NonNullable<ApiQuery<'/api/orgs'>['kind']>;

/** Pick an organisation of one kind (施工单位, 第三方安全巡查机构 …) by typing part of its name. */
export function KindOrgSelect({
  kind,
  value,
  onChange,
  id,
  placeholder,
  ...rest
}: {
  kind?: OrgKind;
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const options = useQuery({
    queryKey: ['orgs', 'options', kind ?? '', q],
    queryFn: () =>
      unwrap(
        api.GET('/api/orgs', {
          params: { query: { q: q || undefined, kind, pageSize: 20, status: 'active' } },
        }),
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
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={options.isFetching}
      options={all.map((o) => ({ value: o.id, label: `${o.name}（${o.regionName}）` }))}
      popupMatchSelectWidth={false}
    />
  );
}

/** Pick a renewal project in the user's scope by typing part of its name. */
export function ProjectSelect({
  value,
  onChange,
  id,
  placeholder,
  style,
  ...rest
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const options = useQuery({
    queryKey: ['renewal', 'project-options', q],
    queryFn: () =>
      unwrap(api.GET('/api/renewal/projects', { params: { query: { q: q || undefined, pageSize: 50 } } })),
    staleTime: 30_000,
  });
  const current = useQuery({
    queryKey: ['renewal', 'project', value ?? ''],
    queryFn: () => unwrap(api.GET('/api/renewal/projects/{id}', { params: { path: { id: value ?? '' } } })),
    enabled: Boolean(value) && !options.data?.items.some((o) => o.id === value),
  });
  const items: { id: string; name: string }[] = options.data?.items ?? [];
  const all = current.data && !items.some((o) => o.id === current.data.id) ? [current.data, ...items] : items;
  return (
    <Select<string>
      {...rest}
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={options.isFetching}
      options={all.map((o) => ({ value: o.id, label: o.name }))}
      style={{ minWidth: 220, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}

const SEVERITY_COLOR: Record<string, string> = { minor: 'blue', major: 'orange', critical: 'red' };

export function SeverityTag({ code, name }: { code: string; name: string }) {
  return <Tag color={SEVERITY_COLOR[code] ?? 'default'}>{name}</Tag>;
}

const STATUS_COLOR: Record<string, string> = {
  open: 'orange',
  replied: 'blue',
  passed: 'cyan',
  failed: 'red',
  closed: 'green',
  resolved: 'green',
  done: 'green',
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
};

export function StatusTag({ code, name }: { code: string; name: string }) {
  return <Tag color={STATUS_COLOR[code] ?? 'default'}>{name}</Tag>;
}

/** Pick several renewal projects (a meeting may cover more than one). */
export function ProjectsSelect({
  value,
  onChange,
  id,
  ...rest
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  id?: string;
  'aria-label'?: string;
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const options = useQuery({
    queryKey: ['renewal', 'project-options', q],
    queryFn: () =>
      unwrap(api.GET('/api/renewal/projects', { params: { query: { q: q || undefined, pageSize: 50 } } })),
    staleTime: 30_000,
  });
  return (
    <Select<string[]>
      {...rest}
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={options.isFetching}
      options={(options.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
    />
  );
}

/** Pick a task of one project (not a summary task). */
export function TaskSelect({
  projectId,
  value,
  onChange,
  id,
  ...rest
}: {
  projectId: string | undefined;
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
  'aria-label'?: string;
}) {
  const tasks = useQuery({
    queryKey: ['renewal', 'project', projectId ?? '', 'tasks'],
    queryFn: () =>
      unwrap(api.GET('/api/renewal/projects/{id}/tasks', { params: { path: { id: projectId ?? '' } } })),
    enabled: Boolean(projectId),
  });
  return (
    <Select<string>
      {...rest}
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      disabled={!projectId}
      showSearch={{ optionFilterProp: 'label' }}
      loading={tasks.isFetching}
      options={(tasks.data ?? [])
        .filter((x) => !x.summary)
        .map((x) => ({ value: x.id, label: `${x.wbsCode ? `${x.wbsCode} ` : ''}${x.name}` }))}
    />
  );
}

/** Lines of a textarea (one photo description per line), blank lines dropped. */
export const lines = (text: string | undefined): string[] =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Names typed in one field, separated by 、 ， , or spaces. */
export const names = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/[、，,;；\s]+/)
    .map((l) => l.trim())
    .filter(Boolean);
