import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Table, type TableColumnsType, Tag } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { type ListParams, PagedTable, usePagedQuery, useServerError } from '../../../../kit/index.ts';
import { api, unwrap } from '../../../../platform/api/client.ts';
import type { ApiQuery } from '../../../../platform/api/types.ts';
import { useCan } from '../../../../platform/auth/auth.tsx';
import { useT } from '../../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../../platform/widgets/ErrorAlert.tsx';
import { type ActionItem, rk } from '../../api.ts';
import { useRT } from '../../i18n/rt.ts';
import { StatusTag } from '../../shared/widgets/fields.tsx';

export type ActionItemQuery = Omit<ApiQuery<'/api/renewal/action-items'>, 'page' | 'pageSize'>;

/** A page of action items from the server, its state in the URL (`list`), with a status switch and export. */
export interface PagedItemsOptions {
  list: ListParams<string>;
  query: ActionItemQuery;
  toolbar?: ReactNode;
  exportFile?: string;
}

/**
 * Action items (督办事项) with owner, due date and linked task; open ones can be closed (销项).
 * Either the `items` given (one meeting's, the overdue ones) or, with `paged`, a list page by page
 * (open first; sortable by due date or meeting).
 */
export function ActionItemsTable({
  items,
  loading,
  label,
  showMeeting = true,
  paged,
}: {
  items?: ActionItem[] | undefined;
  loading?: boolean;
  label: string;
  showMeeting?: boolean;
  paged?: PagedItemsOptions;
}) {
  const t = useT();
  const rt = useRT();
  const can = useCan();
  const [closing, setClosing] = useState<ActionItem | null>(null);
  const columns: TableColumnsType<ActionItem> = [
    { title: '#', dataIndex: 'seq', width: 50 },
    {
      title: rt('action.text'),
      dataIndex: 'text',
      render: (v: string, a) => (
        <div>
          <div>{v}</div>
          <div className="gf-muted gf-small">
            <Link to={`/renewal/projects/${a.projectId}`}>{a.projectName}</Link>
            {a.taskName ? ` · ${rt('action.task')}：${a.taskName}` : ''}
          </div>
        </div>
      ),
    },
    ...(showMeeting
      ? [
          {
            title: rt('meeting.title'),
            key: 'meeting',
            width: 200,
            sorter: !!paged,
            render: (_: unknown, a: ActionItem) => (
              <Link to={`/renewal/meetings/${a.meetingId}`}>
                {a.meetingHeldOn} {a.meetingTitle}
              </Link>
            ),
          },
        ]
      : []),
    {
      title: rt('action.owner'),
      key: 'owner',
      width: 200,
      render: (_, a) => [a.ownerOrganisationName, a.ownerPerson].filter(Boolean).join(' · ') || '—',
    },
    {
      title: rt('action.dueOn'),
      dataIndex: 'dueOn',
      key: 'dueOn',
      width: 160,
      sorter: !!paged,
      render: (d: string, a) => (
        <span>
          {d} {a.overdue ? <Tag color="red">{rt('finding.overdueDays', { n: a.daysOverdue })}</Tag> : null}
        </span>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: string, a) => <StatusTag code={s} name={a.statusName} />,
    },
    {
      title: rt('action.closing'),
      key: 'closing',
      width: 200,
      render: (_, a) => (a.closedOn ? `${a.closedOn} ${a.closingNote ?? ''}` : '—'),
    },
    ...(can('renewal.meeting.write')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            fixed: 'right' as const,
            render: (_: unknown, a: ActionItem) =>
              a.status === 'open' && a.can.close ? (
                <Button
                  type="link"
                  onClick={() => setClosing(a)}
                  aria-label={`${rt('action.close')} ${a.text}`}
                >
                  {rt('action.close')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <>
      {paged ? (
        <PagedItems paged={paged} label={label} columns={columns} />
      ) : (
        <Table<ActionItem>
          size="middle"
          rowKey="id"
          aria-label={label}
          loading={loading}
          dataSource={items}
          pagination={false}
          scroll={{ x: 1000 }}
          columns={columns}
        />
      )}
      <CloseItemModal item={closing} onClose={() => setClosing(null)} />
    </>
  );
}

function PagedItems({
  paged,
  label,
  columns,
}: {
  paged: PagedItemsOptions;
  label: string;
  columns: TableColumnsType<ActionItem>;
}) {
  const { list, query, toolbar, exportFile } = paged;
  const items = usePagedQuery({
    list,
    query,
    queryKey: rk.actionItems,
    sortable: true,
    fetch: (q) => unwrap(api.GET('/api/renewal/action-items', { params: { query: q } })),
  });
  return (
    <PagedTable
      list={list}
      result={items}
      toolbar={toolbar}
      exportTo={
        exportFile
          ? {
              fileName: exportFile,
              download: () =>
                api.GET('/api/renewal/action-items/export.xlsx', { params: { query }, parseAs: 'blob' }),
            }
          : undefined
      }
      rowKey="id"
      aria-label={label}
      scroll={{ x: 1000 }}
      columns={columns}
    />
  );
}

function CloseItemModal({ item, onClose }: { item: ActionItem | null; onClose: () => void }) {
  const t = useT();
  const rt = useRT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const server = useServerError(form, ['note']);
  useEffect(() => {
    if (item) {
      server.clear();
      form.resetFields();
    }
  }, [item, form, server.clear]);
  const save = useMutation({
    mutationFn: (v: { note: string }) =>
      unwrap(
        api.POST('/api/renewal/action-items/{id}/close', {
          params: { path: { id: item?.id ?? '' } },
          body: { note: v.note.trim() },
        }),
      ),
    onSuccess: () => {
      void message.success(rt('action.closed'));
      void qc.invalidateQueries({ queryKey: rk.all });
      onClose();
    },
    onError: server.report,
  });
  return (
    <Modal
      open={item !== null}
      title={rt('action.closeTitle')}
      onCancel={onClose}
      okText={rt('action.close')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'renewal-close-item-form', loading: save.isPending }}
      destroyOnHidden
    >
      <p>{item?.text}</p>
      <ErrorAlert error={server.error} />
      <Form form={form} id="renewal-close-item-form" layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="note"
          label={rt('action.closingNote')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: rt('action.closingNote') }),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
