import { Form, Select } from 'antd';
import { useListParams } from '../../../kit/index.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { PageHeader } from '../../../platform/widgets/PageHeader.tsx';
import type { IssueQuery } from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { ProjectSelect } from '../shared/widgets/fields.tsx';
import { IssuesTable } from './IssuesTable.tsx';
import '../renewal.css';

const FILTERS = ['projectId', 'status', 'overdue'] as const;

/** 问题跟踪: issues raised from daily reports, open first by due date. */
export default function IssuesPage() {
  const t = useT();
  const rt = useRT();
  const list = useListParams({ filters: FILTERS });
  const query: IssueQuery = {
    projectId: list.filters.projectId,
    status: list.filters.status as IssueQuery['status'],
    overdue: list.filters.overdue === 'true' ? true : undefined,
  };
  return (
    <>
      <PageHeader title={rt('issue.pageTitle')} description={rt('issue.pageDescription')} />
      <IssuesTable
        list={list}
        query={query}
        exportFile={`${rt('issue.pageTitle')}.xlsx`}
        filters={
          <>
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
          </>
        }
      />
    </>
  );
}
