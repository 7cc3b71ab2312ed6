import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { FormDrawer, PagedTable, useListParams, usePagedQuery, useRequired } from '../../kit/index.ts';
import { api, unwrap } from '../../platform/api/client.ts';
import { useCan } from '../../platform/auth/auth.tsx';
import { useT } from '../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../platform/widgets/ErrorAlert.tsx';
import { OrgSelect } from '../../platform/widgets/OrgSelect.tsx';
import { PageHeader } from '../../platform/widgets/PageHeader.tsx';
import { RegionSelect } from '../../platform/widgets/RegionSelect.tsx';
import {
  type District,
  type DistrictBody,
  type DistrictQuery,
  type DistrictRecord,
  fk,
} from './facility-api.ts';
import { DateInput, dateItem } from './fields.tsx';
import { useFT } from './i18n/ft.ts';
import { editColumns, sortOf } from './table-parts.tsx';

const WRITE = 'facilities.write';
const STATUS_COLOR: Record<string, string> = {
  planning: 'default',
  under_construction: 'blue',
  accepted: 'green',
};
/** hundredths of m² per hectare */
const HA = 1_000_000;
const HECTARES = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

const FILTERS = ['status'] as const;
type DistrictFilters = Omit<DistrictQuery, 'page' | 'pageSize' | 'sort'>;

/** 城乡风貌区: the districts, their pilot year and acceptance; filters, sort and page in the URL. */
export default function DistrictsPage() {
  const t = useT();
  const ft = useFT();
  const can = useCan();
  const list = useListParams({ filters: FILTERS, sort: 'region' });
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const query: DistrictFilters = { status: list.filters.status as DistrictFilters['status'] };
  const districts = usePagedQuery({
    list,
    query,
    queryKey: fk.districts,
    fetch: (q) =>
      unwrap(
        api.GET('/api/facilities/districts', {
          params: { query: { ...q, sort: sortOf(['region', 'name'], q.sort) } },
        }),
      ),
    sortable: true,
  });
  return (
    <>
      <PageHeader
        title={ft('district.title')}
        description={ft('district.description')}
        extra={
          can(WRITE) ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              {ft('district.create')}
            </Button>
          ) : null
        }
      />
      <PagedTable
        list={list}
        result={districts}
        filters={
          <Form.Item name="status" label={ft('district.status')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 130 }}
              options={[
                { value: 'planning', label: ft('district.statusPlanning') },
                { value: 'under_construction', label: ft('district.statusBuilding') },
                { value: 'accepted', label: ft('district.statusAccepted') },
              ]}
            />
          </Form.Item>
        }
        exportTo={{
          fileName: `${ft('district.table')}.xlsx`,
          download: () =>
            api.GET('/api/facilities/districts/export.xlsx', { params: { query }, parseAs: 'blob' }),
        }}
        aria-label={ft('district.table')}
        rowKey="id"
        columns={[
          { title: ft('district.name'), dataIndex: 'name', sorter: true },
          { title: ft('district.kind'), dataIndex: 'kindName' },
          { title: ft('district.region'), dataIndex: 'regionName', key: 'region', sorter: true },
          {
            title: ft('district.area'),
            render: (_, d) => (d.areaHundredths ? HECTARES.format(d.areaHundredths / HA) : '—'),
            align: 'right',
          },
          { title: ft('district.lead'), render: (_, d) => d.leadOrganisationName ?? '—' },
          { title: ft('district.pilotYear'), render: (_, d) => d.pilotYear ?? '—' },
          {
            title: ft('district.status'),
            render: (_, d) => (
              <Space size={4}>
                <Tag color={STATUS_COLOR[d.status]}>{d.statusName}</Tag>
                {d.acceptedOn}
              </Space>
            ),
          },
          ...editColumns<District>(
            can(WRITE),
            t('common.edit'),
            (d) => d.name,
            (d) => setEditing(d.id),
          ),
        ]}
      />
      <DistrictDrawer editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}

interface Values {
  name: string;
  regionCode: string;
  kind: 'county' | 'urban';
  areaHa?: number | null;
  leadOrganisationId?: string | null;
  pilotYear?: number | null;
  status: 'planning' | 'under_construction' | 'accepted';
  acceptedOn?: string;
  description?: string;
}

/** The form's values of a district as loaded (area in hectares). */
const toValues = (d: DistrictRecord): Values => ({
  name: d.name,
  regionCode: d.regionCode,
  kind: d.kind,
  areaHa: d.areaHundredths === null ? null : d.areaHundredths / HA,
  leadOrganisationId: d.leadOrganisation?.id ?? null,
  pilotYear: d.pilotYear,
  status: d.status,
  acceptedOn: d.acceptedOn ?? undefined,
  description: d.description ?? undefined,
});

const NEW: Partial<Values> = { kind: 'county', status: 'planning' };
/** Server errors on the body's fields shown under the form's. */
const ALIASES = { areaHundredths: 'areaHa' } as const;

/** 登记 / 编辑风貌区: an edit starts from the whole record (GET by id). */
function DistrictDrawer({ editing, onClose }: { editing: string | 'new' | null; onClose: () => void }) {
  const t = useT();
  const ft = useFT();
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form);
  const id = editing !== null && editing !== 'new' ? editing : null;
  const record = useQuery({
    queryKey: fk.district(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/facilities/districts/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
  });
  const start = useMemo(
    () => (editing === 'new' ? NEW : record.data ? toValues(record.data) : undefined),
    [editing, record.data],
  );
  const submit = (v: Values) => {
    const body: DistrictBody = {
      name: v.name.trim(),
      regionCode: v.regionCode,
      kind: v.kind,
      areaHundredths: v.areaHa ? Math.round(v.areaHa * HA) : null,
      leadOrganisationId: v.leadOrganisationId ?? null,
      pilotYear: v.pilotYear ?? null,
      status: v.status,
      acceptedOn: v.status === 'accepted' ? (v.acceptedOn ?? null) : null,
      description: v.description?.trim() || null,
    };
    return id
      ? unwrap(api.PUT('/api/facilities/districts/{id}', { params: { path: { id } }, body }))
      : unwrap(api.POST('/api/facilities/districts', { body }));
  };
  const required = useRequired();
  return (
    <FormDrawer<Values>
      // an edit opens once its record is here, with its values in place
      open={editing === 'new' || (id !== null && (record.data !== undefined || record.isError))}
      onClose={onClose}
      title={ft(editing === 'new' ? 'district.create' : 'district.edit')}
      size={640}
      form={form}
      name="district"
      initialValues={start}
      submit={submit}
      invalidate={[fk.all]}
      fieldAliases={ALIASES}
    >
      <ErrorAlert error={record.error} onRetry={() => void record.refetch()} />
      <Form.Item
        name="name"
        label={ft('district.name')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.required', { field: ft('district.name') }),
          },
        ]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="regionCode" label={ft('district.region')} rules={required(ft('district.region'))}>
            <RegionSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={ft('district.kind')} rules={required(ft('district.kind'))}>
            <Select
              options={[
                { value: 'county', label: ft('district.kindCounty') },
                { value: 'urban', label: ft('district.kindUrban') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="status" label={ft('district.status')} rules={required(ft('district.status'))}>
            <Select
              options={[
                { value: 'planning', label: ft('district.statusPlanning') },
                { value: 'under_construction', label: ft('district.statusBuilding') },
                { value: 'accepted', label: ft('district.statusAccepted') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {status === 'accepted' ? (
            <Form.Item
              name="acceptedOn"
              label={ft('district.acceptedOn')}
              extra={ft('district.acceptedOnHelp')}
              rules={required(ft('district.acceptedOn'))}
              {...dateItem}
            >
              <DateInput />
            </Form.Item>
          ) : null}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="pilotYear" label={ft('district.pilotYear')}>
            <InputNumber min={2000} max={2099} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="areaHa" label={ft('district.area')}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="leadOrganisationId" label={ft('district.lead')}>
        <OrgSelect />
      </Form.Item>
      <Form.Item name="description" label={ft('district.descriptionLabel')}>
        <Input.TextArea maxLength={2000} rows={3} />
      </Form.Item>
    </FormDrawer>
  );
}
