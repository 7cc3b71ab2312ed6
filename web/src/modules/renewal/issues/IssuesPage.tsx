import { Form, Select } from 'antd';
import { api } from '../../../platform/api/client.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { clean, useListParams } from '../../../platform/list.ts';
import { FilterForm } from '../../../platform/widgets/FilterForm.tsx';
import { PageHeader } from '../../../platform/widgets/PageHeader.tsx';
import type { IssueQuery } from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { ExportButton } from '../widgets/ExportButton.tsx';
import { ProjectSelect } from '../widgets/fields.tsx';
import { IssuesTable } from './IssuesTable.tsx';
import '../renewal.css';

const FILTERS = ['projectId', 'status', 'overdue'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

/** 问题跟踪: issues raised from daily reports, open first by due date. */
export default function IssuesPage() {
  const t = useT();
  const rt = useRT();
  const list = useListParams(FILTERS);
  const [form] = Form.useForm<Filters>();
  const query: IssueQuery = {
    projectId: list.filters.projectId,
    status: list.filters.status as IssueQuery['status'],
    overdue: list.filters.overdue === 'true' ? true : undefined,
  };
  return (
    <>
      <PageHeader
        title={rt('issue.pageTitle')}
        description={rt('issue.pageDescription')}
        extra={
          <ExportButton
            fileName={`${rt('issue.pageTitle')}.xlsx`}
            download={() =>
              api.GET('/api/renewal/issues/export.xlsx', { params: { query }, parseAs: 'blob' })
            }
          />
        }
      />
      <FilterForm<Filters>
        form={form}
        values={list.filters}
        onSearch={(v) =>
          list.setFilters(
            v ? { projectId: clean(v.projectId), status: clean(v.status), overdue: clean(v.overdue) } : {},
          )
        }
      >
        <Form.Item name="projectId" label={rt('project.name')}>
          <ProjectSelect placeholder={t('common.all')} />
        </Form.Item>
        <Form.Item name="status" label={t('common.status')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={[
              { value: 'open', label: rt('issue.statusOpen') },
              { value: 'resolved', label: rt('issue.statusResolved') },
            ]}
          />
        </Form.Item>
        <Form.Item name="overdue" label={rt('common.overdue')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={[{ value: 'true', label: rt('common.overdueOnly') }]}
          />
        </Form.Item>
      </FilterForm>
      <IssuesTable query={query} page={list.page} pageSize={list.pageSize} onPage={list.setPage} />
    </>
  );
}
