import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Col, Descriptions, Form, Input, Modal, Row, Select, Table } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { DetailShell, useServerError } from '../../../../kit/index.ts';
import { api, unwrap } from '../../../../platform/api/client.ts';
import { useFormat } from '../../../../platform/i18n/format.ts';
import { useT } from '../../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../../platform/widgets/ErrorAlert.tsx';
import { OrgSelect } from '../../../../platform/widgets/OrgSelect.tsx';
import { type Meeting, rk } from '../../api.ts';
import { useRT } from '../../i18n/rt.ts';
import { DateInput, dateItem, TaskSelect } from '../../shared/widgets/fields.tsx';
import { ActionItemsTable } from './ActionItemsTable.tsx';
import '../../renewal.css';

/** One supervision meeting: attendees, minutes, action items (add, close). */
export default function MeetingDetailPage() {
  const rt = useRT();
  const fmt = useFormat();
  const { id = '' } = useParams();
  const [adding, setAdding] = useState(false);
  const meeting = useQuery({
    queryKey: rk.meeting(id),
    queryFn: () => unwrap(api.GET('/api/renewal/meetings/{id}', { params: { path: { id } } })),
  });
  const m = meeting.data;
  return (
    <DetailShell
      title={m ? m.title : rt('meeting.pageTitle')}
      back={{ to: '/renewal/meetings' }}
      description={m ? `${m.heldOn}${m.location ? ` · ${m.location}` : ''}` : null}
      record={m}
      loading={meeting.isPending}
      error={meeting.error}
      onRetry={() => void meeting.refetch()}
      actions={[
        {
          key: 'add-item',
          label: rt('action.add'),
          icon: <PlusOutlined aria-hidden />,
          primary: true,
          can: 'update',
          permission: 'renewal.meeting.write',
          onClick: () => setAdding(true),
        },
      ]}
    >
      {m ? (
        <div className="rn-stack">
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                {
                  key: 'projects',
                  label: rt('meeting.projects'),
                  span: 2,
                  children: m.projects.map((p, i) => (
                    <span key={p.id}>
                      {i > 0 ? '、' : ''}
                      <Link to={`/renewal/projects/${p.id}`}>{p.name}</Link>
                    </span>
                  )),
                },
                {
                  key: 'by',
                  label: rt('inspection.recordedBy'),
                  children: `${m.createdBy?.name ?? '—'} · ${fmt.dateTime(m.createdAt)}`,
                },
              ]}
            />
          </Card>
          <Row gutter={16}>
            <Col xs={24} lg={10}>
              <Card size="small" title={<h2 className="gf-card-title">{rt('meeting.attendees')}</h2>}>
                <Table
                  size="small"
                  rowKey={(a) => `${a.name}-${a.organisationName}`}
                  pagination={false}
                  aria-label={rt('meeting.attendees')}
                  dataSource={m.attendees}
                  columns={[
                    { title: rt('meeting.attendeeName'), dataIndex: 'name', width: 100 },
                    { title: rt('meeting.attendeeOrg'), dataIndex: 'organisationName' },
                    {
                      title: rt('meeting.attendeeJob'),
                      dataIndex: 'jobTitle',
                      width: 100,
                      render: (v: string | null) => v ?? '—',
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card size="small" title={<h2 className="gf-card-title">{rt('meeting.minutes')}</h2>}>
                <div className="gf-prewrap">{m.minutes || '—'}</div>
              </Card>
            </Col>
          </Row>
          <section aria-labelledby="rn-meeting-items">
            <h2 id="rn-meeting-items" className="gf-section-title">
              {rt('meeting.actionItems')}
            </h2>
            <ActionItemsTable items={m.actionItems} label={rt('action.table')} showMeeting={false} />
          </section>
          <AddItemModal meeting={m} open={adding} onClose={() => setAdding(false)} />
        </div>
      ) : null}
    </DetailShell>
  );
}

interface ItemValues {
  text: string;
  projectId: string;
  taskId?: string | null;
  ownerOrganisationId?: string | null;
  ownerPerson?: string;
  dueOn: string;
}

function AddItemModal({ meeting, open, onClose }: { meeting: Meeting; open: boolean; onClose: () => void }) {
  const t = useT();
  const rt = useRT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemValues>();
  const server = useServerError(form, [
    'text',
    'projectId',
    'taskId',
    'ownerOrganisationId',
    'ownerPerson',
    'dueOn',
  ]);
  const projectId = Form.useWatch('projectId', form);
  useEffect(() => {
    if (!open) return;
    server.clear();
    form.resetFields();
    form.setFieldsValue({ projectId: meeting.projects[0]?.id });
  }, [open, meeting, form, server.clear]);
  const save = useMutation({
    mutationFn: (v: ItemValues) =>
      unwrap(
        api.POST('/api/renewal/meetings/{id}/action-items', {
          params: { path: { id: meeting.id } },
          body: {
            text: v.text.trim(),
            projectId: v.projectId,
            ...(v.taskId ? { taskId: v.taskId } : {}),
            ...(v.ownerOrganisationId ? { ownerOrganisationId: v.ownerOrganisationId } : {}),
            ...(v.ownerPerson?.trim() ? { ownerPerson: v.ownerPerson.trim() } : {}),
            dueOn: v.dueOn,
          },
        }),
      ),
    onSuccess: () => {
      void message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: rk.all });
      onClose();
    },
    onError: server.report,
  });
  return (
    <Modal
      open={open}
      title={rt('action.add')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'renewal-item-form', loading: save.isPending }}
      destroyOnHidden
    >
      <ErrorAlert error={server.error} />
      <Form<ItemValues>
        form={form}
        id="renewal-item-form"
        layout="vertical"
        onFinish={(v) => {
          server.clear();
          save.mutate(v);
        }}
      >
        <Form.Item
          name="text"
          label={rt('action.text')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: rt('action.text') }) },
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="projectId" label={rt('project.name')} rules={[{ required: true }]}>
          <Select options={meeting.projects.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="taskId" label={rt('action.task')}>
          <TaskSelect projectId={projectId} />
        </Form.Item>
        <Form.Item name="ownerOrganisationId" label={rt('action.ownerOrg')}>
          <OrgSelect />
        </Form.Item>
        <Form.Item name="ownerPerson" label={rt('action.ownerPerson')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={rt('action.dueOn')}
          rules={[{ required: true, message: t('common.required', { field: rt('action.dueOn') }) }]}
          {...dateItem}
        >
          <DateInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}
