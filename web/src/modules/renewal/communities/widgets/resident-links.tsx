import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { statusQuery } from '../../../../platform/widgets/DemoBanner.tsx';
import { useCT } from '../i18n/ct.ts';

/**
 * Where residents' one-time links (/r/s/…, /r/b/…) and their QR codes point: the public address
 * the server is configured with (GONGFU_PUBLIC_URL, from /api/status), or, when none is set, the
 * staff member's own browser address — which may be 127.0.0.1 or an intranet name residents'
 * phones cannot open, so the staff pages that show links then warn (`PublicUrlAlert`).
 */
export function useResidentLinks() {
  const status = useQuery(statusQuery);
  const publicUrl = status.data?.publicUrl ?? null;
  const base = publicUrl ?? window.location.origin;
  return {
    /** False until the server has said whether a public address is set (avoids printing the wrong one). */
    ready: status.isSuccess || status.isError,
    configured: publicUrl !== null,
    urlOf: (path: string) => `${base}${path}`,
  };
}

/** The warning shown above a link sheet when the server has no public address. */
export function PublicUrlAlert({ links }: { links: ReturnType<typeof useResidentLinks> }) {
  const ct = useCT();
  if (!links.ready || links.configured) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={ct('links.noPublicUrl', { origin: window.location.origin })}
      description={ct('links.noPublicUrlHint')}
      style={{ marginBottom: 16 }}
    />
  );
}
