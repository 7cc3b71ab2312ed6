import { FormOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ExportButton, PagedTable, useListParams, usePagedQuery } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useFormat } from '../../../platform/i18n/format.ts';
import { rk, useProject } from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { ReportDrawer } from './ReportDrawer.tsx';

/** 工程日报: the project's daily reports, newest first; open one to read it or raise an issue. */
export default function ReportsTab({ projectId }: { projectId: string }) {
  const rt = useRT();
  const fmt = useFormat();
  // the project's `can` says whether this caller files its reports (its contractor, staff)
  const mayReport = useProject(projectId).data?.can.report === true;
  const navigate = useNavigate();
  const list = useListParams({ filters: [] });
  const [open, setOpen] = useState<string | null>(null);
  const reports = usePagedQuery({
    list,
    query: {},
    queryKey: (q) => rk.reports(projectId, q),
    // (newest first, the one order)
    fetch: ({ sort: _, ...q }) =>
      unwrap(
        api.GET('/api/renewal/projects/{id}/reports', { params: { path: { id: projectId }, query: q } }),
      ),
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
          {mayReport ? (
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
      <PagedTable
        list={list}
        result={reports}
        size="small"
        rowKey="id"
        aria-label={rt('report.table')}
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
