import { useMutation } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Space } from 'antd';
import { useEffect } from 'react';
import { useServerError } from '../../forms.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../widgets/ErrorAlert.tsx';
import { OrgSelect } from '../../widgets/OrgSelect.tsx';
import { GrantsEditor, type GrantValues, toGrants } from './GrantsEditor.tsx';
import { createUser, patchUser, putGrants, type User } from './users.api.ts';

interface Values {
  username?: string;
  displayName: string;
  password?: string;
  organisationId?: string | null;
  grants?: GrantValues[];
}

const FIELDS = ['username', 'displayName', 'password', 'organisationId', 'grants'] as const;

/** New account (username, name, password, grants) or edit one (name, organisation, grants). */
export function UserFormDrawer({
  user,
  onClose,
  onSaved,
}: {
  user: User | null | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const server = useServerError(form, FIELDS);
  const open = user !== undefined;

  useEffect(() => {
    if (!open) return;
    server.clear();
    form.resetFields();
    form.setFieldsValue(
      user
        ? {
            displayName: user.displayName,
            organisationId: user.organisationId,
            grants: user.grants.map((g) => ({
              role: g.role,
              regionCode: g.regionCode,
              programmes: g.programmes,
            })),
          }
        : { grants: [{ programmes: [] }] },
    );
  }, [open, user, form, server.clear]);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const grants = toGrants(v.grants);
      if (!user) {
        return createUser({
          username: (v.username ?? '').trim(),
          displayName: v.displayName.trim(),
          password: v.password ?? '',
          organisationId: v.organisationId ?? null,
          grants,
        });
      }
      await patchUser(user.id, {
        displayName: v.displayName.trim(),
        organisationId: v.organisationId ?? null,
      });
      return putGrants(user.id, grants);
    },
    onSuccess: () => {
      void message.success(t('common.saved'));
      onSaved();
    },
    onError: server.report,
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={user ? `${t('users.editTitle')} · ${user.username}` : t('users.create')}
      size={560}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" htmlType="submit" form="user-form" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      }
    >
      <ErrorAlert error={server.error} />
      <Form<Values>
        form={form}
        id="user-form"
        name="user"
        layout="vertical"
        onFinish={(v) => {
          server.clear();
          save.mutate(v);
        }}
      >
        {user ? null : (
          <Form.Item
            name="username"
            label={t('users.username')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: t('users.username') }),
              },
            ]}
          >
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('users.displayName') }),
            },
          ]}
        >
          <Input maxLength={64} />
        </Form.Item>
        {user ? null : (
          <Form.Item
            name="password"
            label={t('users.password')}
            extra={t('users.passwordHint')}
            rules={[{ required: true, message: t('common.required', { field: t('users.password') }) }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="organisationId" label={t('users.organisation')}>
          <OrgSelect placeholder={t('orgs.parentPlaceholder')} />
        </Form.Item>
        <h2 className="gf-section-title">{t('users.grants')}</h2>
        <GrantsEditor />
      </Form>
    </Drawer>
  );
}
