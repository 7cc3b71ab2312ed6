import { Button, Segmented } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PagedTable, useListParams, usePagedQuery } from '../../../../kit/index.ts';
import { api, unwrap } from '../../../../platform/api/client.ts';
import type { ApiPath, ApiQuery } from '../../../../platform/api/types.ts';
import { useT } from '../../../../platform/i18n/i18n.tsx';
import { type NightWorkRow, rk } from '../../api.ts';
import { useRT } from '../../i18n/rt.ts';
import { StatusTag } from '../../shared/widgets/fields.tsx';
import { NightWorkDrawer } from './NightWorkDrawer.tsx';

/** The list opens latest first: a click on the date column turns it to earliest first, and back. */

/** The list's filters and sort, as its endpoint takes them (the paging is added per page). */
type ListQuery<P extends ApiPath> = Omit<ApiQuery<P>, 'page' | 'pageSize'>;

type Status = 'pending' | 'approved' | 'rejected' | 'all';
const FILTERS = ['status'] as const;

/**
 * Night-work requests, latest nights first; with `filtered`, a status switch and the export of
 * what it selects. The status and page are in the URL.
 */
export function NightWorkTable({
  projectId,
  showProject = true,
  filtered = false,
}: {
  projectId?: string;
  showProject?: boolean;
  filtered?: boolean;
}) {
  const t = useT();
  const rt = useRT();
  const list = useListParams({ filters: FILTERS, sort: '-firstNight' });
  const [open, setOpen] = useState<string | null>(null);
  const status = (list.filters.status ?? 'all') as Status;
  const query: ListQuery<'/api/renewal/night-work'> = {
    projectId,
    status: status === 'all' ? undefined : status,
  };
  const requests = usePagedQuery({
    list,
    query,
    queryKey: rk.nightWorks,
    sortable: true,
    fetch: (q) => unwrap(api.GET('/api/renewal/night-work', { params: { query: q } })),
  });
  return (
    <>
      <PagedTable
        list={list}
        result={requests}
        toolbar={
          filtered ? (
            <Segmented<Status>
              aria-label={t('common.status')}
              value={status}
              onChange={(v) => list.setFilters({ status: v === 'all' ? undefined : v })}
              options={[
                { value: 'all', label: t('common.all') },
                { value: 'pending', label: rt('night.statusPending') },
                { value: 'approved', label: rt('night.statusApproved') },
                { value: 'rejected', label: rt('night.statusRejected') },
              ]}
            />
          ) : undefined
        }
        exportTo={
          filtered
            ? {
                fileName: `${rt('night.pageTitle')}.xlsx`,
                download: () =>
                  api.GET('/api/renewal/night-work/export.xlsx', { params: { query }, parseAs: 'blob' }),
              }
            : undefined
        }
        rowKey="id"
        aria-label={rt('night.table')}
        // the columns' widths add up to no more than the page is wide beside the side menu (zh and
        // en), so the fixed actions column covers nothing until the window is narrower still
        scroll={{ x: showProject ? 1060 : 870 }}
        tableLayout="fixed"
        columns={[
          {
            title: rt('night.nights'),
            key: 'firstNight',
            width: 180,
            sorter: true,
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
