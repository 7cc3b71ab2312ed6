import { lazy, Suspense } from 'react';
import { useCan } from '../../platform/auth/auth.tsx';
import type { WebRoute } from '../../platform/module.ts';
import { Loading } from '../Loading.tsx';

const NoAccessPage = lazy(() => import('../../platform/pages/no-access/NoAccessPage.tsx'));

/** One module page inside the layout: a no-access notice without the permission, else the lazy page. */
export function RoutePage({ route }: { route: WebRoute }) {
  const can = useCan();
  const Page = route.permission && !can(route.permission) ? NoAccessPage : route.component;
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}
