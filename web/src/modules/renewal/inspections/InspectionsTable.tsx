import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { type InspectionRow, rk } from '../api.ts';
import { useRT } from '../i18n/rt.ts';

/** Inspection visits, latest first. */
export function InspectionsTable({
  projectId,
  showProject = true,
}: {
  projectId?: string;
  showProject?: boolean;
}) {
  const t = useT();
  const rt = useRT();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { projectId, ...page };
  const list = useQuery({
    queryKey: rk.inspections(query),
    queryFn: () => unwrap(api.GET('/api/renewal/inspections', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<InspectionRow>
        size="middle"
        rowKey="id"
        aria-label={rt('inspection.table')}
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 900 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (n) => t('common.total', { total: n }),
          onChange: (p, ps) => setPage({ page: p, pageSize: ps }),
        }}
        columns={[
          {
            title: rt('inspection.inspectedOn'),
            dataIndex: 'inspectedOn',
            width: 130,
            render: (d: string, i) => (
              <Link
                to={`/renewal/inspections/${i.id}`}
                aria-label={rt('inspection.openOne', { date: d, project: i.projectName })}
              >
                {d}
              </Link>
            ),
          },
          ...(showProject ? [{ title: rt('project.name'), dataIndex: 'projectName', width: 220 }] : []),
          {
            title: rt('inspection.inspectorOrg'),
            key: 'org',
            width: 220,
            render: (_, i) => i.inspectorOrganisation.name,
          },
          {
            title: rt('inspection.inspectors'),
            key: 'names',
            width: 160,
            render: (_, i) => i.inspectorNames.join('、'),
          },
          { title: rt('inspection.findingCount'), dataIndex: 'findingCount', width: 90, align: 'right' },
          {
            title: rt('inspection.unclosed'),
            dataIndex: 'unclosedCount',
            width: 150,
            render: (n: number, i) => (
              <span>
                {n}{' '}
                {i.overdueCount > 0 ? (
                  <Tag color="red">{rt('inspection.overdueN', { n: i.overdueCount })}</Tag>
                ) : null}
              </span>
            ),
          },
          { title: rt('inspection.summary'), dataIndex: 'summary', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
