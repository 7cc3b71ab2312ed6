import { Form, Tag } from 'antd';
import { Link } from 'react-router';
import { PagedTable, useListParams, usePagedQuery } from '../../../../kit/index.ts';
import { api, unwrap } from '../../../../platform/api/client.ts';
import type { ApiPath, ApiQuery } from '../../../../platform/api/types.ts';
import { useT } from '../../../../platform/i18n/i18n.tsx';
import type { MeetingRow } from '../../api.ts';
import { rk } from '../../api.ts';
import { useRT } from '../../i18n/rt.ts';
import { DateInput, dateItem, ProjectSelect } from '../../shared/widgets/fields.tsx';

/** The list opens latest first: a click on the date column turns it to earliest first, and back. */

/** The list's filters and sort, as its endpoint takes them (the paging is added per page). */
type ListQuery<P extends ApiPath> = Omit<ApiQuery<P>, 'page' | 'pageSize'>;

const FILTERS = ['projectId', 'from', 'to'] as const;

/**
 * Supervision meetings, latest first; the page and sort in the URL (under `prefix` beside
 * another list). With `filtered`: filters by project and date, and the export of what they select.
 */
export function MeetingsTable({
  projectId,
  prefix,
  filtered = false,
}: {
  projectId?: string;
  prefix?: string;
  filtered?: boolean;
}) {
  const t = useT();
  const rt = useRT();
  const list = useListParams({ filters: filtered ? FILTERS : [], prefix, sort: '-heldOn' });
  const f = list.filters;
  const query: ListQuery<'/api/renewal/meetings'> = {
    projectId: projectId ?? f.projectId,
    from: f.from,
    to: f.to,
  };
  const meetings = usePagedQuery({
    list,
    query,
    queryKey: rk.meetings,
    sortable: true,
    fetch: (q) => unwrap(api.GET('/api/renewal/meetings', { params: { query: q } })),
  });
  return (
    <PagedTable
      list={list}
      result={meetings}
      filters={
        filtered ? (
          <>
            <Form.Item name="projectId" label={rt('project.name')}>
              <ProjectSelect placeholder={t('common.all')} />
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
              fileName: `${rt('meeting.tabMeetings')}.xlsx`,
              download: () =>
                api.GET('/api/renewal/meetings/export.xlsx', { params: { query }, parseAs: 'blob' }),
            }
          : undefined
      }
      rowKey="id"
      aria-label={rt('meeting.table')}
      scroll={{ x: 900 }}
      columns={[
        {
          title: rt('meeting.heldOn'),
          dataIndex: 'heldOn',
          key: 'heldOn',
          width: 120,
          sorter: true,
        },
        {
          title: rt('meeting.title'),
          dataIndex: 'title',
          render: (v: string, m: MeetingRow) => <Link to={`/renewal/meetings/${m.id}`}>{v}</Link>,
        },
        {
          title: rt('meeting.location'),
          dataIndex: 'location',
          width: 160,
          render: (v: string | null) => v ?? '—',
        },
        {
          title: rt('meeting.projects'),
          key: 'projects',
          width: 260,
          render: (_, m) => {
            const all = m.projects.map((p) => p.name).join('、');
            return m.projects.length <= 2 ? (
              all
            ) : (
              <span title={all}>
                {rt('meeting.projectsMore', {
                  names: m.projects
                    .slice(0, 2)
                    .map((p) => p.name)
                    .join('、'),
                  n: m.projects.length,
                })}
              </span>
            );
          },
        },
        { title: rt('meeting.attendees'), dataIndex: 'attendeeCount', width: 80, align: 'right' },
        {
          title: rt('meeting.actionItems'),
          key: 'items',
          width: 200,
          render: (_, m) => (
            <span>
              {rt('meeting.itemsOpen', { open: m.openActionItemCount, total: m.actionItemCount })}{' '}
              {m.overdueActionItemCount > 0 ? (
                <Tag color="red">{rt('inspection.overdueN', { n: m.overdueActionItemCount })}</Tag>
              ) : null}
            </span>
          ),
        },
      ]}
    />
  );
}
