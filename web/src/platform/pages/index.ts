import { lazy } from 'react';
import { defineWebModule } from '../module.ts';

/** The platform's own pages, registered the same way as a programme module's. */
export const platformWebModule = defineWebModule({
  id: 'platform',
  routes: [
    { path: '/', component: lazy(() => import('./home/HomePage.tsx')) },
    {
      path: '/regions',
      component: lazy(() => import('./regions/RegionsPage.tsx')),
      permission: 'region.read',
    },
    { path: '/orgs', component: lazy(() => import('./orgs/OrgsPage.tsx')), permission: 'org.read' },
    { path: '/people', component: lazy(() => import('./people/PeoplePage.tsx')), permission: 'person.read' },
    { path: '/users', component: lazy(() => import('./users/UsersPage.tsx')), permission: 'user.read' },
    { path: '/audit', component: lazy(() => import('./audit/AuditPage.tsx')), permission: 'audit.read' },
    {
      path: '/system/health',
      component: lazy(() => import('./health/HealthPage.tsx')),
      permission: 'system.health',
    },
  ],
});
