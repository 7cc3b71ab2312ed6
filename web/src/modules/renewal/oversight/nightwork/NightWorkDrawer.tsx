import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Form, Input, Select, Space, Spin, Table } from 'antd';
import { useState } from 'react';
import { useServerError } from '../../../../kit/index.ts';
import { api, unwrap } from '../../../../platform/api/client.ts';
import { useFormat } from '../../../../platform/i18n/format.ts';
import { useT } from '../../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../../platform/widgets/ErrorAlert.tsx';
import { type FeedbackBody, type NightWork, type NoticeBody, rk } from '../../api.ts';
import { type RenewalKey, useRT } from '../../i18n/rt.ts';
import { todayInChina } from '../../shared/dates.ts';
import { DateInput, dateItem, StatusTag } from '../../shared/widgets/fields.tsx';

/** One night-work request: notices to neighbours, their feedback, and the decision. */
export function NightWorkDrawer({ requestId, onClose }: { requestId: string | null; onClose: () => void }) {
  const t = useT();
  const rt = useRT();
  const fmt = useFormat();
  const detail = useQuery({
    queryKey: rk.nightWork(requestId ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/renewal/night-work/{id}', { params: { path: { id: requestId ?? '' } } })),
    enabled: requestId !== null,
  });
  const n = detail.data;
  return (
    <Drawer
      open={requestId !== null}
      onClose={onClose}
      title={n ? rt('night.detailTitle', { project: n.projectName }) : rt('night.pageTitle')}
      size={720}
      destroyOnHidden
    >
      <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      {detail.isPending && requestId ? <Spin /> : null}
      {n ? (
        <div className="rn-stack">
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              {
                key: 'status',
                label: t('common.status'),
                children: <StatusTag code={n.status} name={n.statusName} />,
              },
              {
                key: 'nights',
                label: rt('night.nights'),
                children: `${n.firstNight} ~ ${n.lastNight}（${rt('night.nightsN', { n: n.nights })}）`,
              },
              { key: 'hours', label: rt('night.hours'), children: `${n.startTime}–${n.endTime}` },
              { key: 'reason', label: rt('night.reason'), children: n.reason },
              {
                key: 'noise',
                label: rt('night.noiseMeasures'),
                children: <span className="gf-prewrap">{n.noiseMeasures}</span>,
              },
              {
                key: 'by',
                label: rt('night.requestedBy'),
                children:
                  [n.requestingOrganisation?.name, n.requestedBy?.name].filter(Boolean).join(' · ') || '—',
              },
              {
                key: 'decision',
                label: rt('night.decision'),
                children: n.decidedAt
                  ? `${n.decidedBy?.name ?? ''} · ${fmt.dateTime(n.decidedAt)}${n.decisionNote ? ` · ${n.decisionNote}` : ''}`
                  : '—',
              },
            ]}
          />
          <section aria-labelledby="rn-notices">
            <h3 id="rn-notices" className="gf-small-title">
              {rt('night.notices')}
            </h3>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              aria-label={rt('night.notices')}
              dataSource={n.notices}
              locale={{ emptyText: rt('night.noNotices') }}
              columns={[
                { title: rt('night.publishedOn'), dataIndex: 'publishedOn', width: 110 },
                { title: rt('night.channel'), dataIndex: 'channelName', width: 100 },
                { title: rt('night.noticeText'), dataIndex: 'text' },
              ]}
            />
            {n.can.coordinate ? <NoticeForm request={n} /> : null}
          </section>
          <section aria-labelledby="rn-feedback">
            <h3 id="rn-feedback" className="gf-small-title">
              {rt('night.feedback')}（
              {rt('night.tally', {
                s: n.feedbackTally.support,
                n: n.feedbackTally.neutral,
                o: n.feedbackTally.object,
              })}
              ）
            </h3>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              aria-label={rt('night.feedback')}
              dataSource={n.feedback}
              locale={{ emptyText: rt('night.noFeedback') }}
              columns={[
                { title: rt('night.receivedOn'), dataIndex: 'receivedOn', width: 110 },
                {
                  title: rt('night.neighbour'),
                  dataIndex: 'name',
                  width: 100,
                  render: (v: string | null) => v ?? rt('night.anonymous'),
                },
                { title: rt('night.attitude'), dataIndex: 'attitudeName', width: 80 },
                { title: rt('night.feedbackText'), dataIndex: 'text' },
              ]}
            />
            {n.can.coordinate ? <FeedbackForm request={n} /> : null}
          </section>
          {n.status === 'pending' && n.can.decide ? <DecisionForm request={n} /> : null}
        </div>
      ) : null}
    </Drawer>
  );
}

function useRequestMutation<B>(
  request: NightWork,
  call: (id: string, body: B) => Promise<NightWork>,
  done: RenewalKey,
  onError: (e: unknown) => void,
  onOk: () => void,
) {
  const rt = useRT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (b: B) => call(request.id, b),
    onSuccess: (r) => {
      void message.success(rt(done));
      qc.setQueryData(rk.nightWork(request.id), r);
      void qc.invalidateQueries({ queryKey: rk.all });
      onOk();
    },
    onError,
  });
}

function NoticeForm({ request }: { request: NightWork }) {
  const t = useT();
  const rt = useRT();
  const [form] = Form.useForm<NoticeBody>();
  const server = useServerError(form, ['text', 'publishedOn', 'channel']);
  const [open, setOpen] = useState(false);
  const save = useRequestMutation<NoticeBody>(
    request,
    (id, body) =>
      unwrap(api.POST('/api/renewal/night-work/{id}/notices', { params: { path: { id } }, body })),
    'night.noticeSaved',
    server.report,
    () => {
      form.resetFields();
      setOpen(false);
    },
  );
  if (!open)
    return (
      <Button className="rn-mt" onClick={() => setOpen(true)}>
        {rt('night.addNotice')}
      </Button>
    );
  return (
    <Form<NoticeBody>
      form={form}
      layout="vertical"
      className="rn-row-card rn-mt"
      name="renewal-notice"
      initialValues={{ publishedOn: todayInChina(), channel: 'notice_board' }}
      onFinish={(v) => save.mutate({ ...v, text: v.text.trim() })}
    >
      <ErrorAlert error={server.error} />
      <Space wrap>
        <Form.Item
          name="publishedOn"
          label={rt('night.publishedOn')}
          rules={[{ required: true }]}
          {...dateItem}
        >
          <DateInput allowClear={false} />
        </Form.Item>
        <Form.Item name="channel" label={rt('night.channel')} rules={[{ required: true }]}>
          <Select
            style={{ width: 160 }}
            options={[
              { value: 'notice_board', label: rt('night.channelBoard') },
              { value: 'wechat_group', label: rt('night.channelWechat') },
              { value: 'door_to_door', label: rt('night.channelDoor') },
              { value: 'phone', label: rt('night.channelPhone') },
            ]}
          />
        </Form.Item>
      </Space>
      <Form.Item
        name="text"
        label={rt('night.noticeText')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.required', { field: rt('night.noticeText') }),
          },
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Space className="gf-block">
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {rt('night.addNotice')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

function FeedbackForm({ request }: { request: NightWork }) {
  const t = useT();
  const rt = useRT();
  const [form] = Form.useForm<FeedbackBody>();
  const server = useServerError(form, ['name', 'text', 'attitude', 'receivedOn']);
  const [open, setOpen] = useState(false);
  const save = useRequestMutation<FeedbackBody>(
    request,
    (id, body) =>
      unwrap(api.POST('/api/renewal/night-work/{id}/feedback', { params: { path: { id } }, body })),
    'night.feedbackSaved',
    server.report,
    () => {
      form.resetFields();
      setOpen(false);
    },
  );
  if (!open)
    return (
      <Button className="rn-mt" onClick={() => setOpen(true)}>
        {rt('night.addFeedback')}
      </Button>
    );
  return (
    <Form<FeedbackBody>
      form={form}
      layout="vertical"
      className="rn-row-card rn-mt"
      name="renewal-feedback"
      initialValues={{ receivedOn: todayInChina(), attitude: 'neutral' }}
      onFinish={(v) =>
        save.mutate({
          ...v,
          text: v.text.trim(),
          ...(v.name?.trim() ? { name: v.name.trim() } : { name: undefined }),
        })
      }
    >
      <ErrorAlert error={server.error} />
      <Space wrap>
        <Form.Item name="name" label={rt('night.neighbour')}>
          <Input maxLength={40} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="attitude" label={rt('night.attitude')} rules={[{ required: true }]}>
          <Select
            style={{ width: 120 }}
            options={[
              { value: 'support', label: rt('night.support') },
              { value: 'neutral', label: rt('night.neutral') },
              { value: 'object', label: rt('night.object') },
            ]}
          />
        </Form.Item>
        <Form.Item name="receivedOn" label={rt('night.receivedOn')} {...dateItem}>
          <DateInput />
        </Form.Item>
      </Space>
      <Form.Item
        name="text"
        label={rt('night.feedbackText')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.required', { field: rt('night.feedbackText') }),
          },
        ]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Space className="gf-block">
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {rt('night.addFeedback')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

function DecisionForm({ request }: { request: NightWork }) {
  const rt = useRT();
  const [form] = Form.useForm<{ note?: string }>();
  const server = useServerError(form, ['note', 'decision']);
  const save = useRequestMutation<{ decision: 'approve' | 'reject'; note?: string }>(
    request,
    (id, body) =>
      unwrap(api.POST('/api/renewal/night-work/{id}/decision', { params: { path: { id } }, body })),
    'night.decided',
    server.report,
    () => form.resetFields(),
  );
  const decide = (decision: 'approve' | 'reject') => {
    const note = (form.getFieldValue('note') as string | undefined)?.trim();
    save.mutate({ decision, ...(note ? { note } : {}) });
  };
  return (
    <section aria-labelledby="rn-decision" className="rn-row-card">
      <h3 id="rn-decision" className="gf-small-title">
        {rt('night.decision')}
      </h3>
      <ErrorAlert error={server.error} />
      <Form form={form} layout="vertical" name="renewal-decision">
        <Form.Item name="note" label={rt('night.decisionNote')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Space className="gf-block">
          <Button type="primary" onClick={() => decide('approve')} loading={save.isPending}>
            {rt('night.approve')}
          </Button>
          <Button danger onClick={() => decide('reject')} loading={save.isPending}>
            {rt('night.reject')}
          </Button>
        </Space>
      </Form>
    </section>
  );
}
