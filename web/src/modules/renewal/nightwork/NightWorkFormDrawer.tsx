import { useMutation } from '@tanstack/react-query';
import { App, Button, Col, Drawer, Form, Input, Row, Space, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useServerError } from '../../../platform/forms.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import type { NightWork } from '../api.ts';
import { todayInChina } from '../dates.ts';
import { useRT } from '../i18n/rt.ts';
import { DateInput, dateItem, ProjectSelect } from '../widgets/fields.tsx';

interface Values {
  projectId: string;
  firstNight: string;
  lastNight: string;
  startTime: string;
  endTime: string;
  reason: string;
  noiseMeasures: string;
}

const timeItem = {
  getValueProps: (v: unknown) => ({
    value: typeof v === 'string' && v ? dayjs(`2000-01-01T${v}`) : undefined,
  }),
  normalize: (v: Dayjs | null | undefined) => (v ? v.format('HH:mm') : undefined),
};

/** 申请夜间施工: nights, hours, reason and noise measures. */
export function NightWorkFormDrawer({
  open,
  projectId,
  onClose,
  onSaved,
}: {
  open: boolean;
  projectId?: string;
  onClose: () => void;
  onSaved: (n: NightWork) => void;
}) {
  const t = useT();
  const rt = useRT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const server = useServerError(form, [
    'projectId',
    'firstNight',
    'lastNight',
    'startTime',
    'endTime',
    'reason',
    'noiseMeasures',
  ]);
  useEffect(() => {
    if (!open) return;
    server.clear();
    form.resetFields();
    const today = todayInChina();
    form.setFieldsValue({
      projectId,
      firstNight: today,
      lastNight: today,
      startTime: '22:00',
      endTime: '06:00',
    });
  }, [open, projectId, form, server.clear]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST('/api/renewal/night-work', {
          body: { ...v, reason: v.reason.trim(), noiseMeasures: v.noiseMeasures.trim() },
        }),
      ),
    onSuccess: (n) => {
      void message.success(rt('night.requested'));
      onSaved(n);
    },
    onError: server.report,
  });
  const req = (label: string) => [
    { required: true, whitespace: true, message: t('common.required', { field: label }) },
  ];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={rt('night.create')}
      size={620}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" htmlType="submit" form="renewal-night-form" loading={save.isPending}>
            {rt('night.submit')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      }
    >
      <ErrorAlert error={server.error} />
      <Form<Values>
        form={form}
        id="renewal-night-form"
        name="renewal-night"
        layout="vertical"
        onFinish={(v) => {
          server.clear();
          save.mutate(v);
        }}
      >
        <Form.Item
          name="projectId"
          label={rt('project.name')}
          rules={[{ required: true, message: t('common.required', { field: rt('project.name') }) }]}
        >
          <ProjectSelect style={{ width: '100%' }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12}>
            <Form.Item
              name="firstNight"
              label={rt('night.firstNight')}
              rules={[{ required: true }]}
              {...dateItem}
            >
              <DateInput allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="lastNight"
              label={rt('night.lastNight')}
              rules={[{ required: true }]}
              {...dateItem}
            >
              <DateInput allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="startTime"
              label={rt('night.startTime')}
              rules={[{ required: true }]}
              {...timeItem}
            >
              <TimePicker format="HH:mm" minuteStep={15} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="endTime" label={rt('night.endTime')} rules={[{ required: true }]} {...timeItem}>
              <TimePicker format="HH:mm" minuteStep={15} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="reason" label={rt('night.reason')} rules={req(rt('night.reason'))}>
          <Input.TextArea rows={2} maxLength={500} placeholder={rt('night.reasonPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="noiseMeasures"
          label={rt('night.noiseMeasures')}
          rules={req(rt('night.noiseMeasures'))}
        >
          <Input.TextArea rows={3} maxLength={1000} placeholder={rt('night.noisePlaceholder')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
