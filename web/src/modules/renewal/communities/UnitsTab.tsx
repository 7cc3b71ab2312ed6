import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { ExportButton, PagedTable, useListParams, usePagedQuery } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
import { setImportDialogOpen, useImportDialogOpen } from '../../../platform/excel/excel.api.ts';
import { ImportJobStatus } from '../../../platform/excel/ImportJobStatus.tsx';
import { ImportModal } from '../../../platform/excel/ImportModal.tsx';
import { useImportJob } from '../../../platform/excel/use-import-job.ts';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { areaText, type Community, ck, type UnitQuery } from './api.ts';
import { useCT } from './i18n/ct.ts';

const FILTERS = ['buildingId', 'q'] as const;
/** The orders the server offers besides the register's (building, entrance, room); others are dropped. */
const SORTS = ['unit', '-unit', 'area', '-area'] as const;
const sortOf = (sort: string | undefined) => SORTS.find((s) => s === sort);

const base = (id: string) => `/api/renewal/communities/${encodeURIComponent(id)}/units`;

/**
 * 楼栋与住户: the units with areas and owners (masked for leaders, who search rooms only), by
 * building or room, add, import from Excel, export of the same filters.
 */
export function UnitsTab({ community }: { community: Community }) {
  const ct = useCT();
  const qc = useQueryClient();
  const id = community.id;
  const list = useListParams({ filters: FILTERS, pageSize: 50 });
  const [adding, setAdding] = useState(false);
  const query: Omit<UnitQuery, 'page' | 'pageSize' | 'sort'> = {
    buildingId: list.filters.buildingId,
    q: list.filters.q,
  };
  const units = usePagedQuery({
    list,
    query,
    queryKey: (q) => ck.units(id, q),
    fetch: (q) =>
      unwrap(
        api.GET('/api/renewal/communities/{id}/units', {
          params: { path: { id }, query: { ...q, sort: sortOf(q.sort) } },
        }),
      ),
    sortable: true,
  });
  const buildings = useQuery({
    queryKey: ck.buildings(id),
    queryFn: () => unwrap(api.GET('/api/renewal/communities/{id}/buildings', { params: { path: { id } } })),
  });
  const importKey = `renewal-community-units:${id}`;
  const importOpen = useImportDialogOpen(importKey);
  const refreshed = [ck.one(id), ck.buildings(id), ['renewal', 'communities', id, 'units']];
  const importJob = useImportJob(importKey, refreshed);
  useEffect(() => () => setImportDialogOpen(importKey, false), [importKey]);
  const addBuilding = useMutation({
    mutationFn: (name: string) =>
      unwrap(
        api.POST('/api/renewal/communities/{id}/buildings', { params: { path: { id } }, body: { name } }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ck.one(id) }),
  });
  return (
    <div className="rn-stack">
      {community.can.update ? null : <Alert type="info" showIcon title={ct('units.masked')} />}
      <ImportJobStatus target={importKey} invalidate={refreshed} />
      <ErrorAlert error={addBuilding.error} />
      <PagedTable
        list={list}
        result={units}
        toolbar={
          <>
            <Select
              allowClear
              aria-label={ct('units.building')}
              placeholder={ct('units.building')}
              style={{ width: 160 }}
              value={list.filters.buildingId}
              onChange={(v) => list.setFilters({ ...list.filters, buildingId: v })}
              options={(buildings.data ?? []).map((b) => ({
                value: b.id,
                label: `${b.name}（${b.unitCount}）`,
              }))}
            />
            <Input.Search
              allowClear
              aria-label={community.can.update ? ct('units.search') : ct('units.searchRoom')}
              placeholder={community.can.update ? ct('units.search') : ct('units.searchRoom')}
              key={list.filters.q ?? ''}
              defaultValue={list.filters.q}
              onSearch={(v) => list.setFilters({ ...list.filters, q: v })}
              style={{ width: 200 }}
            />
            {community.can.update ? (
              <>
                <Button onClick={() => setAdding(true)}>{ct('units.add')}</Button>
                <Input.Search
                  aria-label={ct('units.addBuilding')}
                  placeholder={ct('units.addBuilding')}
                  enterButton={ct('units.addBuilding')}
                  style={{ width: 260 }}
                  loading={addBuilding.isPending}
                  onSearch={(v) => v.trim() && addBuilding.mutate(v.trim())}
                />
                <Button
                  icon={<UploadOutlined aria-hidden />}
                  onClick={() => setImportDialogOpen(importKey, true)}
                >
                  {ct('units.import')}
                </Button>
              </>
            ) : null}
            <ExportButton
              fileName={`${community.name}${ct('units.table')}.xlsx`}
              download={() =>
                api.GET('/api/renewal/communities/{id}/units/export.xlsx', {
                  params: { path: { id }, query: { ...query, sort: sortOf(list.sort) } },
                  parseAs: 'blob',
                })
              }
            />
          </>
        }
        aria-label={ct('units.table')}
        rowKey="id"
        size="small"
        columns={[
          { title: ct('units.label'), dataIndex: 'label', key: 'unit', sorter: true },
          {
            title: ct('units.area'),
            dataIndex: 'areaCenti',
            key: 'area',
            sorter: true,
            align: 'right',
            render: (v: number) => areaText(v),
          },
          { title: ct('units.owner'), key: 'owner', render: (_, u) => u.owner.name },
          { title: ct('units.ownerKind'), key: 'ownerKind', render: (_, u) => u.owner.kindName },
        ]}
      />
      <ImportModal
        importUrl={`${base(id)}/import`}
        templateUrl={`${base(id)}/import-template.xlsx`}
        title={ct('units.importTitle')}
        hideMode
        open={importOpen}
        onClose={() => setImportDialogOpen(importKey, false)}
        importJob={importJob}
      />
      <AddUnit
        communityId={id}
        open={adding}
        onClose={() => setAdding(false)}
        buildings={buildings.data ?? []}
      />
    </div>
  );
}

interface UnitForm {
  buildingId: string;
  entrance?: string;
  room: string;
  area: number;
  ownerName: string;
  ownerKind: 'person' | 'organisation';
}

function AddUnit({
  communityId,
  open,
  onClose,
  buildings,
}: {
  communityId: string;
  open: boolean;
  onClose: () => void;
  buildings: Array<{ id: string; name: string }>;
}) {
  const ct = useCT();
  const qc = useQueryClient();
  const [form] = Form.useForm<UnitForm>();
  const save = useMutation({
    mutationFn: (v: UnitForm) =>
      unwrap(
        api.POST('/api/renewal/communities/{id}/units', {
          params: { path: { id: communityId } },
          body: {
            buildingId: v.buildingId,
            entrance: v.entrance ?? '',
            room: v.room,
            areaCenti: Math.round(v.area * 100),
            ownerName: v.ownerName,
            ownerKind: v.ownerKind,
          },
        }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ck.one(communityId) });
      void qc.invalidateQueries({ queryKey: ['renewal', 'communities', communityId, 'units'] });
      form.resetFields(['room', 'area', 'ownerName']);
    },
  });
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={ct('units.add')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form<UnitForm>
        form={form}
        layout="vertical"
        initialValues={{ ownerKind: 'person' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="buildingId" label={ct('units.building')} rules={[{ required: true }]}>
          <Select options={buildings.map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
        <Form.Item name="entrance" label={ct('units.entrance')}>
          <Input maxLength={10} />
        </Form.Item>
        <Form.Item name="room" label={ct('units.room')} rules={[{ required: true }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="area" label={ct('units.area')} rules={[{ required: true }]}>
          <InputNumber min={0.01} max={999999.99} precision={2} step={0.01} />
        </Form.Item>
        <Form.Item name="ownerName" label={ct('units.ownerName')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="ownerKind" label={ct('units.ownerKind')}>
          <Select
            options={[
              { value: 'person', label: ct('units.person') },
              { value: 'organisation', label: ct('units.organisation') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
