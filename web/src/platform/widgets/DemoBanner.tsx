import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import { useT } from '../i18n/i18n.tsx';

export const statusQuery = {
  queryKey: ['status'],
  queryFn: () => unwrap(api.GET('/api/status')),
  staleTime: Number.POSITIVE_INFINITY,
} as const;

/** A coloured band on every page, login included, while the server runs with demo data. */
export function DemoBanner() {
  const t = useT();
  const { data } = useQuery(statusQuery);
  if (!data?.demo) return null;
  return (
    <div className="gf-demo-banner" role="note" aria-label={t('app.demoBanner')}>
      <strong>{t('app.demoBanner')}</strong>
      <span>{t('app.demoBannerNote')}</span>
    </div>
  );
}
