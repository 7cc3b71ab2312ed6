import { Outlet } from 'react-router';
import { useUnauthorizedRedirect } from '../platform/api/use-unauthorized.ts';
import { DemoBanner } from '../platform/widgets/DemoBanner.tsx';

/** Around every page, login included: the demo banner and the 401 → login redirect. */
export function RootShell() {
  useUnauthorizedRedirect();
  return (
    <>
      <DemoBanner />
      <Outlet />
    </>
  );
}
