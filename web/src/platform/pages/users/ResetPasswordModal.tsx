import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useServerError } from '../../../kit/index.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../widgets/ErrorAlert.tsx';
import { resetPassword, type User } from './users.api.ts';

/** Set a new password for an account; its sessions end. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const server = useServerError(form, ['password']);
  const reset = useMutation({
    mutationFn: (password: string) => resetPassword(user?.id ?? '', password),
    onSuccess: (r) => {
      void message.success(t('users.resetDone', { n: r.sessionsRevoked }));
      onClose();
    },
    onError: server.report,
  });
  return (
    <Modal
      open={user !== null}
      title={t('users.resetPasswordTitle', { name: user?.displayName ?? '' })}
      onCancel={onClose}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: reset.isPending }}
      destroyOnHidden
      afterClose={() => {
        form.resetFields();
        server.clear();
      }}
      modalRender={(dom) => (
        <Form
          form={form}
          name="reset-password"
          layout="vertical"
          onFinish={(v) => {
            server.clear();
            reset.mutate(v.password);
          }}
        >
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={server.error} />
      <Form.Item
        name="password"
        label={t('users.newPassword')}
        extra={t('users.passwordHint')}
        rules={[{ required: true, message: t('password.required') }]}
      >
        <Input.Password autoComplete="new-password" autoFocus />
      </Form.Item>
    </Modal>
  );
}
