import { Tag } from 'antd';
import { Link } from 'react-router';
import { PagedTable, useListParams, usePagedQuery } from '../../../../kit/index.ts';
import { api, unwrap } from '../../../../platform/api/client.ts';
import type { MeetingRow } from '../../api.ts';
import { rk } from '../../api.ts';
import { useRT } from '../../i18n/rt.ts';

/** Supervision meetings, latest first; the page in the URL (under `prefix` beside another list). */
export function MeetingsTable({ projectId, prefix }: { projectId?: string; prefix?: string }) {
  const rt = useRT();
  const list = useListParams({ filters: [], prefix });
  const meetings = usePagedQuery({
    list,
    query: { projectId },
    queryKey: rk.meetings,
    fetch: (q) => unwrap(api.GET('/api/renewal/meetings', { params: { query: q } })),
  });
  return (
    <PagedTable
      list={list}
      result={meetings}
      rowKey="id"
      aria-label={rt('meeting.table')}
      scroll={{ x: 900 }}
      columns={[
        { title: rt('meeting.heldOn'), dataIndex: 'heldOn', width: 110 },
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
