import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/auth.tsx';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { PageHeader } from '../../../platform/widgets/PageHeader.tsx';
import { RegionSelect } from '../../../platform/widgets/RegionSelect.tsx';
import { ExportButton } from '../widgets/ExportButton.tsx';
import { ProjectSelect } from '../widgets/fields.tsx';
import { areaText, type CommunityCreate, type CommunityQuery, type CommunityRow, ck } from './api.ts';
import { useCT } from './i18n/ct.ts';

/** 老旧小区改造: the register of communities with filters (region, batch, status) and export. */
export default function CommunitiesPage() {
  const ct = useCT();
  const can = useCan();
  const navigate = useNavigate();
  const [q, setQ] = useState<CommunityQuery>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ck.list(q),
    queryFn: () => unwrap(api.GET('/api/renewal/communities', { params: { query: q } })),
    placeholderData: keepPreviousData,
  });
  const filters = { regionCode: q.regionCode, batch: q.batch, status: q.status, q: q.q };
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
      <Space wrap style={{ marginBottom: 12 }}>
        <RegionSelect
          value={q.regionCode}
          onChange={(v) => setQ({ ...q, regionCode: (v as string | undefined) ?? undefined, page: 1 })}
          placeholder={ct('field.region')}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          aria-label={ct('field.batch')}
          placeholder={ct('list.allBatches')}
          style={{ width: 140 }}
          value={q.batch}
          onChange={(v) => setQ({ ...q, batch: v, page: 1 })}
          options={(list.data?.batches ?? []).map((b) => ({ value: b, label: b }))}
        />
        <Select
          allowClear
          aria-label={ct('field.status')}
          placeholder={ct('list.allStatuses')}
          style={{ width: 140 }}
          value={q.status}
          onChange={(v) => setQ({ ...q, status: v, page: 1 })}
          options={(list.data?.statuses ?? []).map((s) => ({ value: s.code, label: s.name }))}
        />
        <Input.Search
          allowClear
          aria-label={ct('list.search')}
          placeholder={ct('list.search')}
          onSearch={(v) => setQ({ ...q, q: v || undefined, page: 1 })}
        />
        <ExportButton
          fileName={`${ct('list.title')}.xlsx`}
          download={() =>
            api.GET('/api/renewal/communities/export.xlsx', { params: { query: filters }, parseAs: 'blob' })
          }
        />
      </Space>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<CommunityRow>
        aria-label={ct('list.table')}
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setQ({ ...q, page, pageSize }),
        }}
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
            render: (_, c) =>
              c.acceptance ? (c.acceptance.rated > 0 ? `${c.acceptance.satisfactionRate}%` : '—') : '',
          },
        ]}
      />
      <CommunityForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          navigate(`/renewal/communities/${id}`);
        }}
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
  const qc = useQueryClient();
  const [form] = Form.useForm<CommunityCreate>();
  const labels = useQuery({
    queryKey: ck.list({ page: 1, pageSize: 1 }),
    queryFn: () =>
      unwrap(api.GET('/api/renewal/communities', { params: { query: { page: 1, pageSize: 1 } } })),
  });
  const save = useMutation({
    mutationFn: (v: CommunityCreate) =>
      initial
        ? unwrap(
            api.PATCH('/api/renewal/communities/{id}', { params: { path: { id: initial.id } }, body: v }),
          )
        : unwrap(api.POST('/api/renewal/communities', { body: v })),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ck.all });
      onSaved(c.id);
    },
  });
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={initial ? ct('common.edit') : ct('list.create')}
      size="large"
      destroyOnHidden
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
          {ct('common.save')}
        </Button>
      }
    >
      <ErrorAlert error={save.error} />
      <Form<CommunityCreate>
        form={form}
        layout="vertical"
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
        onFinish={(v) => save.mutate(v)}
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
      </Form>
    </Drawer>
  );
}
