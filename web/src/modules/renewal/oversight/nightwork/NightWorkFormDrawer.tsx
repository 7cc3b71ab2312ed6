import { Col, Form, Input, Row, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { FormDrawer } from '../../../../kit/index.ts';
import { api, unwrap } from '../../../../platform/api/client.ts';
import { useT } from '../../../../platform/i18n/i18n.tsx';
import { type NightWork, rk } from '../../api.ts';
import { useRT } from '../../i18n/rt.ts';
import { todayInChina } from '../../shared/dates.ts';
import { DateInput, dateItem, ProjectSelect } from '../../shared/widgets/fields.tsx';

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
  onSaved?: (n: NightWork) => void;
}) {
  const t = useT();
  const rt = useRT();
  const [form] = Form.useForm<Values>();
  const start = useMemo(() => {
    const today = todayInChina();
    return { projectId, firstNight: today, lastNight: today, startTime: '22:00', endTime: '06:00' };
  }, [projectId]);
  const req = (label: string) => [
    { required: true, whitespace: true, message: t('common.required', { field: label }) },
  ];
  return (
    <FormDrawer<Values, NightWork>
      open={open}
      onClose={onClose}
      onSaved={onSaved}
      title={rt('night.create')}
      size={620}
      form={form}
      name="renewal-night"
      initialValues={start}
      submit={(v) =>
        unwrap(
          api.POST('/api/renewal/night-work', {
            body: { ...v, reason: v.reason.trim(), noiseMeasures: v.noiseMeasures.trim() },
          }),
        )
      }
      invalidate={[rk.all]}
      okText={rt('night.submit')}
      savedMessage={rt('night.requested')}
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
    </FormDrawer>
  );
}
