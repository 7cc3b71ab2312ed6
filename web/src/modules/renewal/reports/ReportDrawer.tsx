import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Form, Input, Modal, Spin, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useServerError } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
import { FileGallery } from '../../../platform/files/FileGallery.tsx';
import { useFormat } from '../../../platform/i18n/format.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { OrgSelect } from '../../../platform/widgets/OrgSelect.tsx';
import { type Report, rk } from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { DateInput, dateItem, SeverityTag } from '../shared/widgets/fields.tsx';

type Problem = Report['problems'][number];

/** One daily report; each problem not yet tracked can become an issue (renewal.write). */
export function ReportDrawer({ reportId, onClose }: { reportId: string | null; onClose: () => void }) {
  const rt = useRT();
  const fmt = useFormat();
  const [raising, setRaising] = useState<Problem | null>(null);
  const report = useQuery({
    queryKey: rk.report(reportId ?? ''),
    queryFn: () => unwrap(api.GET('/api/renewal/reports/{id}', { params: { path: { id: reportId ?? '' } } })),
    enabled: reportId !== null,
  });
  const r = report.data;
  return (
    <Drawer
      open={reportId !== null}
      onClose={onClose}
      title={r ? rt('report.detailTitle', { date: r.date }) : rt('report.listTitle')}
      size={720}
      destroyOnHidden
    >
      <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      {report.isPending && reportId ? <Spin /> : null}
      {r ? (
        <div className="rn-stack">
          <Descriptions
            size="small"
            bordered
            column={2}
            items={[
              { key: 'date', label: rt('report.date'), children: r.date },
              { key: 'weather', label: rt('report.weather'), children: r.weatherName },
              { key: 'workers', label: rt('report.workers'), children: r.workersOnSite },
              {
                key: 'machinery',
                label: rt('report.machinery'),
                children: r.machinery.length
                  ? r.machinery.map((m) => `${m.type} × ${m.count}`).join('、')
                  : '—',
              },
              { key: 'by', label: rt('report.filedBy'), children: r.filedBy.name ?? '—' },
              { key: 'at', label: rt('report.filedAt'), children: fmt.dateTime(r.filedAt) },
              {
                key: 'notes',
                label: rt('report.notes'),
                span: 2,
                children: <span className="gf-prewrap">{r.notes ?? '—'}</span>,
              },
            ]}
          />
          <h3 className="gf-small-title">{rt('report.progressRows')}</h3>
          <Table
            size="small"
            rowKey="taskId"
            pagination={false}
            aria-label={rt('report.progressRows')}
            dataSource={r.progress}
            columns={[
              {
                title: rt('task.name'),
                key: 'task',
                render: (_, p) => `${p.wbsCode ?? ''} ${p.taskName}`.trim(),
              },
              {
                title: rt('report.percent'),
                dataIndex: 'percent',
                width: 90,
                render: (v: number | null) => (v === null ? '—' : `${v}%`),
              },
              {
                title: rt('report.startedOn'),
                dataIndex: 'startedOn',
                width: 110,
                render: (v: string | null) => v ?? '—',
              },
              {
                title: rt('report.finishedOn'),
                dataIndex: 'finishedOn',
                width: 110,
                render: (v: string | null) => v ?? '—',
              },
              {
                title: rt('report.remainingDays'),
                dataIndex: 'remainingDays',
                width: 90,
                render: (v: number | null) => v ?? '—',
              },
            ]}
          />
          <h3 className="gf-small-title">{rt('report.problems')}</h3>
          <Table<Problem>
            size="small"
            rowKey="n"
            pagination={false}
            aria-label={rt('report.problems')}
            dataSource={r.problems}
            columns={[
              { title: '#', dataIndex: 'n', width: 40 },
              { title: rt('report.problemText'), dataIndex: 'text' },
              {
                title: rt('report.severity'),
                dataIndex: 'severity',
                width: 80,
                render: (c: string, p) => <SeverityTag code={c} name={p.severityName} />,
              },
              {
                title: rt('issue.tracking'),
                key: 'issue',
                width: 150,
                render: (_, p) =>
                  p.issueId ? (
                    <Link to={`/renewal/issues?projectId=${r.projectId}`}>
                      <Tag color="blue">{rt('issue.tracked')}</Tag>
                    </Link>
                  ) : r.can.track ? (
                    <Button
                      size="small"
                      onClick={() => setRaising(p)}
                      aria-label={rt('issue.raiseFor', { n: p.n })}
                    >
                      {rt('issue.raise')}
                    </Button>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
          {r.photos.length > 0 ? (
            <>
              <h3 className="gf-small-title">{rt('report.photos')}</h3>
              <FileGallery
                label={rt('report.photos')}
                items={r.photos.map((ph) => ({ file: ph.file, caption: ph.description }))}
              />
            </>
          ) : null}
          <RaiseIssueModal report={r} problem={raising} onClose={() => setRaising(null)} />
        </div>
      ) : null}
    </Drawer>
  );
}

function RaiseIssueModal({
  report,
  problem,
  onClose,
}: {
  report: Report;
  problem: Problem | null;
  onClose: () => void;
}) {
  const t = useT();
  const rt = useRT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; ownerOrganisationId?: string | null; dueDate?: string }>();
  const server = useServerError(form, ['title', 'ownerOrganisationId', 'dueDate']);
  useEffect(() => {
    if (!problem) return;
    server.clear();
    form.resetFields();
    form.setFieldsValue({ title: problem.text.slice(0, 100) });
  }, [problem, form, server.clear]);
  const save = useMutation({
    mutationFn: (v: { title: string; ownerOrganisationId?: string | null; dueDate?: string }) =>
      unwrap(
        api.POST('/api/renewal/reports/{id}/problems/{n}/issue', {
          params: { path: { id: report.id, n: problem?.n ?? 0 } },
          body: {
            title: v.title.trim(),
            ...(v.ownerOrganisationId ? { ownerOrganisationId: v.ownerOrganisationId } : {}),
            ...(v.dueDate ? { dueDate: v.dueDate } : {}),
          },
        }),
      ),
    onSuccess: () => {
      void message.success(rt('issue.raised'));
      void qc.invalidateQueries({ queryKey: rk.all });
      onClose();
    },
    onError: server.report,
  });
  return (
    <Modal
      open={problem !== null}
      title={rt('issue.raiseTitle')}
      onCancel={onClose}
      okText={rt('issue.raise')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'renewal-raise-form', loading: save.isPending }}
      destroyOnHidden
    >
      <ErrorAlert error={server.error} />
      <Form
        form={form}
        id="renewal-raise-form"
        layout="vertical"
        onFinish={(v) => {
          server.clear();
          save.mutate(v);
        }}
      >
        <Form.Item
          name="title"
          label={rt('issue.title')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: rt('issue.title') }) },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="ownerOrganisationId" label={rt('issue.owner')} extra={rt('issue.ownerHint')}>
          <OrgSelect />
        </Form.Item>
        <Form.Item name="dueDate" label={rt('issue.dueDate')} extra={rt('issue.dueHint')} {...dateItem}>
          <DateInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}
