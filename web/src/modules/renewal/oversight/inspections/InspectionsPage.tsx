import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Select, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useListParams } from '../../../../kit/index.ts';
import { useCan } from '../../../../platform/auth/auth.tsx';
import { useT } from '../../../../platform/i18n/i18n.tsx';
import { PageHeader } from '../../../../platform/widgets/PageHeader.tsx';
import { type FindingQuery, useInspectionOptions } from '../../api.ts';
import { useRT } from '../../i18n/rt.ts';
import { ProjectSelect } from '../../shared/widgets/fields.tsx';
import { FindingStats } from './FindingStats.tsx';
import { FindingsList } from './FindingsTable.tsx';
import { InspectionFormDrawer } from './InspectionFormDrawer.tsx';
import { InspectionsTable } from './InspectionsTable.tsx';
import { OverdueFindings } from './OverdueFindings.tsx';
import '../../renewal.css';

/** 安全巡查: visits, findings, overdue findings and statistics. */
export default function InspectionsPage() {
  const rt = useRT();
  const can = useCan();
  const _qc = useQueryClient();
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
          { key: 'visits', label: rt('inspection.tabVisits'), children: <InspectionsTable filtered /> },
          { key: 'findings', label: rt('inspection.tabFindings'), children: <FindingsFiltered /> },
          { key: 'overdue', label: rt('inspection.tabOverdue'), children: <OverdueFindings /> },
          { key: 'stats', label: rt('inspection.tabStats'), children: <FindingStats /> },
        ]}
      />
      <InspectionFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(i) => navigate(`/renewal/inspections/${i.id}`)}
      />
    </>
  );
}

const FINDING_FILTERS = ['projectId', 'status', 'severity', 'category', 'overdue'] as const;

/** 隐患 (巡查记录): every finding in scope, filtered; the filters and page in the URL. */
function FindingsFiltered() {
  const t = useT();
  const rt = useRT();
  const options = useInspectionOptions();
  const list = useListParams({ filters: FINDING_FILTERS, sort: 'deadline' });
  const f = list.filters;
  const query: FindingQuery = {
    projectId: f.projectId,
    status: f.status as FindingQuery['status'],
    severity: f.severity as FindingQuery['severity'],
    category: f.category as FindingQuery['category'],
    overdue: f.overdue === 'true' ? true : undefined,
  };
  return (
    <FindingsList
      list={list}
      query={query}
      filters={
        <>
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
        </>
      }
    />
  );
}
