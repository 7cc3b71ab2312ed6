import { Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router';
import { useT } from '../../platform/i18n/i18n.tsx';
import { entryFor, entryTrail, type MenuEntry } from '../../platform/menu.ts';
import { menuIcon } from './menu-icons.tsx';

type Item = NonNullable<MenuProps['items']>[number];

function toItems(entries: readonly MenuEntry[], parent: string | undefined): Item[] {
  return entries
    .filter(
      (e) =>
        e.parent === parent || (parent === undefined && e.parent && !entries.some((p) => p.key === e.parent)),
    )
    .map((e) => {
      const children = toItems(entries, e.key);
      const icon = menuIcon(e.icon);
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
    { key: '__home', icon: menuIcon('home'), label: <Link to="/">{t('nav.home')}</Link> },
    ...toItems(entries, undefined),
  ];
  return (
    <Menu
      // The open sections are the user's (uncontrolled): the current page's section is opened
      // once, when the entries first arrive. Before they do (a reload on a programme page) the
      // menu holds only home, so it is mounted again with the entries to open that section.
      key={entries.length > 0 ? 'entries' : 'loading'}
      mode="inline"
      items={items}
      selectedKeys={[pathname === '/' ? '__home' : (current?.key ?? '')]}
      defaultOpenKeys={trail.slice(0, -1).map((e) => e.key)}
      aria-label={t('nav.main')}
    />
  );
}
