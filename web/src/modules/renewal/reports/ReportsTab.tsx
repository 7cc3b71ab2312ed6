import { FormOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Space, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/auth.tsx';
import { useFormat } from '../../../platform/i18n/format.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { type ReportRow, rk } from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { ExportButton } from '../widgets/ExportButton.tsx';
import { ReportDrawer } from './ReportDrawer.tsx';

/** 工程日报: the project's daily reports, newest first; open one to read it or raise an issue. */
export default function ReportsTab({ projectId }: { projectId: string }) {
  const t = useT();
  const rt = useRT();
  const fmt = useFormat();
  const can = useCan();
  const navigate = useNavigate();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<string | null>(null);
  const reports = useQuery({
    queryKey: rk.reports(projectId, page),
    queryFn: () =>
      unwrap(
        api.GET('/api/renewal/projects/{id}/reports', { params: { path: { id: projectId }, query: page } }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="rn-stack">
      <div className="gf-page-header">
        <h2 className="gf-section-title">{rt('report.listTitle')}</h2>
        <Space wrap>
          <ExportButton
            fileName={`${rt('report.table')}.xlsx`}
            download={() =>
              api.GET('/api/renewal/reports/export.xlsx', {
                params: { query: { projectId } },
                parseAs: 'blob',
              })
            }
          />
          {can('renewal.report') ? (
            <Button
              type="primary"
              icon={<FormOutlined aria-hidden />}
              onClick={() => navigate(`/renewal/projects/${projectId}/report`)}
            >
              {rt('report.fileToday')}
            </Button>
          ) : null}
        </Space>
      </div>
      <ErrorAlert error={reports.error} onRetry={() => void reports.refetch()} />
      <Table<ReportRow>
        size="small"
        rowKey="id"
        aria-label={rt('report.table')}
        loading={reports.isFetching}
        dataSource={reports.data?.items}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: reports.data?.total ?? 0,
          showTotal: (n) => t('common.total', { total: n }),
          onChange: (p, ps) => setPage({ page: p, pageSize: ps }),
        }}
        columns={[
          {
            title: rt('report.date'),
            dataIndex: 'date',
            width: 130,
            render: (d: string, r) => (
              <Button
                type="link"
                className="gf-link-cell"
                onClick={() => setOpen(r.id)}
                aria-label={rt('report.open', { date: d })}
              >
                {d}
              </Button>
            ),
          },
          { title: rt('report.weather'), dataIndex: 'weatherName', width: 80 },
          { title: rt('report.workers'), dataIndex: 'workersOnSite', width: 90, align: 'right' },
          { title: rt('report.machinery'), dataIndex: 'machineryCount', width: 90, align: 'right' },
          {
            // how many tasks the report gave progress on (not a percentage)
            title: rt('report.progressSection'),
            dataIndex: 'progressCount',
            width: 120,
            align: 'right',
            render: (n: number) =>
              n === 0 ? '—' : n === 1 ? rt('report.progressCountOne') : rt('report.progressCount', { n }),
          },
          {
            title: rt('report.problems'),
            dataIndex: 'problemCount',
            width: 90,
            align: 'right',
            render: (n: number) => (n > 0 ? <strong className="rn-bad">{n}</strong> : n),
          },
          { title: rt('report.photos'), dataIndex: 'photoCount', width: 80, align: 'right' },
          {
            title: rt('report.filedBy'),
            dataIndex: 'filedByName',
            width: 160,
            render: (v: string | null) => v ?? '—',
          },
          { title: rt('report.filedAt'), dataIndex: 'filedAt', width: 170, render: fmt.dateTime },
        ]}
      />
      <ReportDrawer reportId={open} onClose={() => setOpen(null)} />
    </div>
  );
}
