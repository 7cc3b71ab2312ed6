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
import { areaText, type CommunityCreate, type CommunityQuery, type CommunityRow, ck } from './api.ts';
import { useCT } from './i18n/ct.ts';

const FILTERS = ['regionCode', 'batch', 'status', 'q'] as const;
type CommunityFilters = Omit<CommunityQuery, 'page' | 'pageSize'>;

/** 老旧小区改造: the register of communities with filters (region, batch, status) and export; the filters and page in the URL. */
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
  const communities = usePagedQuery({
    list,
    query,
    queryKey: ck.list,
    fetch: (q) => unwrap(api.GET('/api/renewal/communities', { params: { query: q } })),
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
                options={(communities.data?.batches ?? []).map((b) => ({ value: b, label: b }))}
              />
            </Form.Item>
            <Form.Item name="status" label={ct('field.status')}>
              <Select
                allowClear
                placeholder={ct('list.allStatuses')}
                style={{ width: 140 }}
                options={(communities.data?.statuses ?? []).map((s) => ({ value: s.code, label: s.name }))}
              />
            </Form.Item>
          </>
        }
        exportTo={{
          fileName: `${ct('list.title')}.xlsx`,
          download: () =>
            api.GET('/api/renewal/communities/export.xlsx', { params: { query }, parseAs: 'blob' }),
        }}
        aria-label={ct('list.table')}
        rowKey="id"
        columns={[
          {
            title: ct('field.name'),
            dataIndex: 'name',
            render: (_, c) => <Link to={`/renewal/communities/${c.id}`}>{c.name}</Link>,
          },
          { title: ct('field.region'), dataIndex: 'regionName' },
          { title: ct('field.yearBuilt'), dataIndex: 'yearBuilt' },
          { title: ct('field.batch'), dataIndex: 'batch' },
          { title: ct('field.status'), dataIndex: 'statusName' },
          { title: ct('field.units'), dataIndex: 'unitCount', align: 'right' },
          { title: ct('field.owners'), dataIndex: 'ownerCount', align: 'right' },
          {
            title: ct('field.area'),
            dataIndex: 'areaCenti',
            align: 'right',
            render: (v: number) => areaText(v),
          },
          {
            title: ct('field.satisfaction'),
            key: 'satisfaction',
            render: (_, c) =>
              c.acceptance ? (c.acceptance.rated > 0 ? `${c.acceptance.satisfactionRate}%` : '—') : '',
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
  initial?: CommunityRow;
}) {
  const ct = useCT();
  const [form] = Form.useForm<CommunityCreate>();
  const labels = useQuery({
    queryKey: ck.list({ page: 1, pageSize: 1 }),
    queryFn: () =>
      unwrap(api.GET('/api/renewal/communities', { params: { query: { page: 1, pageSize: 1 } } })),
  });
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
          options={(labels.data?.statuses ?? [])
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
