import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { FormDrawer, useRequired, useServerError } from '../../kit/index.ts';
import { api, unwrap } from '../../platform/api/client.ts';
import { useDebounced } from '../../platform/hooks.ts';
import { useT } from '../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../platform/widgets/ErrorAlert.tsx';
import { OrgSelect } from '../../platform/widgets/OrgSelect.tsx';
import { RegionSelect } from '../../platform/widgets/RegionSelect.tsx';
import {
  type FacilityBody,
  type FacilityRecord,
  fk,
  toHundredths,
  type Village,
  type WaterTest,
} from './facility-api.ts';
import { DateInput, dateItem, todayInChina } from './fields.tsx';
import { useFT } from './i18n/ft.ts';

/** Pick a sewage facility in the user's scope by typing part of its or its village's name. */
export function FacilitySelect({
  value,
  onChange,
  id,
  operatingOnly,
  ...rest
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
  operatingOnly?: boolean;
  'aria-label'?: string;
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const query = {
    q: q || undefined,
    pageSize: 30,
    status: operatingOnly ? ('operating' as const) : undefined,
  };
  const options = useQuery({
    queryKey: fk.facilities({ ...query, select: true }),
    queryFn: () => unwrap(api.GET('/api/facilities/sewage/facilities', { params: { query } })),
    staleTime: 30_000,
  });
  const current = useQuery({
    queryKey: fk.facility(value ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/facilities/sewage/facilities/{id}', { params: { path: { id: value ?? '' } } })),
    enabled: Boolean(value) && !options.data?.items.some((f) => f.id === value),
  });
  const items = options.data?.items ?? [];
  // the facility picked keeps its label while the options are replaced by the next search
  type Item = (typeof items)[number];
  const [picked, setPicked] = useState<Item | null>(null);
  const chosen = [current.data, picked].find((f): f is Item => Boolean(f) && f?.id === value);
  const all = chosen && !items.some((f) => f.id === chosen.id) ? [chosen, ...items] : items;
  return (
    <Select<string>
      {...rest}
      id={id}
      value={value ?? undefined}
      onChange={(v) => {
        setPicked(all.find((f) => f.id === v) ?? null);
        onChange?.(v ?? null);
      }}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={options.isFetching}
      options={all.map((f) => ({
        value: f.id,
        label: `${f.name}（${f.townName ?? ''}${f.villageName}，${f.statusName}）`,
      }))}
      popupMatchSelectWidth={false}
    />
  );
}

interface FacilityValues {
  name: string;
  villageCode: string;
  capacity: number;
  kind: 'built' | 'rebuilt';
  year: number;
  investmentWan: number;
  operatorOrganisationId?: string | null;
  process?: string;
  dischargeGrade: 1 | 2;
  status: 'operating' | 'under_construction' | 'suspended';
}

/** The form's values of a facility as loaded (capacity in t/d, investment in 万元). */
const toValues = (f: FacilityRecord): FacilityValues => ({
  name: f.name,
  villageCode: f.villageCode,
  capacity: f.capacityTenths / 10,
  kind: f.kind,
  year: f.year,
  investmentWan: f.investmentFen / 1_000_000,
  operatorOrganisationId: f.operatorOrganisation?.id ?? null,
  process: f.process ?? undefined,
  dischargeGrade: f.dischargeGrade,
  status: f.status,
});

/** Server errors on the body's fields shown under the form's. */
const ALIASES = { capacityTenths: 'capacity', investmentFen: 'investmentWan' } as const;

/**
 * 登记 / 编辑设施: one form for both; money in 万元 and capacity in t/d, sent as fen and tenths.
 * An edit starts from the whole record (GET by id).
 */
export function FacilityDrawer({
  editing,
  onClose,
}: {
  /** The id of the facility edited, 'new', or null (closed). */
  editing: string | 'new' | null;
  onClose: () => void;
}) {
  const t = useT();
  const ft = useFT();
  const [form] = Form.useForm<FacilityValues>();
  const id = editing !== null && editing !== 'new' ? editing : null;
  const record = useQuery({
    queryKey: fk.facility(id ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/facilities/sewage/facilities/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
  });
  const start = useMemo(
    () =>
      editing === 'new'
        ? {
            kind: 'built' as const,
            status: 'operating' as const,
            dischargeGrade: 2 as const,
            year: Number(todayInChina().slice(0, 4)),
          }
        : record.data
          ? toValues(record.data)
          : undefined,
    [editing, record.data],
  );
  const submit = (v: FacilityValues) => {
    const body: FacilityBody = {
      name: v.name.trim(),
      villageCode: v.villageCode,
      capacityTenths: Math.round(v.capacity * 10),
      kind: v.kind,
      year: v.year,
      investmentFen: Math.round(v.investmentWan * 1_000_000),
      operatorOrganisationId: v.operatorOrganisationId ?? null,
      process: v.process?.trim() || null,
      dischargeGrade: v.dischargeGrade,
      status: v.status,
    };
    return id
      ? unwrap(api.PUT('/api/facilities/sewage/facilities/{id}', { params: { path: { id } }, body }))
      : unwrap(api.POST('/api/facilities/sewage/facilities', { body }));
  };
  const required = useRequired();
  return (
    <FormDrawer<FacilityValues>
      // an edit opens once its record is here, with its values in place
      open={editing === 'new' || (id !== null && (record.data !== undefined || record.isError))}
      onClose={onClose}
      title={ft(editing === 'new' ? 'facility.create' : 'facility.edit')}
      size={640}
      form={form}
      name="facility"
      initialValues={start}
      submit={submit}
      invalidate={[fk.all]}
      fieldAliases={ALIASES}
    >
      <ErrorAlert error={record.error} onRetry={() => void record.refetch()} />
      <Form.Item
        name="name"
        label={ft('facility.name')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.required', { field: ft('facility.name') }),
          },
        ]}
      >
        <Input maxLength={100} placeholder={ft('facility.namePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="villageCode"
        label={ft('facility.village')}
        extra={ft('facility.villageHelp')}
        rules={required(ft('facility.village'))}
      >
        <RegionSelect />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="capacity"
            label={ft('facility.capacity')}
            rules={required(ft('facility.capacity'))}
          >
            <InputNumber min={0.1} max={100000} precision={1} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="investmentWan"
            label={ft('facility.investment')}
            rules={required(ft('facility.investment'))}
          >
            <InputNumber min={0} max={1000000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={ft('facility.kind')} rules={required(ft('facility.kind'))}>
            <Select
              options={[
                { value: 'built', label: ft('facility.kindBuilt') },
                { value: 'rebuilt', label: ft('facility.kindRebuilt') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="year" label={ft('facility.year')} rules={required(ft('facility.year'))}>
            <InputNumber min={2000} max={2099} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="dischargeGrade"
            label={ft('facility.grade')}
            extra={ft('facility.gradeHelp')}
            rules={required(ft('facility.grade'))}
          >
            <Select
              options={[
                { value: 1, label: ft('facility.grade1') },
                { value: 2, label: ft('facility.grade2') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="status" label={ft('facility.status')} rules={required(ft('facility.status'))}>
            <Select
              options={[
                { value: 'operating', label: ft('facility.statusOperating') },
                { value: 'under_construction', label: ft('facility.statusBuilding') },
                { value: 'suspended', label: ft('facility.statusSuspended') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="process" label={ft('facility.process')}>
        <Input maxLength={200} placeholder={ft('facility.processPlaceholder')} />
      </Form.Item>
      <Form.Item name="operatorOrganisationId" label={ft('facility.operator')}>
        <OrgSelect />
      </Form.Item>
    </FormDrawer>
  );
}

interface VillageValues {
  villageCode: string;
  households?: number | null;
  connectedHouseholds?: number | null;
  onNetwork: boolean;
  facilityId?: string | null;
  note?: string;
}

/** 登记村覆盖情况: households, 纳管, the facility that treats the village. */
export function VillageModal({ editing, onClose }: { editing: Village | 'new' | null; onClose: () => void }) {
  const t = useT();
  const ft = useFT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<VillageValues>();
  const server = useServerError(form, ['households', 'connectedHouseholds', 'facilityId', 'note']);
  const onNetwork = Form.useWatch('onNetwork', form);
  useEffect(() => {
    if (!editing) return;
    server.clear();
    form.resetFields();
    form.setFieldsValue(
      editing === 'new'
        ? { onNetwork: false, facilityId: null }
        : {
            villageCode: editing.villageCode,
            households: editing.households,
            connectedHouseholds: editing.connectedHouseholds,
            onNetwork: editing.coverage === 'network',
            facilityId: editing.facility?.id ?? null,
            note: editing.note ?? undefined,
          },
    );
  }, [editing, form, server.clear]);
  const save = useMutation({
    mutationFn: (v: VillageValues) =>
      unwrap(
        api.PUT('/api/facilities/sewage/villages/{code}', {
          params: { path: { code: v.villageCode } },
          body: {
            households: v.households ?? null,
            connectedHouseholds: v.connectedHouseholds ?? null,
            onNetwork: v.onNetwork,
            facilityId: v.onNetwork ? null : (v.facilityId ?? null),
            note: v.note?.trim() || null,
          },
        }),
      ),
    onSuccess: () => {
      void message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: fk.all });
      onClose();
    },
    onError: server.report,
  });
  return (
    <Modal
      open={editing !== null}
      onCancel={onClose}
      title={ft('village.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ErrorAlert error={server.error} />
      <Form<VillageValues>
        form={form}
        name="village"
        layout="vertical"
        onFinish={(v) => {
          server.clear();
          save.mutate(v);
        }}
      >
        <Form.Item
          name="villageCode"
          label={ft('facility.village')}
          extra={ft('facility.villageHelp')}
          rules={[{ required: true, message: t('common.required', { field: ft('facility.village') }) }]}
        >
          <RegionSelect disabled={editing !== 'new'} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="households" label={ft('village.households')}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="connectedHouseholds" label={ft('village.connected')}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="onNetwork" valuePropName="checked" extra={ft('village.onNetworkHelp')}>
          <Checkbox>{ft('village.onNetwork')}</Checkbox>
        </Form.Item>
        {onNetwork ? null : (
          <Form.Item name="facilityId" label={ft('village.facility')} extra={ft('village.facilityHelp')}>
            <FacilitySelect aria-label={ft('village.facility')} />
          </Form.Item>
        )}
        <Form.Item name="note" label={ft('village.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const VALUE_FIELDS = [
  { key: 'ph', label: 'pH', required: true },
  { key: 'cod', label: 'COD', required: true },
  { key: 'nh3n', label: '氨氮 NH₃-N', required: true },
  { key: 'tp', label: '总磷 TP', required: true },
  { key: 'tn', label: '总氮 TN', required: false },
  { key: 'ss', label: '悬浮物 SS', required: false },
  { key: 'oil', label: '动植物油', required: false },
] as const;

type TestValues = {
  facilityId: string;
  sampledOn: string;
  lab: string;
  temp?: number | null;
  note?: string;
} & Partial<Record<(typeof VALUE_FIELDS)[number]['key'], string>>;

/** 登记检测结果: the values as measured; the verdict comes back from the server. */
export function WaterTestModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const ft = useFT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<TestValues>();
  const [result, setResult] = useState<WaterTest | null>(null);
  const server = useServerError(form, [
    'facilityId',
    'sampledOn',
    'lab',
    'ph',
    'cod',
    'nh3n',
    'tp',
    'tn',
    'ss',
    'oil',
    'note',
  ]);
  useEffect(() => {
    if (!open) return;
    server.clear();
    setResult(null);
    form.resetFields();
    form.setFieldsValue({ sampledOn: todayInChina() });
  }, [open, form, server.clear]);
  const save = useMutation({
    mutationFn: (v: TestValues) => {
      const n = (k: (typeof VALUE_FIELDS)[number]['key']) => toHundredths(v[k]);
      return unwrap(
        api.POST('/api/facilities/sewage/tests', {
          body: {
            facilityId: v.facilityId,
            sampledOn: v.sampledOn,
            lab: v.lab.trim(),
            ph: n('ph') ?? 0,
            cod: n('cod') ?? 0,
            nh3n: n('nh3n') ?? 0,
            tp: n('tp') ?? 0,
            tn: n('tn') ?? null,
            ss: n('ss') ?? null,
            oil: n('oil') ?? null,
            waterTempTenths: typeof v.temp === 'number' ? Math.round(v.temp * 10) : null,
            note: v.note?.trim() || null,
          },
        }),
      );
    },
    onSuccess: (x) => {
      void message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: fk.all });
      setResult(x);
    },
    onError: server.report,
  });
  const decimal = (required: boolean, label: string) => [
    ...(required ? [{ required: true, message: t('common.required', { field: label }) }] : []),
    {
      validator: (_: unknown, v: string | undefined) =>
        Number.isNaN(toHundredths(v)) ? Promise.reject(new Error(ft('test.number'))) : Promise.resolve(),
    },
  ];
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={ft('test.create')}
      width={720}
      destroyOnHidden
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      {result ? (
        <Alert
          type={result.compliant ? 'success' : 'error'}
          showIcon
          title={
            result.compliant
              ? ft('test.resultCompliant')
              : ft('test.resultExceeded', { items: result.exceededNames.join('、') })
          }
        />
      ) : (
        <>
          <ErrorAlert error={server.error} />
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={ft('test.autoJudged', { standard: 'DB33/973-2021' })}
          />
          <Form<TestValues>
            form={form}
            name="water-test"
            layout="vertical"
            onFinish={(v) => {
              server.clear();
              save.mutate(v);
            }}
          >
            <Form.Item
              name="facilityId"
              label={ft('test.facility')}
              rules={[{ required: true, message: t('common.required', { field: ft('test.facility') }) }]}
            >
              <FacilitySelect operatingOnly aria-label={ft('test.facility')} />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="sampledOn"
                  label={ft('test.sampledOn')}
                  rules={[{ required: true }]}
                  {...dateItem}
                >
                  <DateInput allowClear={false} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="lab"
                  label={ft('test.lab')}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: t('common.required', { field: ft('test.lab') }),
                    },
                  ]}
                >
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
            </Row>
            <div style={{ marginBottom: 8 }}>{ft('test.values')}</div>
            <Row gutter={12}>
              {VALUE_FIELDS.map((f) => (
                <Col xs={12} md={6} key={f.key}>
                  <Form.Item name={f.key} label={f.label} rules={decimal(f.required, f.label)}>
                    <Input inputMode="decimal" aria-label={f.label} />
                  </Form.Item>
                </Col>
              ))}
              <Col xs={12} md={6}>
                <Form.Item name="temp" label={ft('test.temp')} tooltip={ft('test.tempHelp')}>
                  <InputNumber min={-5} max={50} precision={1} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="note" label={ft('test.note')}>
              <Input maxLength={500} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
