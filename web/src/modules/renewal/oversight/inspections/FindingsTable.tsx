import { Button, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { type ListParams, PagedTable, useListParams, usePagedQuery } from '../../../../kit/index.ts';
import { api, unwrap } from '../../../../platform/api/client.ts';
import { useT } from '../../../../platform/i18n/i18n.tsx';
import { type Finding, type FindingQuery, rk } from '../../api.ts';
import { useRT } from '../../i18n/rt.ts';
import { SeverityTag, StatusTag } from '../../shared/widgets/fields.tsx';
import { FindingDrawer } from './FindingDrawer.tsx';

/** A findings list's own page in the URL, when it has no filters (under `prefix` beside another list). */
export function FindingsTable({ prefix, ...props }: Omit<FindingsListProps, 'list'> & { prefix?: string }) {
  const list = useListParams({ filters: [], prefix, sort: 'deadline' });
  return <FindingsList list={list} {...props} />;
}

interface FindingsListProps {
  list: ListParams<string>;
  query: Omit<FindingQuery, 'page' | 'pageSize'>;
  showProject?: boolean;
  label?: string;
  /** The filter fields, shown with 查询, 重置 and the export of the findings they select. */
  filters?: ReactNode;
}

/** Whether the caller may take a step the finding's status allows next (reply, or re-inspect and close). */
const mayAct = (f: Finding) => f.allowedActions.some((a) => (a === 'reply' ? f.can.reply : f.can.inspect));

/** Findings (隐患) with their rectification deadline and status; open one to act on it. */
export function FindingsList({ list, query, showProject = true, label, filters }: FindingsListProps) {
  const t = useT();
  const rt = useRT();
  const [open, setOpen] = useState<string | null>(null);
  const findings = usePagedQuery({
    list,
    query,
    queryKey: rk.findings,
    sortable: true,
    fetch: (q) => unwrap(api.GET('/api/renewal/findings', { params: { query: q } })),
  });
  return (
    <>
      <PagedTable
        list={list}
        result={findings}
        filters={filters}
        exportTo={
          filters
            ? {
                fileName: `${rt('finding.table')}.xlsx`,
                download: () =>
                  api.GET('/api/renewal/findings/export.xlsx', { params: { query }, parseAs: 'blob' }),
              }
            : undefined
        }
        rowKey="id"
        aria-label={label ?? rt('finding.table')}
        scroll={{ x: 1100 }}
        columns={[
          ...(showProject
            ? [
                {
                  title: rt('project.name'),
                  key: 'project',
                  width: 200,
                  render: (_: unknown, f: Finding) => (
                    <Link to={`/renewal/projects/${f.projectId}?tab=inspections`}>{f.projectName}</Link>
                  ),
                },
              ]
            : []),
          {
            title: rt('finding.description'),
            key: 'desc',
            render: (_, f) => (
              <div>
                <Button
                  type="link"
                  className="gf-link-cell"
                  onClick={() => setOpen(f.id)}
                  aria-label={rt('finding.openOne', { text: f.description })}
                >
                  {f.description}
                </Button>
                <div className="gf-muted gf-small">
                  {f.categoryName} · {f.location}
                </div>
              </div>
            ),
          },
          {
            title: rt('finding.severity'),
            dataIndex: 'severity',
            width: 110,
            render: (c: string, f) => (
              <>
                <SeverityTag code={c} name={f.severityName} />
                {f.stopWork ? <Tag color="magenta">{rt('finding.stopWork')}</Tag> : null}
              </>
            ),
          },
          { title: rt('finding.foundOn'), dataIndex: 'foundOn', key: 'foundOn', width: 120, sorter: true },
          {
            title: rt('finding.deadline'),
            dataIndex: 'deadline',
            key: 'deadline',
            width: 170,
            sorter: true,
            render: (d: string, f) => (
              <span>
                {d}{' '}
                {f.overdue ? <Tag color="red">{rt('finding.overdueDays', { n: f.daysOverdue })}</Tag> : null}
              </span>
            ),
          },
          {
            title: rt('project.contractor'),
            key: 'contractor',
            width: 180,
            render: (_, f) => f.contractor?.name ?? '—',
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 120,
            render: (s: string, f) => <StatusTag code={s} name={f.statusName} />,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            fixed: 'right',
            render: (_, f) => (
              <Button
                type="link"
                onClick={() => setOpen(f.id)}
                aria-label={`${mayAct(f) ? rt('finding.handle') : t('common.details')} ${f.description}`}
              >
                {mayAct(f) ? rt('finding.handle') : t('common.details')}
              </Button>
            ),
          },
        ]}
      />
      <FindingDrawer findingId={open} onClose={() => setOpen(null)} />
    </>
  );
}
