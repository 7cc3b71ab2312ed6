import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../../../platform/api/client.ts';
import { ErrorAlert } from '../../../../platform/widgets/ErrorAlert.tsx';
import { type OverdueGroup, rk } from '../../api.ts';
import { useRT } from '../../i18n/rt.ts';
import { SeverityTag, StatusTag } from '../../shared/widgets/fields.tsx';
import { FindingDrawer } from './FindingDrawer.tsx';

/** 逾期隐患预警: findings past their deadline and not closed, grouped by project. */
export function OverdueFindings({ projectId }: { projectId?: string }) {
  const rt = useRT();
  const [open, setOpen] = useState<string | null>(null);
  const overdue = useQuery({
    queryKey: rk.overdueFindings({ projectId }),
    queryFn: () => unwrap(api.GET('/api/renewal/findings/overdue', { params: { query: { projectId } } })),
  });
  const groups = overdue.data ?? [];
  return (
    <div className="rn-stack">
      <ErrorAlert error={overdue.error} onRetry={() => void overdue.refetch()} />
      {overdue.isSuccess && groups.length === 0 ? <Empty description={rt('finding.noOverdue')} /> : null}
      {groups.map((g) => (
        <section key={g.projectId} aria-label={g.projectName}>
          <h2 className="gf-section-title">
            <Link to={`/renewal/projects/${g.projectId}?tab=inspections`}>{g.projectName}</Link>{' '}
            <Tag color="red">{rt('finding.overdueCount', { n: g.overdueCount })}</Tag>
            {g.criticalCount > 0 ? (
              <Tag color="magenta">{rt('finding.criticalCount', { n: g.criticalCount })}</Tag>
            ) : null}
            <span className="gf-muted gf-small"> {g.contractor?.name ?? ''}</span>
          </h2>
          <Table<OverdueGroup['findings'][number]>
            size="small"
            rowKey="id"
            pagination={false}
            aria-label={rt('finding.overdueTable', { project: g.projectName })}
            dataSource={g.findings}
            columns={[
              {
                title: rt('finding.description'),
                key: 'd',
                render: (_, f) => (
                  <Button type="link" className="gf-link-cell" onClick={() => setOpen(f.id)}>
                    {f.description}
                  </Button>
                ),
              },
              { title: rt('finding.category'), dataIndex: 'categoryName', width: 110 },
              {
                title: rt('finding.severity'),
                key: 's',
                width: 80,
                render: (_, f) => <SeverityTag code={f.severity} name={f.severityName} />,
              },
              { title: rt('finding.deadline'), dataIndex: 'deadline', width: 110 },
              {
                title: rt('finding.overdueBy'),
                dataIndex: 'daysOverdue',
                width: 100,
                render: (n: number) => <strong className="rn-bad">{rt('common.days', { n })}</strong>,
              },
              {
                title: rt('finding.status'),
                key: 'st',
                width: 90,
                render: (_, f) => <StatusTag code={f.status} name={f.statusName} />,
              },
            ]}
          />
        </section>
      ))}
      <FindingDrawer findingId={open} onClose={() => setOpen(null)} />
    </div>
  );
}
