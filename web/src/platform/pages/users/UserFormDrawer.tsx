import { Form, Input } from 'antd';
import { useMemo } from 'react';
import { FormDrawer } from '../../../kit/index.ts';
import { useT } from '../../i18n/i18n.tsx';
import { OrgSelect } from '../../widgets/OrgSelect.tsx';
import { GrantsEditor, type GrantValues, toGrants } from './GrantsEditor.tsx';
import { createUser, patchUser, putGrants, type User, userKeys } from './users.api.ts';

interface Values {
  username?: string;
  displayName: string;
  password?: string;
  organisationId?: string | null;
  grants?: GrantValues[];
}

/** New account (username, name, password, grants) or edit one (name, organisation, grants). */
export function UserFormDrawer({
  user,
  onClose,
  onSaved,
}: {
  user: User | null | undefined;
  onClose: () => void;
  onSaved?: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const open = user !== undefined;
  const start = useMemo(
    () =>
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
    [user],
  );
  const submit = async (v: Values) => {
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
  };

  return (
    <FormDrawer<Values, unknown>
      open={open}
      onClose={onClose}
      onSaved={onSaved}
      title={user ? `${t('users.editTitle')} · ${user.username}` : t('users.create')}
      size={560}
      form={form}
      name="user"
      initialValues={start}
      submit={submit}
      invalidate={[userKeys.all]}
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
    </FormDrawer>
  );
}
