import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/auth.tsx';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { PageHeader } from '../../../platform/widgets/PageHeader.tsx';
import { type FindingQuery, rk, useInspectionOptions } from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { ExportButton } from '../widgets/ExportButton.tsx';
import { ProjectSelect } from '../widgets/fields.tsx';
import { FindingStats } from './FindingStats.tsx';
import { FindingsTable } from './FindingsTable.tsx';
import { InspectionFormDrawer } from './InspectionFormDrawer.tsx';
import { InspectionsTable } from './InspectionsTable.tsx';
import { OverdueFindings } from './OverdueFindings.tsx';
import '../renewal.css';

/** 安全巡查: visits, findings, overdue findings and statistics. */
export default function InspectionsPage() {
  const rt = useRT();
  const can = useCan();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const tab = sp.get('tab') ?? 'visits';
  return (
    <>
      <PageHeader
        title={rt('inspection.pageTitle')}
        description={rt('inspection.pageDescription')}
        extra={
          can('renewal.inspect') ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {rt('inspection.create')}
            </Button>
          ) : null
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setSp(k === 'visits' ? {} : { tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'visits', label: rt('inspection.tabVisits'), children: <InspectionsTable /> },
          { key: 'findings', label: rt('inspection.tabFindings'), children: <FindingsFiltered /> },
          { key: 'overdue', label: rt('inspection.tabOverdue'), children: <OverdueFindings /> },
          { key: 'stats', label: rt('inspection.tabStats'), children: <FindingStats /> },
        ]}
      />
      <InspectionFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(i) => {
          setCreating(false);
          void qc.invalidateQueries({ queryKey: rk.all });
          navigate(`/renewal/inspections/${i.id}`);
        }}
      />
    </>
  );
}

type Filters = Pick<FindingQuery, 'projectId' | 'status' | 'severity' | 'category'> & { overdue?: string };

function FindingsFiltered() {
  const t = useT();
  const rt = useRT();
  const options = useInspectionOptions();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const query: FindingQuery = {
    projectId: filters.projectId || undefined,
    status: filters.status || undefined,
    severity: filters.severity || undefined,
    category: filters.category || undefined,
    overdue: filters.overdue === 'true' ? true : undefined,
  };
  return (
    <>
      <Form<Filters>
        form={form}
        layout="inline"
        className="gf-filters"
        role="search"
        aria-label={t('common.filters')}
        onFinish={setFilters}
      >
        <Form.Item name="projectId" label={rt('project.name')}>
          <ProjectSelect placeholder={t('common.all')} />
        </Form.Item>
        <Form.Item name="status" label={t('common.status')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 110 }}
            options={options.data?.statuses.map((s) => ({ value: s.code, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="severity" label={rt('finding.severity')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 100 }}
            options={options.data?.severities.map((s) => ({ value: s.code, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="category" label={rt('finding.category')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 130 }}
            options={options.data?.categories.map((s) => ({ value: s.code, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="overdue" label={rt('common.overdue')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 110 }}
            options={[{ value: 'true', label: rt('common.overdueOnly') }]}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
              }}
            >
              {t('common.reset')}
            </Button>
            <ExportButton
              fileName={`${rt('finding.table')}.xlsx`}
              download={() =>
                api.GET('/api/renewal/findings/export.xlsx', { params: { query }, parseAs: 'blob' })
              }
            />
          </Space>
        </Form.Item>
      </Form>
      <FindingsTable query={query} />
    </>
  );
}
