import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { type MeetingRow, rk } from '../api.ts';
import { useRT } from '../i18n/rt.ts';

/** Supervision meetings, latest first. */
export function MeetingsTable({ projectId }: { projectId?: string }) {
  const t = useT();
  const rt = useRT();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { projectId, ...page };
  const list = useQuery({
    queryKey: rk.meetings(query),
    queryFn: () => unwrap(api.GET('/api/renewal/meetings', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<MeetingRow>
        size="middle"
        rowKey="id"
        aria-label={rt('meeting.table')}
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (n) => t('common.total', { total: n }),
          onChange: (p, ps) => setPage({ page: p, pageSize: ps }),
        }}
        scroll={{ x: 900 }}
        columns={[
          { title: rt('meeting.heldOn'), dataIndex: 'heldOn', width: 110 },
          {
            title: rt('meeting.title'),
            dataIndex: 'title',
            render: (v: string, m) => <Link to={`/renewal/meetings/${m.id}`}>{v}</Link>,
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
    </>
  );
}
