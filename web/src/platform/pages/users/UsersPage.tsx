import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Popconfirm, Select, Space, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { PagedTable, useListParams, usePagedQuery } from '../../../kit/index.ts';
import { api, unwrap } from '../../api/client.ts';
import { useAuth, useCan } from '../../auth/auth.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { programmeLabel, roleLabel } from '../../labels.ts';
import { PageHeader } from '../../widgets/PageHeader.tsx';
import { RegionName } from '../../widgets/RegionName.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { RolesTable } from './RolesTable.tsx';
import { UserFormDrawer } from './UserFormDrawer.tsx';
import { type User, type UserQuery, useRoles, userAction, userKeys } from './users.api.ts';

const FILTERS = ['q', 'role', 'status'] as const;
const TAB = ['tab'] as const;

/** Accounts and roles (security administrator): create, grants, disable/enable, unlock, reset password. */
export default function UsersPage() {
  const { t } = useI18n();
  const tabs = useListParams({ filters: TAB });
  const tab = tabs.filters.tab === 'roles' ? 'roles' : 'users';
  return (
    <>
      <PageHeader title={t('users.title')} description={t('users.description')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => tabs.setFilters(k === 'roles' ? { tab: 'roles' } : {})}
        items={[
          { key: 'users', label: t('users.tabUsers'), children: tab === 'users' ? <UsersTab /> : null },
          { key: 'roles', label: t('users.tabRoles'), children: tab === 'roles' ? <RolesTable /> : null },
        ]}
      />
    </>
  );
}

function UsersTab() {
  const { t, lang } = useI18n();
  const fmt = useFormat();
  const me = useAuth();
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const list = useListParams({ filters: FILTERS });
  const roles = useRoles();
  const [editing, setEditing] = useState<User | null | undefined>(undefined);
  const [resetting, setResetting] = useState<User | null>(null);

  const query: UserQuery = useMemo(
    () => ({
      q: list.filters.q,
      role: list.filters.role as UserQuery['role'],
      status: list.filters.status as UserQuery['status'],
    }),
    [list.filters],
  );
  const users = usePagedQuery({
    list,
    query,
    queryKey: (q) => [...userKeys.all, 'list', q],
    fetch: (q) => unwrap(api.GET('/api/users', { params: { query: q } })),
  });
  const act = useMutation({
    mutationFn: (v: { user: User; action: 'disable' | 'enable' | 'unlock' }) =>
      userAction(v.user.id, v.action),
    onSuccess: () => {
      void message.success(t('users.done'));
      void qc.invalidateQueries({ queryKey: userKeys.all });
    },
    onError: (e) => void message.error(e.message),
  });

  const writable = can('user.write');
  return (
    <>
      {writable ? (
        <div className="gf-block">
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
            {t('users.create')}
          </Button>
        </div>
      ) : null}
      <PagedTable
        list={list}
        result={users}
        filters={
          <>
            <Form.Item name="q" label={t('common.keyword')}>
              <Input placeholder={t('users.searchPlaceholder')} allowClear />
            </Form.Item>
            <Form.Item name="role" label={t('users.roleFilter')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 160 }}
                options={(roles.data ?? []).map((r) => ({
                  value: r.role,
                  label: lang === 'en' ? r.name.en : r.name.zh,
                }))}
              />
            </Form.Item>
            <Form.Item name="status" label={t('users.status')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 120 }}
                options={[
                  { value: 'active', label: t('users.active') },
                  { value: 'disabled', label: t('users.disabled') },
                  { value: 'locked', label: t('users.locked') },
                ]}
              />
            </Form.Item>
          </>
        }
        size="middle"
        aria-label={t('users.table')}
        rowKey="id"
        scroll={{ x: 1100 }}
        columns={[
          { title: t('users.username'), dataIndex: 'username', width: 120 },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          {
            title: t('users.grants'),
            dataIndex: 'grants',
            render: (gs: User['grants']) => (
              <Space orientation="vertical" size={2}>
                {gs.map((g) => (
                  <span key={`${g.role}:${g.regionCode}:${g.programmes.join(',')}`}>
                    <Tag color="blue">{roleLabel(t, g.role)}</Tag>
                    {g.regionCode ? <RegionName code={g.regionCode} /> : t('home.everywhere')}
                    {g.programmes.length > 0
                      ? ` · ${g.programmes.map((p) => programmeLabel(t, p)).join('、')}`
                      : ''}
                  </span>
                ))}
              </Space>
            ),
          },
          {
            title: t('users.status'),
            key: 'status',
            width: 130,
            render: (_, u) => (
              <Space size={4} wrap>
                <Tag color={u.status === 'active' ? 'green' : 'default'}>
                  {u.status === 'active' ? t('users.active') : t('users.disabled')}
                </Tag>
                {u.locked ? <Tag color="red">{t('users.locked')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', width: 170, render: fmt.dateTime },
          ...(writable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 250,
                  fixed: 'right' as const,
                  render: (_: unknown, u: User) => {
                    const self = u.id === me.id;
                    return (
                      <Space size={0} wrap>
                        <Button
                          type="link"
                          onClick={() => setEditing(u)}
                          aria-label={`${t('common.edit')} ${u.username}`}
                        >
                          {t('common.edit')}
                        </Button>
                        {u.status === 'active' ? (
                          <Popconfirm
                            title={t('users.disableConfirm', { name: u.displayName })}
                            okText={t('users.disable')}
                            cancelText={t('common.cancel')}
                            okButtonProps={{ danger: true }}
                            onConfirm={() => act.mutateAsync({ user: u, action: 'disable' })}
                            disabled={self}
                          >
                            <Button
                              type="link"
                              danger
                              disabled={self}
                              aria-label={`${t('users.disable')} ${u.username}`}
                            >
                              {t('users.disable')}
                            </Button>
                          </Popconfirm>
                        ) : (
                          <Button
                            type="link"
                            onClick={() => act.mutate({ user: u, action: 'enable' })}
                            aria-label={`${t('users.enable')} ${u.username}`}
                          >
                            {t('users.enable')}
                          </Button>
                        )}
                        {u.locked ? (
                          <Button
                            type="link"
                            onClick={() => act.mutate({ user: u, action: 'unlock' })}
                            aria-label={`${t('users.unlock')} ${u.username}`}
                          >
                            {t('users.unlock')}
                          </Button>
                        ) : null}
                        <Button
                          type="link"
                          disabled={self}
                          onClick={() => setResetting(u)}
                          aria-label={`${t('users.resetPassword')} ${u.username}`}
                        >
                          {t('users.resetPassword')}
                        </Button>
                      </Space>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
      <UserFormDrawer user={editing} onClose={() => setEditing(undefined)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
