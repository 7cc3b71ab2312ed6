import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { type NightWorkRow, rk } from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { StatusTag } from '../widgets/fields.tsx';
import { NightWorkDrawer } from './NightWorkDrawer.tsx';

/** Night-work requests, latest nights first. */
export function NightWorkTable({
  projectId,
  status,
  showProject = true,
}: {
  projectId?: string;
  status?: 'pending' | 'approved' | 'rejected';
  showProject?: boolean;
}) {
  const t = useT();
  const rt = useRT();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<string | null>(null);
  const query = { projectId, status, ...page };
  const list = useQuery({
    queryKey: rk.nightWorks(query),
    queryFn: () => unwrap(api.GET('/api/renewal/night-work', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<NightWorkRow>
        size="middle"
        rowKey="id"
        aria-label={rt('night.table')}
        loading={list.isFetching}
        dataSource={list.data?.items}
        // the columns' widths add up to no more than the page is wide beside the side menu (zh and
        // en), so the fixed actions column covers nothing until the window is narrower still
        scroll={{ x: showProject ? 1060 : 870 }}
        tableLayout="fixed"
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (n) => t('common.total', { total: n }),
          onChange: (p, ps) => setPage({ page: p, pageSize: ps }),
        }}
        columns={[
          {
            title: rt('night.nights'),
            key: 'nights',
            width: 180,
            render: (_, n) => (
              <Button
                type="link"
                className="gf-link-cell"
                style={{ whiteSpace: 'normal', textAlign: 'start' }}
                onClick={() => setOpen(n.id)}
                aria-label={rt('night.openOne', { from: n.firstNight, to: n.lastNight })}
              >
                {n.firstNight === n.lastNight ? n.firstNight : `${n.firstNight} ~ ${n.lastNight}`}（
                {n.nights === 1 ? rt('night.nightsOne') : rt('night.nightsN', { n: n.nights })}）
              </Button>
            ),
          },
          ...(showProject
            ? [
                {
                  title: rt('project.name'),
                  key: 'project',
                  width: 190,
                  render: (_: unknown, n: NightWorkRow) => (
                    <Link to={`/renewal/projects/${n.projectId}?tab=night-work`}>{n.projectName}</Link>
                  ),
                },
              ]
            : []),
          {
            title: rt('night.hours'),
            key: 'hours',
            width: 110,
            render: (_, n) => `${n.startTime}–${n.endTime}`,
          },
          // the reason takes the width that is left
          { title: rt('night.reason'), dataIndex: 'reason' },
          { title: rt('night.notices'), dataIndex: 'noticeCount', width: 96, align: 'right' },
          {
            title: rt('night.feedback'),
            key: 'feedback',
            width: 130,
            render: (_, n) =>
              rt('night.tally', {
                s: n.feedbackTally.support,
                n: n.feedbackTally.neutral,
                o: n.feedbackTally.object,
              }),
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: string, n) => <StatusTag code={s} name={n.statusName} />,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            fixed: 'right',
            render: (_, n) => (
              <Button
                type="link"
                onClick={() => setOpen(n.id)}
                aria-label={`${t('common.details')} ${n.firstNight}`}
              >
                {t('common.details')}
              </Button>
            ),
          },
        ]}
      />
      <NightWorkDrawer requestId={open} onClose={() => setOpen(null)} />
    </>
  );
}
