import { type ComponentType, type LazyExoticComponent, lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import type { PermissionKey } from '../../api/permissions.generated.ts';
import { Loading } from '../../app/Loading.tsx';
import { useCan } from '../../platform/auth/auth.tsx';
import { ballotPages } from './ballots/pages.ts';
import { communityPages } from './communities/pages.ts';
import type { RenewalPage } from './pages.ts';

const READ = 'renewal.read';
const OVERSIGHT = 'renewal.oversight.read';

const NoAccessPage = lazy(() => import('../../platform/pages/no-access/NoAccessPage.tsx'));
const NotFoundPage = lazy(() => import('../../platform/pages/not-found/NotFoundPage.tsx'));

/** The renewal pages, relative to /renewal; each is fetched only when opened. */
const PAGES: RenewalPage[] = [
  { path: 'projects', page: lazy(() => import('./projects/ProjectsPage.tsx')), permission: READ },
  { path: 'projects/:id', page: lazy(() => import('./projects/ProjectDetailPage.tsx')), permission: READ },
  {
    path: 'projects/:id/report',
    page: lazy(() => import('./reports/DailyReportPage.tsx')),
    permission: 'renewal.report',
  },
  { path: 'reports/missing', page: lazy(() => import('./reports/MissingReportsPage.tsx')), permission: READ },
  { path: 'issues', page: lazy(() => import('./reports/IssuesPage.tsx')), permission: READ },
  {
    path: 'meetings',
    page: lazy(() => import('./oversight/meetings/MeetingsPage.tsx')),
    permission: OVERSIGHT,
  },
  {
    path: 'meetings/:id',
    page: lazy(() => import('./oversight/meetings/MeetingDetailPage.tsx')),
    permission: OVERSIGHT,
  },
  {
    path: 'inspections',
    page: lazy(() => import('./oversight/inspections/InspectionsPage.tsx')),
    permission: OVERSIGHT,
  },
  {
    path: 'inspections/:id',
    page: lazy(() => import('./oversight/inspections/InspectionDetailPage.tsx')),
    permission: OVERSIGHT,
  },
  {
    path: 'night-work',
    page: lazy(() => import('./oversight/nightwork/NightWorkPage.tsx')),
    permission: OVERSIGHT,
  },
  // parts built in their own folders list their pages beside them
  ...communityPages,
  ...ballotPages,
];

function Page({
  page: P,
  permission,
}: {
  page: LazyExoticComponent<ComponentType>;
  permission?: PermissionKey;
}) {
  const can = useCan();
  const Shown = !permission || can(permission) ? P : NoAccessPage;
  return (
    <Suspense fallback={<Loading />}>
      <Shown />
    </Suspense>
  );
}

/** /renewal/* — each page checks its own permission; the programme's own entry opens the project register. */
export default function RenewalRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="/renewal/projects" replace />} />
      {PAGES.map((p) => (
        <Route key={p.path} path={p.path} element={<Page page={p.page} permission={p.permission} />} />
      ))}
      <Route path="*" element={<Page page={NotFoundPage} />} />
    </Routes>
  );
}
