import { Tag } from 'antd';
import { Link } from 'react-router';
import { PagedTable, useListParams, usePagedQuery } from '../../../../kit/index.ts';
import { api, unwrap } from '../../../../platform/api/client.ts';
import { type InspectionRow, rk } from '../../api.ts';
import { useRT } from '../../i18n/rt.ts';

/** Inspection visits, latest first; the page in the URL (under `prefix` beside another list). */
export function InspectionsTable({
  projectId,
  showProject = true,
  prefix,
}: {
  projectId?: string;
  showProject?: boolean;
  prefix?: string;
}) {
  const rt = useRT();
  const list = useListParams({ filters: [], prefix });
  const visits = usePagedQuery({
    list,
    query: { projectId },
    queryKey: rk.inspections,
    fetch: (q) => unwrap(api.GET('/api/renewal/inspections', { params: { query: q } })),
  });
  return (
    <PagedTable
      list={list}
      result={visits}
      rowKey="id"
      aria-label={rt('inspection.table')}
      scroll={{ x: 900 }}
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
          render: (_, i: InspectionRow) => i.inspectorOrganisation.name,
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
  );
}
