import {
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Layout } from 'antd';
import { useState } from 'react';
import { useAuth, useCan, useLogout } from '../../platform/auth/auth.tsx';
import { useT } from '../../platform/i18n/i18n.tsx';
import { NotificationBell } from '../../platform/notifications/NotificationBell.tsx';
import { useScope } from '../../platform/scope/scope.tsx';
import { LanguageSwitch } from '../../platform/widgets/LanguageSwitch.tsx';
import { RegionSelect } from '../../platform/widgets/RegionSelect.tsx';
import { ChangePasswordModal } from './ChangePasswordModal.tsx';

/** Header: data scope switcher, language switch, user menu (change password, sign out). */
export function HeaderBar({ collapsed, onToggleMenu }: { collapsed: boolean; onToggleMenu: () => void }) {
  const t = useT();
  const me = useAuth();
  const can = useCan();
  const scope = useScope();
  const logout = useLogout();
  const [passwordOpen, setPasswordOpen] = useState(false);
  return (
    <Layout.Header className="gf-header">
      <div className="gf-header-scope">
        <Button
          type="text"
          icon={collapsed ? <MenuUnfoldOutlined aria-hidden /> : <MenuFoldOutlined aria-hidden />}
          aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
          aria-expanded={!collapsed}
          aria-controls="gf-sider"
          onClick={onToggleMenu}
        />
        {can('region.read') ? (
          <>
            <label htmlFor="gf-scope" className="gf-header-label">
              {t('scope.label')}
            </label>
            <RegionSelect
              id="gf-scope"
              value={scope.regionCode}
              onChange={scope.setRegionCode}
              placeholder={t('scope.all')}
              style={{ width: '100%', maxWidth: 260, minWidth: 0 }}
            />
          </>
        ) : null}
      </div>
      <div className="gf-header-actions">
        <NotificationBell />
        <LanguageSwitch />
        <Dropdown
          trigger={['click']}
          autoFocus
          menu={{
            items: [
              { key: 'password', icon: <KeyOutlined aria-hidden />, label: t('user.changePassword') },
              { type: 'divider' },
              { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: t('user.logout'), danger: true },
            ],
            onClick: ({ key }) => {
              if (key === 'password') setPasswordOpen(true);
              if (key === 'logout') void logout();
            },
          }}
        >
          <Button
            type="text"
            icon={<UserOutlined aria-hidden />}
            aria-label={`${me.displayName} · ${t('user.menu')}`}
          >
            <span className="gf-user-name">{me.displayName}</span>
            <DownOutlined aria-hidden />
          </Button>
        </Dropdown>
      </div>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout.Header>
  );
}
