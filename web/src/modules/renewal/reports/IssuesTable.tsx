import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Tag } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { type ListParams, PagedTable, usePagedQuery, useServerError } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/auth.tsx';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { ErrorAlert, errorText } from '../../../platform/widgets/ErrorAlert.tsx';
import { type Issue, type IssueQuery, rk } from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { SeverityTag, StatusTag } from '../shared/widgets/fields.tsx';

/** Issues (from daily-report problems): resolve with a resolution, or reopen. */
export function IssuesTable({
  list,
  query,
  filters,
  exportFile,
  showProject = true,
}: {
  list: ListParams<string>;
  query: IssueQuery;
  /** The filter fields (the issues page's). */
  filters?: ReactNode;
  /** With the list's Excel export under this file name. */
  exportFile?: string;
  showProject?: boolean;
}) {
  const t = useT();
  const rt = useRT();
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [resolving, setResolving] = useState<Issue | null>(null);
  const reopen = useMutation({
    mutationFn: (i: Issue) =>
      unwrap(
        api.PATCH('/api/renewal/issues/{id}', { params: { path: { id: i.id } }, body: { status: 'open' } }),
      ),
    onSuccess: () => {
      void message.success(rt('issue.reopened'));
      void qc.invalidateQueries({ queryKey: rk.all });
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  const issues = usePagedQuery({
    list,
    query,
    queryKey: rk.issues,
    fetch: (q) => unwrap(api.GET('/api/renewal/issues', { params: { query: q } })),
  });
  const writable = can('renewal.write');
  return (
    <>
      <PagedTable
        list={list}
        result={issues}
        filters={filters}
        exportTo={
          exportFile
            ? {
                fileName: exportFile,
                download: () =>
                  api.GET('/api/renewal/issues/export.xlsx', { params: { query }, parseAs: 'blob' }),
              }
            : undefined
        }
        rowKey="id"
        aria-label={rt('issue.table')}
        scroll={{ x: 1400 }}
        columns={[
          ...(showProject
            ? [
                {
                  title: rt('project.name'),
                  key: 'project',
                  width: 220,
                  render: (_: unknown, i: Issue) => (
                    <Link to={`/renewal/projects/${i.projectId}`}>{i.projectName}</Link>
                  ),
                },
              ]
            : []),
          {
            title: rt('issue.title'),
            dataIndex: 'title',
            width: 300,
            render: (v: string, i) => (
              <div>
                <div>{v}</div>
                {i.reportDate ? (
                  <div className="gf-muted gf-small">
                    {rt('issue.fromReport', { date: i.reportDate, n: i.problemNo ?? '' })}
                  </div>
                ) : null}
              </div>
            ),
          },
          {
            title: rt('report.severity'),
            dataIndex: 'severity',
            width: 80,
            render: (c: string, i) => <SeverityTag code={c} name={i.severityName} />,
          },
          {
            title: rt('issue.owner'),
            key: 'owner',
            width: 200,
            render: (_, i) => i.ownerOrganisationName ?? '—',
          },
          {
            title: rt('issue.dueDate'),
            dataIndex: 'dueDate',
            width: 150,
            render: (d: string, i) => (
              <span>
                {d} {i.overdue ? <Tag color="red">{rt('common.overdue')}</Tag> : null}
              </span>
            ),
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: string, i) => <StatusTag code={s} name={i.statusName} />,
          },
          {
            title: rt('issue.resolution'),
            dataIndex: 'resolution',
            width: 200,
            render: (v: string | null) => v ?? '—',
          },
          ...(writable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  fixed: 'right' as const,
                  // only on the issues of projects the caller may update (staff in their region)
                  render: (_: unknown, i: Issue) =>
                    !i.can.update ? null : i.status === 'open' ? (
                      <Button
                        type="link"
                        onClick={() => setResolving(i)}
                        aria-label={`${rt('issue.resolve')} ${i.title}`}
                      >
                        {rt('issue.resolve')}
                      </Button>
                    ) : (
                      <Button
                        type="link"
                        onClick={() => reopen.mutate(i)}
                        aria-label={`${rt('issue.reopen')} ${i.title}`}
                      >
                        {rt('issue.reopen')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <ResolveModal issue={resolving} onClose={() => setResolving(null)} />
    </>
  );
}

function ResolveModal({ issue, onClose }: { issue: Issue | null; onClose: () => void }) {
  const t = useT();
  const rt = useRT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ resolution: string }>();
  const server = useServerError(form, ['resolution']);
  useEffect(() => {
    if (issue) {
      server.clear();
      form.resetFields();
    }
  }, [issue, form, server.clear]);
  const save = useMutation({
    mutationFn: (v: { resolution: string }) =>
      unwrap(
        api.PATCH('/api/renewal/issues/{id}', {
          params: { path: { id: issue?.id ?? '' } },
          body: { status: 'resolved', resolution: v.resolution.trim() },
        }),
      ),
    onSuccess: () => {
      void message.success(rt('issue.resolved'));
      void qc.invalidateQueries({ queryKey: rk.all });
      onClose();
    },
    onError: server.report,
  });
  return (
    <Modal
      open={issue !== null}
      title={rt('issue.resolveTitle', { title: issue?.title ?? '' })}
      onCancel={onClose}
      okText={rt('issue.resolve')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'renewal-resolve-form', loading: save.isPending }}
      destroyOnHidden
    >
      <ErrorAlert error={server.error} />
      <Form form={form} id="renewal-resolve-form" layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="resolution"
          label={rt('issue.resolution')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: rt('issue.resolution') }),
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
