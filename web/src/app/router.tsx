import { lazy, Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import type { WebModule } from '../platform/module.ts';
import { Loading } from './Loading.tsx';
import { RoutePage } from './layout/RoutePage.tsx';
import { RootShell } from './RootShell.tsx';
import { RouteError } from './RouteError.tsx';

// Each of these is its own chunk: the login page does not pull the layout or any list page.
const LoginPage = lazy(() => import('../platform/pages/login/LoginPage.tsx'));
const AppLayout = lazy(() => import('./layout/AppLayout.tsx'));
const NotFoundPage = lazy(() => import('../platform/pages/not-found/NotFoundPage.tsx'));

/** The routes: login and modules' public pages, then the authenticated layout with every module's pages. */
export function appRoutes(modules: WebModule[]): RouteObject[] {
  return [
    {
      element: <RootShell />,
      errorElement: <RouteError />,
      children: [
        {
          path: '/login',
          element: (
            <Suspense fallback={<Loading full />}>
              <LoginPage />
            </Suspense>
          ),
        },
        ...modules.flatMap((m) =>
          (m.publicRoutes ?? []).map(({ path, component: Page }) => ({
            path,
            element: (
              <Suspense fallback={<Loading full />}>
                <Page />
              </Suspense>
            ),
          })),
        ),
        {
          element: (
            <Suspense fallback={<Loading full />}>
              <AppLayout />
            </Suspense>
          ),
          children: [
            ...modules.flatMap((m) =>
              m.routes.map((r) => ({ path: r.path, element: <RoutePage route={r} /> })),
            ),
            { path: '*', element: <RoutePage route={{ path: '*', component: NotFoundPage }} /> },
          ],
        },
      ],
    },
  ];
}

export const createAppRouter = (modules: WebModule[]) => createBrowserRouter(appRoutes(modules));
