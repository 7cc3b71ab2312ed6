import { Table, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../widgets/ErrorAlert.tsx';
import { type Role, useRoles } from './users.api.ts';

/** The built-in roles and the permissions each holds (GET /api/roles). */
export function RolesTable() {
  const { t, lang } = useI18n();
  const roles = useRoles();
  return (
    <>
      <ErrorAlert error={roles.error} onRetry={() => void roles.refetch()} />
      <Table<Role>
        size="middle"
        aria-label={t('roles.table')}
        rowKey="role"
        loading={roles.isPending}
        dataSource={roles.data}
        pagination={false}
        columns={[
          { title: t('roles.role'), dataIndex: 'role', width: 120, render: (r: string) => <code>{r}</code> },
          {
            title: t('roles.name'),
            dataIndex: 'name',
            width: 180,
            render: (n: Role['name']) => (lang === 'en' ? n.en : n.zh),
          },
          {
            title: t('roles.exclusive'),
            dataIndex: 'exclusive',
            width: 140,
            render: (x: boolean) => (x ? <Tag color="orange">{t('common.yes')}</Tag> : t('common.no')),
          },
          {
            title: t('roles.permissions'),
            dataIndex: 'permissions',
            render: (ps: string[]) => (
              <span className="gf-tags">
                {ps.map((p) => (
                  <Tag key={p} className="gf-mono">
                    {p}
                  </Tag>
                ))}
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
