import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import { useServerError } from '../../../kit/index.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../widgets/ErrorAlert.tsx';
import { lookupPerson, type Person } from './people.api.ts';

/** Exact lookup by citizen ID (POST /api/people/lookup, audited); opens the person found. */
export function LookupModal({
  open,
  onClose,
  onFound,
}: {
  open: boolean;
  onClose: () => void;
  onFound: (p: Person) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ citizenId: string }>();
  const server = useServerError(form, ['citizenId']);
  const lookup = useMutation({
    mutationFn: (id: string) => lookupPerson(id),
    onSuccess: onFound,
    onError: server.report,
  });
  return (
    <Modal
      open={open}
      title={t('people.lookupTitle')}
      onCancel={onClose}
      okText={t('people.lookupSubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: lookup.isPending }}
      destroyOnHidden
      afterClose={() => {
        form.resetFields();
        server.clear();
      }}
      modalRender={(dom) => (
        <Form
          form={form}
          name="lookup"
          layout="vertical"
          onFinish={(v) => {
            server.clear();
            lookup.mutate(v.citizenId.trim());
          }}
        >
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={server.error} />
      <Form.Item
        name="citizenId"
        label={t('people.citizenId')}
        extra={t('people.lookupHint')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.required', { field: t('people.citizenId') }),
          },
        ]}
      >
        <Input maxLength={18} className="gf-mono" autoComplete="off" autoFocus />
      </Form.Item>
    </Modal>
  );
}
