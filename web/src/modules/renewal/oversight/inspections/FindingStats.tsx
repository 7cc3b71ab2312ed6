import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { api, unwrap } from '../../../../platform/api/client.ts';
import { ErrorAlert } from '../../../../platform/widgets/ErrorAlert.tsx';
import { type ContractorStats, type ProjectStats, rk } from '../../api.ts';
import { useRT } from '../../i18n/rt.ts';

const counts = (list: { name: string; count: number }[]) =>
  list
    .filter((x) => x.count > 0)
    .map((x) => `${x.name} ${x.count}`)
    .join('、') || '—';

/** 隐患统计: per project and per contractor, as tables. */
export function FindingStats() {
  const rt = useRT();
  const byProject = useQuery({
    queryKey: rk.stats('projects', {}),
    queryFn: () => unwrap(api.GET('/api/renewal/findings/stats/projects')),
  });
  const byContractor = useQuery({
    queryKey: rk.stats('contractors', {}),
    queryFn: () => unwrap(api.GET('/api/renewal/findings/stats/contractors')),
  });
  const common = [
    { title: rt('stats.total'), dataIndex: 'total', width: 70, align: 'right' as const },
    { title: rt('stats.unclosed'), dataIndex: 'unclosed', width: 80, align: 'right' as const },
    { title: rt('stats.closed'), dataIndex: 'closed', width: 80, align: 'right' as const },
    {
      title: rt('stats.overdue'),
      dataIndex: 'overdue',
      width: 70,
      align: 'right' as const,
      render: (n: number) => (n > 0 ? <strong className="rn-bad">{n}</strong> : n),
    },
    {
      title: rt('stats.avgDays'),
      dataIndex: 'avgDaysToClose',
      width: 110,
      align: 'right' as const,
      render: (v: number | null) => (v === null ? '—' : v.toFixed(1)),
    },
    {
      title: rt('stats.bySeverity'),
      key: 'sev',
      width: 180,
      render: (_: unknown, r: ProjectStats | ContractorStats) => counts(r.bySeverity),
    },
    {
      title: rt('stats.byCategory'),
      key: 'cat',
      render: (_: unknown, r: ProjectStats | ContractorStats) => counts(r.byCategory),
    },
  ];
  return (
    <div className="rn-stack">
      <section aria-labelledby="rn-stats-projects">
        <h2 id="rn-stats-projects" className="gf-section-title">
          {rt('stats.byProject')}
        </h2>
        {byProject.data ? (
          <p className="gf-muted gf-small">{rt('stats.asOf', { date: byProject.data.asOf })}</p>
        ) : null}
        <ErrorAlert error={byProject.error} onRetry={() => void byProject.refetch()} />
        <Table<ProjectStats>
          size="small"
          rowKey={(r) => r.project.id}
          aria-label={rt('stats.byProject')}
          loading={byProject.isFetching}
          dataSource={byProject.data?.rows}
          pagination={false}
          scroll={{ x: 1000 }}
          columns={[
            { title: rt('project.name'), key: 'p', width: 240, render: (_, r) => r.project.name },
            ...common,
          ]}
        />
      </section>
      <section aria-labelledby="rn-stats-contractors">
        <h2 id="rn-stats-contractors" className="gf-section-title">
          {rt('stats.byContractor')}
        </h2>
        <ErrorAlert error={byContractor.error} onRetry={() => void byContractor.refetch()} />
        <Table<ContractorStats>
          size="small"
          rowKey={(r) => r.contractor?.id ?? 'none'}
          aria-label={rt('stats.byContractor')}
          loading={byContractor.isFetching}
          dataSource={byContractor.data?.rows}
          pagination={false}
          scroll={{ x: 1000 }}
          columns={[
            {
              title: rt('project.contractor'),
              key: 'c',
              width: 240,
              render: (_, r) => r.contractor?.name ?? rt('stats.noContractor'),
            },
            { title: rt('stats.projects'), dataIndex: 'projectCount', width: 70, align: 'right' },
            ...common,
          ]}
        />
      </section>
    </div>
  );
}
