import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import { useServerError } from '../../../kit/index.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../widgets/ErrorAlert.tsx';
import { type Unmasked, unmaskPerson } from './people.api.ts';

/** Asks why, then reveals the full citizen ID and mobile (POST /api/people/:id/unmask, audited). */
export function UnmaskModal({
  personId,
  personName,
  open,
  onClose,
  onUnmasked,
  afterClose,
}: {
  personId: string;
  personName: string;
  open: boolean;
  onClose: () => void;
  onUnmasked: (v: Unmasked) => void;
  /** Where the focus goes once the dialog has closed (the Unmask button is gone by then). */
  afterClose?: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const server = useServerError(form, ['reason']);
  const unmask = useMutation({
    mutationFn: (reason: string) => unmaskPerson(personId, reason),
    onSuccess: onUnmasked,
    onError: server.report,
  });
  return (
    <Modal
      open={open}
      title={`${t('people.unmaskTitle')} · ${personName}`}
      onCancel={onClose}
      okText={t('people.unmaskSubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: unmask.isPending }}
      destroyOnHidden
      focusable={{ focusTriggerAfterClose: false }}
      afterClose={() => {
        form.resetFields();
        server.clear();
        afterClose?.();
      }}
      modalRender={(dom) => (
        <Form
          form={form}
          name="unmask"
          layout="vertical"
          onFinish={(v) => {
            server.clear();
            unmask.mutate(v.reason.trim());
          }}
        >
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={server.error} />
      <Form.Item
        name="reason"
        label={t('people.unmaskReason')}
        extra={t('people.unmaskReasonHint')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.required', { field: t('people.unmaskReason') }),
          },
          { min: 2, message: t('people.unmaskReasonHint') },
        ]}
      >
        <Input.TextArea rows={3} maxLength={200} showCount autoFocus />
      </Form.Item>
    </Modal>
  );
}
