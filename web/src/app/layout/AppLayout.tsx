import { App as AntdApp, Layout } from 'antd';
import { useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { isApiError } from '../../platform/api/errors.ts';
import type { LoginState } from '../../platform/api/use-unauthorized.ts';
import { AuthProvider, useMeQuery } from '../../platform/auth/auth.tsx';
import { useI18n } from '../../platform/i18n/i18n.tsx';
import { useMenu } from '../../platform/menu.ts';
import { ScopeProvider } from '../../platform/scope/scope.tsx';
import { ErrorAlert } from '../../platform/widgets/ErrorAlert.tsx';
import { Loading } from '../Loading.tsx';
import { Crumbs } from './Crumbs.tsx';
import { HeaderBar } from './HeaderBar.tsx';
import { MainMenu } from './MainMenu.tsx';

/** The authenticated shell: side menu from the server, header (scope, language, user), breadcrumb, page. */
export default function AppLayout() {
  const me = useMeQuery();
  const location = useLocation();
  if (me.isPending) return <Loading full />;
  if (me.error) {
    if (isApiError(me.error) && me.error.status === 401) {
      const state: LoginState = { reason: me.error.code, from: `${location.pathname}${location.search}` };
      return <Navigate to="/login" replace state={state} />;
    }
    return (
      <main className="gf-centered">
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  return (
    <AuthProvider me={me.data}>
      <ScopeProvider me={me.data}>
        {/* antd's App (message, modal, notification hooks) is needed only after sign-in. */}
        <AntdApp>
          <Shell />
        </AntdApp>
      </ScopeProvider>
    </AuthProvider>
  );
}

/** The side menu's width: English labels are longer than Chinese ones ("Missing daily reports"). */
const SIDER_WIDTH = { 'zh-CN': 220, en: 256 } as const;

function Shell() {
  const { t, lang } = useI18n();
  const menu = useMenu();
  const [collapsed, setCollapsed] = useState(false);
  const entries = menu.data ?? [];
  return (
    <Layout className="gf-shell">
      <a className="gf-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Sider
        theme="light"
        width={SIDER_WIDTH[lang]}
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        trigger={null}
        className="gf-sider"
        id="gf-sider"
      >
        <div className="gf-brand" title={t('app.tagline')}>
          <span className="gf-brand-mark" aria-hidden>
            共
          </span>
          {collapsed ? null : <span className="gf-brand-name">{t('app.name')}</span>}
        </div>
        <nav aria-label={t('nav.main')}>
          <MainMenu entries={entries} />
        </nav>
      </Layout.Sider>
      <Layout>
        <HeaderBar collapsed={collapsed} onToggleMenu={() => setCollapsed((c) => !c)} />
        <Layout.Content id="main" tabIndex={-1} className="gf-content">
          <Crumbs entries={entries} />
          <ErrorAlert error={menu.error} onRetry={() => void menu.refetch()} />
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
