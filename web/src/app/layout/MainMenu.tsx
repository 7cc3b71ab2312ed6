import {
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BuildOutlined,
  CommentOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileExclamationOutlined,
  HomeOutlined,
  IssuesCloseOutlined,
  MoonOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useT } from '../../platform/i18n/i18n.tsx';
import { entryFor, entryTrail, type MenuEntry } from '../../platform/menu.ts';

/** Icons by the entry's `icon` (or its key); programme modules may add theirs here. */
const ICONS: Record<string, ReactNode> = {
  home: <HomeOutlined aria-hidden />,
  people: <TeamOutlined aria-hidden />,
  orgs: <ApartmentOutlined aria-hidden />,
  regions: <EnvironmentOutlined aria-hidden />,
  users: <UserSwitchOutlined aria-hidden />,
  audit: <AuditOutlined aria-hidden />,
  health: <DashboardOutlined aria-hidden />,
  // renewal (城市有机更新): server/src/modules/renewal/manifest.ts and oversight/oversight.permissions.ts
  renewal: <BuildOutlined aria-hidden />,
  'renewal.projects': <ProjectOutlined aria-hidden />,
  'renewal.reports.missing': <FileExclamationOutlined aria-hidden />,
  'renewal.issues': <IssuesCloseOutlined aria-hidden />,
  'renewal.meetings': <CommentOutlined aria-hidden />,
  'renewal.inspections': <SafetyCertificateOutlined aria-hidden />,
  'renewal.night-work': <MoonOutlined aria-hidden />,
};

type Item = NonNullable<MenuProps['items']>[number];

function toItems(entries: readonly MenuEntry[], parent: string | undefined): Item[] {
  return entries
    .filter(
      (e) =>
        e.parent === parent || (parent === undefined && e.parent && !entries.some((p) => p.key === e.parent)),
    )
    .map((e) => {
      const children = toItems(entries, e.key);
      const icon = ICONS[e.icon ?? e.key] ?? <AppstoreOutlined aria-hidden />;
      return children.length > 0
        ? { key: e.key, icon, label: e.label, children }
        : { key: e.key, icon, label: <Link to={e.path}>{e.label}</Link> };
    });
}

/** The side menu: home, then the server's entries for this user. Each item is a real link. */
export function MainMenu({ entries }: { entries: readonly MenuEntry[] }) {
  const t = useT();
  const { pathname } = useLocation();
  const current = entryFor(entries, pathname);
  const trail = entryTrail(entries, current);
  const items: Item[] = [
    { key: '__home', icon: ICONS.home, label: <Link to="/">{t('nav.home')}</Link> },
    ...toItems(entries, undefined),
  ];
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[pathname === '/' ? '__home' : (current?.key ?? '')]}
      defaultOpenKeys={trail.slice(0, -1).map((e) => e.key)}
      aria-label={t('nav.main')}
    />
  );
}
