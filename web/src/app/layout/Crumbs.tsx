import { Breadcrumb } from 'antd';
import { Link, useLocation } from 'react-router';
import { useT } from '../../platform/i18n/i18n.tsx';
import { entryFor, entryTrail, type MenuEntry } from '../../platform/menu.ts';

/** Home / parent / page, from the menu entries. */
export function Crumbs({ entries }: { entries: readonly MenuEntry[] }) {
  const t = useT();
  const { pathname } = useLocation();
  const trail = pathname === '/' ? [] : entryTrail(entries, entryFor(entries, pathname));
  const items = [
    { key: 'home', title: pathname !== '/' ? <Link to="/">{t('nav.home')}</Link> : t('nav.home') },
    ...trail.map((e, i) => ({
      key: e.key,
      title: i < trail.length - 1 ? <Link to={e.path}>{e.label}</Link> : e.label,
    })),
  ];
  return <Breadcrumb className="gf-crumbs" items={items} aria-label={t('nav.breadcrumb')} />;
}
