import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Descriptions, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, unwrap } from '../../../platform/api/client.ts';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { type Community, ck } from './api.ts';
import { useCT } from './i18n/ct.ts';

/** 验收: the acceptance of the renovation, with the satisfaction taken from the published survey. */
export function AcceptanceTab({ community }: { community: Community }) {
  const ct = useCT();
  const qc = useQueryClient();
  const a = community.acceptance;
  const save = useMutation({
    mutationFn: (v: { acceptedOn: Dayjs; acceptedBy: string; note?: string }) =>
      unwrap(
        api.POST('/api/renewal/communities/{id}/acceptance', {
          params: { path: { id: community.id } },
          body: {
            acceptedOn: v.acceptedOn.format('YYYY-MM-DD'),
            acceptedBy: v.acceptedBy,
            note: v.note ?? null,
          },
        }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ck.all }),
  });
  if (a) {
    return (
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { label: ct('accept.on'), children: a.acceptedOn },
          { label: ct('accept.by'), children: a.acceptedBy },
          {
            label: ct('field.satisfaction'),
            children: a.rated > 0 ? ct('accept.rate', { rate: a.satisfactionRate }) : ct('accept.rateNone'),
          },
          { label: ct('accept.note'), children: a.note },
        ]}
      />
    );
  }
  if (!community.can.update) return <p>{ct('accept.none')}</p>;
  return (
    <Form layout="vertical" style={{ maxWidth: 480 }} onFinish={(v) => save.mutate(v)}>
      <ErrorAlert error={save.error} />
      <Form.Item name="acceptedOn" label={ct('accept.on')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="acceptedBy" label={ct('accept.by')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="note" label={ct('accept.note')}>
        <Input.TextArea maxLength={1000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {ct('accept.record')}
      </Button>
    </Form>
  );
}
