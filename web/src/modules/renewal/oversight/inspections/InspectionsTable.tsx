import { Form, Tag } from 'antd';
import { Link } from 'react-router';
import { PagedTable, useListParams, usePagedQuery } from '../../../../kit/index.ts';
import { api, unwrap } from '../../../../platform/api/client.ts';
import type { ApiPath, ApiQuery } from '../../../../platform/api/types.ts';
import { useT } from '../../../../platform/i18n/i18n.tsx';
import { type InspectionRow, rk } from '../../api.ts';
import { useRT } from '../../i18n/rt.ts';
import { DateInput, dateItem, KindOrgSelect, ProjectSelect } from '../../shared/widgets/fields.tsx';

/** The list opens latest first: a click on the date column turns it to earliest first, and back. */

/** The list's filters and sort, as its endpoint takes them (the paging is added per page). */
type ListQuery<P extends ApiPath> = Omit<ApiQuery<P>, 'page' | 'pageSize'>;

const FILTERS = ['projectId', 'inspectorOrganisationId', 'from', 'to'] as const;

/**
 * Inspection visits (巡查记录), latest first; the page and sort in the URL (under `prefix` beside
 * another list). With `filtered`: filters by project, firm and date, and the export of what they select.
 */
export function InspectionsTable({
  projectId,
  showProject = true,
  prefix,
  filtered = false,
}: {
  projectId?: string;
  showProject?: boolean;
  prefix?: string;
  filtered?: boolean;
}) {
  const t = useT();
  const rt = useRT();
  const list = useListParams({ filters: filtered ? FILTERS : [], prefix, sort: '-inspectedOn' });
  const f = list.filters;
  const query: ListQuery<'/api/renewal/inspections'> = {
    projectId: projectId ?? f.projectId,
    inspectorOrganisationId: f.inspectorOrganisationId,
    from: f.from,
    to: f.to,
  };
  const visits = usePagedQuery({
    list,
    query,
    queryKey: rk.inspections,
    sortable: true,
    fetch: (q) => unwrap(api.GET('/api/renewal/inspections', { params: { query: q } })),
  });
  return (
    <PagedTable
      list={list}
      result={visits}
      filters={
        filtered ? (
          <>
            <Form.Item name="projectId" label={rt('project.name')}>
              <ProjectSelect placeholder={t('common.all')} />
            </Form.Item>
            <Form.Item name="inspectorOrganisationId" label={rt('inspection.inspectorOrg')}>
              <KindOrgSelect kind="inspector" placeholder={t('common.all')} />
            </Form.Item>
            <Form.Item name="from" label={rt('common.fromDate')} {...dateItem}>
              <DateInput style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="to" label={rt('common.toDate')} {...dateItem}>
              <DateInput style={{ width: 140 }} />
            </Form.Item>
          </>
        ) : undefined
      }
      exportTo={
        filtered
          ? {
              fileName: `${rt('inspection.tabVisits')}.xlsx`,
              download: () =>
                api.GET('/api/renewal/inspections/export.xlsx', { params: { query }, parseAs: 'blob' }),
            }
          : undefined
      }
      rowKey="id"
      aria-label={rt('inspection.table')}
      scroll={{ x: 900 }}
      columns={[
        {
          title: rt('inspection.inspectedOn'),
          dataIndex: 'inspectedOn',
          key: 'inspectedOn',
          width: 130,
          sorter: true,
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
