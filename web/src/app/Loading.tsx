import { useT } from '../platform/i18n/i18n.tsx';

/** A light placeholder while a page's code or data loads (no antd import: it sits in the entry chunk). */
export function Loading({ full = false }: { full?: boolean }) {
  const t = useT();
  return (
    <div className={full ? 'gf-loading gf-loading-full' : 'gf-loading'} role="status" aria-live="polite">
      <span className="gf-spinner" aria-hidden />
      <span>{t('app.loading')}</span>
    </div>
  );
}
