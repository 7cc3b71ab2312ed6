import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Form, Input, Row, Select, Space, Statistic, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ExportButton, PagedTable, useListParams, usePagedQuery } from '../../kit/index.ts';
import { api, unwrap } from '../../platform/api/client.ts';
import { useCan } from '../../platform/auth/auth.tsx';
import { useFormat } from '../../platform/i18n/format.ts';
import { useT } from '../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../platform/widgets/ErrorAlert.tsx';
import { PageHeader } from '../../platform/widgets/PageHeader.tsx';
import { FacilityDrawer, VillageModal, WaterTestModal } from './FacilityForms.tsx';
import {
  type Facility,
  type FacilityQuery,
  fk,
  fromHundredths,
  type Village,
  type VillageQuery,
  type WaterTestQuery,
} from './facility-api.ts';
import { useFT } from './i18n/ft.ts';
import { editColumns, sortOf } from './table-parts.tsx';

const WRITE = 'facilities.write';

/** A year from the URL ('2023'), or undefined. */
const yearOf = (s: string | null | undefined) => (s && /^\d{4}$/.test(s) ? Number(s) : undefined);

/**
 * 农村生活污水治理: the computed rates as cards, and the registers behind them. The tab, the
 * figures' year (`rateYear`) and each register's filters, sort and page live in the URL.
 */
export default function FacilitiesPage() {
  const ft = useFT();
  const [sp, setSp] = useSearchParams();
  const tab = sp.get('tab') ?? 'facilities';
  const rateYear = yearOf(sp.get('rateYear'));
  const openTab = (k: string) => {
    // a register starts afresh; the figures keep their year, which the tests start from
    const next = new URLSearchParams();
    if (k !== 'facilities') next.set('tab', k);
    if (rateYear) {
      next.set('rateYear', String(rateYear));
      if (k === 'tests') next.set('year', String(rateYear));
    }
    setSp(next, { replace: true });
  };
  const pickYear = (y: number) =>
    setSp((prev) => {
      const next = new URLSearchParams(prev);
      next.set('rateYear', String(y));
      return next;
    });
  return (
    <>
      <PageHeader title={ft('page.title')} description={ft('page.description')} />
      <RateCards year={rateYear} onYear={pickYear} />
      <Tabs
        activeKey={tab}
        onChange={openTab}
        destroyOnHidden
        items={[
          { key: 'facilities', label: ft('tab.facilities'), children: <FacilitiesTab /> },
          { key: 'villages', label: ft('tab.villages'), children: <VillagesTab /> },
          { key: 'tests', label: ft('tab.tests'), children: <TestsTab /> },
          { key: 'years', label: ft('tab.years'), children: <YearsTab /> },
          { key: 'standard', label: ft('tab.standard'), children: <StandardTab /> },
        ]}
      />
    </>
  );
}

/** One headline figure (labelled for screen readers by its title) with the records behind it underneath. */
function FigureCard({
  title,
  value,
  suffix,
  hint,
}: {
  title: string;
  value: string | number | undefined;
  suffix?: string;
  hint: string | undefined;
}) {
  return (
    <Col xs={24} sm={12} lg={6}>
      <Card size="small" aria-label={title}>
        <Statistic title={title} value={value} suffix={suffix} loading={hint === undefined} />
        {hint === undefined ? null : <div className="gf-muted">{hint}</div>}
      </Card>
    </Col>
  );
}

function RateCards({ year, onYear }: { year: number | undefined; onYear: (y: number) => void }) {
  const ft = useFT();
  const fmt = useFormat();
  const summary = useQuery({
    queryKey: fk.summary({ year }),
    queryFn: () => unwrap(api.GET('/api/facilities/sewage/summary', { params: { query: { year } } })),
    placeholderData: keepPreviousData,
  });
  const s = summary.data;
  const years = [...new Set([...(s?.byYear ?? []).map((y) => y.year), ...(s ? [s.year] : [])])].sort(
    (a, b) => b - a,
  );
  return (
    <Flex vertical gap={16} style={{ marginBottom: 16 }}>
      <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />
      <Space>
        <span>{ft('year.label')}</span>
        <Select<number>
          aria-label={ft('year.label')}
          value={s?.year}
          onChange={onYear}
          style={{ width: 110 }}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
      </Space>
      <Row gutter={[16, 16]}>
        <FigureCard
          title={ft('card.coverage')}
          value={s?.coverage.rate ?? ft('card.noRate')}
          suffix={s?.coverage.rate ? '%' : undefined}
          hint={
            s &&
            ft('card.coverageHint', {
              covered: s.coverage.covered,
              inScope: s.coverage.inScope,
              network: s.coverage.onNetwork,
            })
          }
        />
        <FigureCard
          title={ft('card.compliance')}
          value={s?.compliance.rate ?? ft('card.noRate')}
          suffix={s?.compliance.rate ? '%' : undefined}
          hint={
            s &&
            ft('card.complianceHint', {
              ok: s.compliance.compliantFacilities,
              tested: s.compliance.testedFacilities,
            })
          }
        />
        <FigureCard
          title={ft('card.built')}
          value={s?.builtOrRebuilt.count}
          suffix={ft('unit.seat')}
          hint={
            s &&
            ft('card.builtHint', {
              built: s.builtOrRebuilt.built,
              rebuilt: s.builtOrRebuilt.rebuilt,
              amount: fmt.wan(s.builtOrRebuilt.investmentFen),
            })
          }
        />
        <FigureCard
          title={ft('card.facilities')}
          value={s?.facilities.operating}
          suffix={ft('unit.seat')}
          hint={
            s &&
            ft('card.facilitiesHint', {
              total: s.facilities.total,
              building: s.facilities.underConstruction,
              suspended: s.facilities.suspended,
            })
          }
        />
      </Row>
    </Flex>
  );
}

const STATUS_COLOR: Record<string, string> = {
  operating: 'green',
  under_construction: 'blue',
  suspended: 'default',
};

/** Years a facility was built or a sample taken, as the filters offer them. */
const YEAR_OPTIONS = Array.from({ length: 12 }, (_, i) => String(2015 + i)).map((y) => ({
  value: y,
  label: y,
}));

const FACILITY_FILTERS = ['q', 'status', 'year'] as const;
type FacilityFilters = Omit<FacilityQuery, 'page' | 'pageSize' | 'sort'>;

function FacilitiesTab() {
  const t = useT();
  const ft = useFT();
  const fmt = useFormat();
  const can = useCan();
  const list = useListParams({ filters: FACILITY_FILTERS, sort: 'village' });
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const query: FacilityFilters = {
    q: list.filters.q,
    status: list.filters.status as FacilityFilters['status'],
    year: yearOf(list.filters.year),
  };
  const facilities = usePagedQuery({
    list,
    query,
    queryKey: fk.facilities,
    fetch: (q) =>
      unwrap(
        api.GET('/api/facilities/sewage/facilities', {
          params: { query: { ...q, sort: sortOf(['village', 'year'], q.sort) } },
        }),
      ),
    sortable: true,
  });
  return (
    <>
      <PagedTable
        list={list}
        result={facilities}
        filters={
          <>
            <Form.Item name="q" label={t('common.keyword')}>
              <Input allowClear placeholder={ft('facility.searchPlaceholder')} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="status" label={ft('facility.status')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 120 }}
                options={[
                  { value: 'operating', label: ft('facility.statusOperating') },
                  { value: 'under_construction', label: ft('facility.statusBuilding') },
                  { value: 'suspended', label: ft('facility.statusSuspended') },
                ]}
              />
            </Form.Item>
            <Form.Item name="year" label={ft('facility.year')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 110 }}
                options={YEAR_OPTIONS}
              />
            </Form.Item>
          </>
        }
        exportTo={{
          fileName: `${ft('facility.table')}.xlsx`,
          download: () =>
            api.GET('/api/facilities/sewage/facilities/export.xlsx', { params: { query }, parseAs: 'blob' }),
        }}
        toolbar={
          can(WRITE) ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              {ft('facility.create')}
            </Button>
          ) : null
        }
        aria-label={ft('facility.table')}
        rowKey="id"
        scroll={{ x: 1000 }}
        columns={[
          { title: ft('facility.name'), dataIndex: 'name' },
          {
            title: ft('facility.village'),
            key: 'village',
            sorter: true,
            render: (_, f) => `${f.townName ?? ''} ${f.villageName}`,
          },
          { title: ft('facility.capacity'), render: (_, f) => f.capacityTenths / 10, align: 'right' },
          {
            title: ft('facility.kind'),
            key: 'year',
            sorter: true,
            render: (_, f) => `${f.kindName} ${f.year}`,
          },
          {
            title: ft('facility.investmentCol'),
            render: (_, f) => fmt.wan(f.investmentFen),
            align: 'right',
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
          },
          {
            title: ft('facility.grade'),
            render: (_, f) => ft(f.dischargeGrade === 1 ? 'facility.grade1' : 'facility.grade2'),
          },
          {
            title: ft('facility.status'),
            render: (_, f) => <Tag color={STATUS_COLOR[f.status]}>{f.statusName}</Tag>,
          },
          { title: ft('facility.villages'), dataIndex: 'villageCount', align: 'right' },
          {
            title: ft('facility.lastTest'),
            render: (_, f) =>
              f.lastSampledOn ? (
                <Space size={4}>
                  {f.lastSampledOn}
                  <Tag color={f.lastCompliant ? 'green' : 'red'}>
                    {ft(f.lastCompliant ? 'test.compliant' : 'test.exceeded')}
                  </Tag>
                </Space>
              ) : (
                <span className="gf-muted">{ft('facility.never')}</span>
              ),
          },
          ...editColumns<Facility>(
            can(WRITE),
            t('common.edit'),
            (f) => f.name,
            (f) => setEditing(f.id),
          ),
        ]}
      />
      <FacilityDrawer editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}

const COVERAGE_COLOR: Record<string, string> = { covered: 'green', uncovered: 'red', network: 'blue' };

const VILLAGE_FILTERS = ['coverage'] as const;
type VillageFilters = Omit<VillageQuery, 'page' | 'pageSize' | 'sort'>;

function VillagesTab() {
  const t = useT();
  const ft = useFT();
  const can = useCan();
  const list = useListParams({ filters: VILLAGE_FILTERS });
  const [editing, setEditing] = useState<Village | 'new' | null>(null);
  const query: VillageFilters = { coverage: list.filters.coverage as VillageFilters['coverage'] };
  const villages = usePagedQuery({
    list,
    query,
    queryKey: fk.villages,
    // (one order: by village code)
    fetch: ({ sort: _, ...q }) =>
      unwrap(api.GET('/api/facilities/sewage/villages', { params: { query: q } })),
  });
  return (
    <>
      <PagedTable
        list={list}
        result={villages}
        filters={
          <Form.Item name="coverage" label={ft('village.coverage')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 120 }}
              options={[
                { value: 'covered', label: ft('village.covered') },
                { value: 'uncovered', label: ft('village.uncovered') },
                { value: 'network', label: ft('village.network') },
              ]}
            />
          </Form.Item>
        }
        exportTo={{
          fileName: `${ft('village.table')}.xlsx`,
          download: () =>
            api.GET('/api/facilities/sewage/villages/export.xlsx', { params: { query }, parseAs: 'blob' }),
        }}
        toolbar={
          can(WRITE) ? (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              {ft('village.add')}
            </Button>
          ) : null
        }
        aria-label={ft('village.table')}
        rowKey="villageCode"
        columns={[
          { title: ft('village.town'), dataIndex: 'townName' },
          { title: ft('facility.village'), dataIndex: 'villageName' },
          { title: ft('village.households'), dataIndex: 'households', align: 'right' },
          { title: ft('village.connected'), dataIndex: 'connectedHouseholds', align: 'right' },
          {
            title: ft('village.coverage'),
            render: (_, v) => <Tag color={COVERAGE_COLOR[v.coverage]}>{v.coverageName}</Tag>,
          },
          { title: ft('village.facility'), render: (_, v) => v.facility?.name ?? '—' },
          { title: ft('village.note'), dataIndex: 'note' },
          ...editColumns<Village>(can(WRITE), t('common.edit'), (v) => v.villageName, setEditing),
        ]}
      />
      <VillageModal editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}

const TEST_FILTERS = ['compliant', 'year'] as const;
type TestFilters = Omit<WaterTestQuery, 'page' | 'pageSize' | 'sort'>;

function TestsTab() {
  const t = useT();
  const ft = useFT();
  const can = useCan();
  const list = useListParams({ filters: TEST_FILTERS, sort: '-sampledOn' });
  const [creating, setCreating] = useState(false);
  const { compliant } = list.filters;
  const query: TestFilters = {
    compliant: compliant === 'true' ? true : compliant === 'false' ? false : undefined,
    year: yearOf(list.filters.year),
  };
  const tests = usePagedQuery({
    list,
    query,
    queryKey: fk.tests,
    fetch: (q) =>
      unwrap(
        api.GET('/api/facilities/sewage/tests', {
          params: { query: { ...q, sort: sortOf(['sampledOn'], q.sort) } },
        }),
      ),
    sortable: true,
  });
  const value = (v: number | null) => (v === null ? '—' : fromHundredths(v));
  return (
    <>
      <PagedTable
        list={list}
        result={tests}
        filters={
          <>
            <Form.Item name="compliant" label={ft('test.result')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 100 }}
                options={[
                  { value: 'true', label: ft('test.compliant') },
                  { value: 'false', label: ft('test.exceeded') },
                ]}
              />
            </Form.Item>
            <Form.Item name="year" label={ft('year.label')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 110 }}
                options={YEAR_OPTIONS}
              />
            </Form.Item>
          </>
        }
        exportTo={{
          fileName: `${ft('test.table')}.xlsx`,
          download: () =>
            api.GET('/api/facilities/sewage/tests/export.xlsx', { params: { query }, parseAs: 'blob' }),
        }}
        toolbar={
          can(WRITE) ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {ft('test.create')}
            </Button>
          ) : null
        }
        aria-label={ft('test.table')}
        rowKey="id"
        scroll={{ x: 1000 }}
        columns={[
          { title: ft('test.sampledOn'), dataIndex: 'sampledOn', sorter: true },
          {
            title: ft('test.facility'),
            render: (_, x) => `${x.facilityName}（${x.townName ?? ''}${x.villageName}）`,
          },
          { title: 'pH', render: (_, x) => value(x.ph), align: 'right' },
          { title: 'COD', render: (_, x) => value(x.cod), align: 'right' },
          { title: 'NH₃-N', render: (_, x) => value(x.nh3n), align: 'right' },
          { title: 'TP', render: (_, x) => value(x.tp), align: 'right' },
          {
            title: ft('test.temp'),
            render: (_, x) => (x.waterTempTenths === null ? '—' : x.waterTempTenths / 10),
            align: 'right',
          },
          {
            title: ft('facility.grade'),
            render: (_, x) => ft(x.grade === 1 ? 'facility.grade1' : 'facility.grade2'),
          },
          {
            title: ft('test.result'),
            render: (_, x) =>
              x.compliant ? (
                <Tag color="green">{ft('test.compliant')}</Tag>
              ) : (
                <Tag color="red">
                  {ft('test.exceeded')}：{x.exceededNames.join('、')}
                </Tag>
              ),
          },
          { title: ft('test.lab'), dataIndex: 'lab' },
        ]}
      />
      <WaterTestModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function YearsTab() {
  const ft = useFT();
  const fmt = useFormat();
  const summary = useQuery({
    queryKey: fk.summary({}),
    queryFn: () => unwrap(api.GET('/api/facilities/sewage/summary', { params: { query: {} } })),
  });
  return (
    <Flex vertical gap={16}>
      <Space>
        <ExportButton
          fileName={`${ft('years.table')}.xlsx`}
          download={() =>
            api.GET('/api/facilities/sewage/summary/export.xlsx', { params: { query: {} }, parseAs: 'blob' })
          }
        />
      </Space>
      <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />
      <Table
        aria-label={ft('years.table')}
        rowKey="year"
        size="middle"
        loading={summary.isFetching}
        dataSource={summary.data?.byYear}
        pagination={false}
        columns={[
          { title: ft('years.year'), dataIndex: 'year' },
          { title: ft('years.built'), dataIndex: 'built', align: 'right' },
          { title: ft('years.rebuilt'), dataIndex: 'rebuilt', align: 'right' },
          { title: ft('years.investment'), render: (_, y) => fmt.wan(y.investmentFen), align: 'right' },
          { title: ft('years.tested'), dataIndex: 'testedFacilities', align: 'right' },
          { title: ft('years.compliant'), dataIndex: 'compliantFacilities', align: 'right' },
          { title: ft('years.rate'), render: (_, y) => (y.rate ? `${y.rate}%` : '—'), align: 'right' },
        ]}
      />
    </Flex>
  );
}

function StandardTab() {
  const ft = useFT();
  const standard = useQuery({
    queryKey: fk.standard,
    queryFn: () => unwrap(api.GET('/api/facilities/sewage/standard')),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <Flex vertical gap={16}>
      <ErrorAlert error={standard.error} onRetry={() => void standard.refetch()} />
      <Table
        aria-label={ft('standard.title', { code: standard.data?.code ?? '' })}
        title={() => ft('standard.title', { code: standard.data?.code ?? '' })}
        rowKey="pollutant"
        size="small"
        loading={standard.isFetching}
        dataSource={standard.data?.limits}
        pagination={false}
        columns={[
          {
            title: ft('standard.item'),
            render: (_, l) => (
              <Space size={4}>
                {l.name}
                {l.unit ? <span className="gf-muted">（{l.unit}）</span> : null}
                {l.required ? <Tag>{ft('standard.required')}</Tag> : null}
              </Space>
            ),
          },
          { title: ft('standard.grade1'), dataIndex: 'grade1' },
          { title: ft('standard.grade2'), dataIndex: 'grade2' },
        ]}
      />
    </Flex>
  );
}
