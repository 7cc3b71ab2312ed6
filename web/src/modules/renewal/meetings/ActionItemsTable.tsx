import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/auth.tsx';
import { useServerError } from '../../../platform/forms.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { type ActionItem, rk } from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { StatusTag } from '../widgets/fields.tsx';

/** Action items (督办事项) with owner, due date and linked task; open ones can be closed (销项). */
export function ActionItemsTable({
  items,
  loading,
  label,
  showMeeting = true,
  pagination = false,
}: {
  items: ActionItem[] | undefined;
  loading?: boolean;
  label: string;
  showMeeting?: boolean;
  pagination?:
    | false
    | { current: number; pageSize: number; total: number; onChange: (p: number, ps: number) => void };
}) {
  const t = useT();
  const rt = useRT();
  const can = useCan();
  const [closing, setClosing] = useState<ActionItem | null>(null);
  return (
    <>
      <Table<ActionItem>
        size="middle"
        rowKey="id"
        aria-label={label}
        loading={loading}
        dataSource={items}
        pagination={pagination}
        scroll={{ x: 1000 }}
        columns={[
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
            width: 160,
            render: (d: string, a) => (
              <span>
                {d}{' '}
                {a.overdue ? <Tag color="red">{rt('finding.overdueDays', { n: a.daysOverdue })}</Tag> : null}
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
                    a.status === 'open' ? (
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
        ]}
      />
      <CloseItemModal item={closing} onClose={() => setClosing(null)} />
    </>
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
