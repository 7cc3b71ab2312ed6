import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { type Finding, type FindingQuery, rk } from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { SeverityTag, StatusTag } from '../widgets/fields.tsx';
import { FindingDrawer } from './FindingDrawer.tsx';

/** Findings (隐患) with their rectification deadline and status; open one to act on it. */
export function FindingsTable({
  query,
  showProject = true,
  label,
}: {
  query: FindingQuery;
  showProject?: boolean;
  label?: string;
}) {
  const t = useT();
  const rt = useRT();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<string | null>(null);
  const key = JSON.stringify(query);
  const findings = useQuery({
    queryKey: rk.findings({ ...query, ...page }),
    queryFn: () => unwrap(api.GET('/api/renewal/findings', { params: { query: { ...query, ...page } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <ErrorAlert error={findings.error} onRetry={() => void findings.refetch()} />
      <Table<Finding>
        key={key}
        size="middle"
        rowKey="id"
        aria-label={label ?? rt('finding.table')}
        loading={findings.isFetching}
        dataSource={findings.data?.items}
        scroll={{ x: 1100 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: findings.data?.total ?? 0,
          showTotal: (n) => t('common.total', { total: n }),
          onChange: (p, ps) => setPage({ page: p, pageSize: ps }),
        }}
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
          { title: rt('finding.foundOn'), dataIndex: 'foundOn', width: 110 },
          {
            title: rt('finding.deadline'),
            dataIndex: 'deadline',
            width: 170,
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
                aria-label={`${rt('finding.handle')} ${f.description}`}
              >
                {f.allowedActions.length > 0 ? rt('finding.handle') : t('common.details')}
              </Button>
            ),
          },
        ]}
      />
      <FindingDrawer findingId={open} onClose={() => setOpen(null)} />
    </>
  );
}
