import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormDrawer, PagedTable, useListParams, usePagedQuery } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/auth.tsx';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { PageHeader } from '../../../platform/widgets/PageHeader.tsx';
import { RegionSelect } from '../../../platform/widgets/RegionSelect.tsx';
import { ProjectSelect } from '../shared/widgets/fields.tsx';
import { areaText, type Community, type CommunityCreate, type CommunityQuery, ck } from './api.ts';
import { useCT } from './i18n/ct.ts';

const FILTERS = ['regionCode', 'batch', 'status', 'q'] as const;
type CommunityFilters = Omit<CommunityQuery, 'page' | 'pageSize' | 'sort'>;
/** The orders the server offers besides its default (region, then name), each either way; others are dropped. */
const SORTS = ['name', '-name', 'units', '-units', 'area', '-area'] as const;
const sortOf = (sort: string | undefined) => SORTS.find((s) => s === sort);

/** The renovation batches in use within the caller's scope, and the statuses with their names. */
export function useCommunityOptions() {
  return useQuery({
    queryKey: ck.options,
    queryFn: () => unwrap(api.GET('/api/renewal/community-options')),
    staleTime: 60_000,
  });
}

/**
 * 老旧小区改造: the register of communities with filters (region, batch, status), sorts and export;
 * the filters, sort and page in the URL.
 */
export default function CommunitiesPage() {
  const t = useT();
  const ct = useCT();
  const can = useCan();
  const navigate = useNavigate();
  const list = useListParams({ filters: FILTERS });
  const [creating, setCreating] = useState(false);
  const query: CommunityFilters = {
    regionCode: list.filters.regionCode,
    batch: list.filters.batch,
    status: list.filters.status as CommunityFilters['status'],
    q: list.filters.q,
  };
  const options = useCommunityOptions();
  const communities = usePagedQuery({
    list,
    query,
    queryKey: ck.list,
    fetch: (q) =>
      unwrap(api.GET('/api/renewal/communities', { params: { query: { ...q, sort: sortOf(q.sort) } } })),
    sortable: true,
  });
  return (
    <>
      <PageHeader
        title={ct('list.title')}
        description={ct('list.description')}
        extra={
          can('renewal.community.write') ? (
            <Button type="primary" onClick={() => setCreating(true)}>
              {ct('list.create')}
            </Button>
          ) : null
        }
      />
      <PagedTable
        list={list}
        result={communities}
        filters={
          <>
            <Form.Item name="q" label={t('common.keyword')}>
              <Input allowClear placeholder={ct('list.search')} />
            </Form.Item>
            <Form.Item name="regionCode" label={ct('field.region')}>
              <RegionSelect placeholder={t('common.all')} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="batch" label={ct('field.batch')}>
              <Select
                allowClear
                placeholder={ct('list.allBatches')}
                style={{ width: 140 }}
                options={(options.data?.batches ?? []).map((b) => ({ value: b, label: b }))}
              />
            </Form.Item>
            <Form.Item name="status" label={ct('field.status')}>
              <Select
                allowClear
                placeholder={ct('list.allStatuses')}
                style={{ width: 140 }}
                options={(options.data?.statuses ?? []).map((s) => ({ value: s.code, label: s.name }))}
              />
            </Form.Item>
          </>
        }
        exportTo={{
          fileName: `${ct('list.title')}.xlsx`,
          download: () =>
            api.GET('/api/renewal/communities/export.xlsx', {
              params: { query: { ...query, sort: sortOf(list.sort) } },
              parseAs: 'blob',
            }),
        }}
        aria-label={ct('list.table')}
        rowKey="id"
        columns={[
          {
            title: ct('field.name'),
            dataIndex: 'name',
            key: 'name',
            sorter: true,
            render: (_, c) => <Link to={`/renewal/communities/${c.id}`}>{c.name}</Link>,
          },
          { title: ct('field.region'), dataIndex: 'regionName' },
          { title: ct('field.yearBuilt'), dataIndex: 'yearBuilt' },
          { title: ct('field.batch'), dataIndex: 'batch' },
          { title: ct('field.status'), dataIndex: 'statusName' },
          { title: ct('field.units'), dataIndex: 'unitCount', key: 'units', sorter: true, align: 'right' },
          { title: ct('field.owners'), dataIndex: 'ownerCount', align: 'right' },
          {
            title: ct('field.area'),
            dataIndex: 'areaCenti',
            key: 'area',
            sorter: true,
            align: 'right',
            render: (v: number) => areaText(v),
          },
          {
            title: ct('field.satisfaction'),
            key: 'satisfaction',
            // accepted: the share of residents satisfied (— when nobody rated); blank before acceptance
            render: (_, c) =>
              c.acceptedOn ? (c.satisfactionRate !== null ? `${c.satisfactionRate}%` : '—') : '',
          },
        ]}
      />
      <CommunityForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(id) => navigate(`/renewal/communities/${id}`)}
      />
    </>
  );
}

/** Register (or amend) a community. */
export function CommunityForm({
  open,
  onClose,
  onSaved,
  initial,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (id: string) => void;
  initial?: Community;
}) {
  const ct = useCT();
  const [form] = Form.useForm<CommunityCreate>();
  const options = useCommunityOptions();
  return (
    <FormDrawer<CommunityCreate, { id: string }>
      open={open}
      onClose={onClose}
      onSaved={(c) => onSaved(c.id)}
      title={initial ? ct('common.edit') : ct('list.create')}
      size="large"
      form={form}
      name="renewal-community"
      initialValues={
        initial
          ? {
              name: initial.name,
              regionCode: initial.regionCode,
              address: initial.address,
              yearBuilt: initial.yearBuilt,
              batch: initial.batch,
              status: initial.status as CommunityCreate['status'],
              projectId: initial.project?.id ?? null,
            }
          : { status: 'planned' }
      }
      submit={(v) =>
        initial
          ? unwrap(
              api.PATCH('/api/renewal/communities/{id}', { params: { path: { id: initial.id } }, body: v }),
            )
          : unwrap(api.POST('/api/renewal/communities', { body: v }))
      }
      invalidate={[ck.all]}
    >
      <Form.Item name="name" label={ct('field.name')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="regionCode" label={ct('field.region')} rules={[{ required: true }]}>
        <RegionSelect />
      </Form.Item>
      <Form.Item name="address" label={ct('field.address')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="yearBuilt" label={ct('field.yearBuilt')}>
        <InputNumber min={1949} max={2100} />
      </Form.Item>
      <Form.Item name="batch" label={ct('field.batch')}>
        <Input maxLength={50} placeholder="2023年" />
      </Form.Item>
      <Form.Item name="status" label={ct('field.status')}>
        <Select
          options={(options.data?.statuses ?? [])
            .filter((s) => s.code !== 'accepted')
            .map((s) => ({ value: s.code, label: s.name }))}
        />
      </Form.Item>
      <Form.Item name="projectId" label={ct('field.project')} extra={ct('field.projectHint')}>
        <ProjectSelect placeholder={ct('field.projectPick')} />
      </Form.Item>
    </FormDrawer>
  );
}
