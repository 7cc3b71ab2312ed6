import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useServerError } from '../../kit/index.ts';
import { api, unwrap } from '../../platform/api/client.ts';
import type { ApiBody } from '../../platform/api/types.ts';
import { useT } from '../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../platform/widgets/ErrorAlert.tsx';

type Values = ApiBody<'/api/auth/password'> & { confirm: string };
const FIELDS = ['currentPassword', 'newPassword'] as const;

/** Change my password: the server checks the current one and the policy, and names the field at fault. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const server = useServerError(form, FIELDS);
  const change = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST('/api/auth/password', {
          body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
        }),
      ),
    onSuccess: () => {
      void message.success(t('password.changed'));
      onClose();
    },
    onError: server.report,
  });
  return (
    <Modal
      open={open}
      title={t('password.title')}
      onCancel={onClose}
      okText={t('password.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: change.isPending }}
      destroyOnHidden
      afterClose={() => {
        form.resetFields();
        server.clear();
      }}
      modalRender={(dom) => (
        <Form
          form={form}
          name="change-password"
          layout="vertical"
          onFinish={(v) => {
            server.clear();
            change.mutate(v);
          }}
        >
          {dom}
        </Form>
      )}
    >
      <p className="gf-muted">{t('password.hint')}</p>
      <ErrorAlert error={server.error} />
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('users.passwordHint')}
        rules={[{ required: true, message: t('password.required') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.required') },
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              !v || v === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </Modal>
  );
}
