import { lazy } from 'react';
import { defineWebModule } from '../../platform/module.ts';
import { redirectTo } from './redirect.tsx';

const READ = 'facilities.read';

/**
 * Rural sewage facilities and landscape districts (农村污水与风貌): two pages, at the menu paths
 * the server declares (server/src/modules/facilities/manifest.ts). They were renewal's pages at
 * /renewal/facilities and /renewal/districts: those addresses (bookmarks, links in documents)
 * lead to the new ones.
 */
export const facilitiesWebModule = defineWebModule({
  id: 'facilities',
  routes: [
    { path: '/facilities', component: redirectTo('/facilities/sewage') },
    { path: '/facilities/sewage', component: lazy(() => import('./FacilitiesPage.tsx')), permission: READ },
    { path: '/facilities/districts', component: lazy(() => import('./DistrictsPage.tsx')), permission: READ },
    { path: '/renewal/facilities', component: redirectTo('/facilities/sewage') },
    { path: '/renewal/districts', component: redirectTo('/facilities/districts') },
  ],
});
