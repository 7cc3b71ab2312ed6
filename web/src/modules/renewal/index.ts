import { lazy } from 'react';
import { defineWebModule } from '../../platform/module.ts';

/**
 * Urban organic renewal (城市有机更新). One route for the whole programme: its pages (at the
 * menu paths the server declares in server/src/modules/renewal/manifest.ts and
 * oversight/oversight.permissions.ts) are routed inside `RenewalRoutes`, each its own lazy
 * chunk, so registering the module adds only this entry to the bundle every page loads.
 */
export const renewalWebModule = defineWebModule({
  id: 'renewal',
  routes: [
    { path: '/renewal/*', component: lazy(() => import('./RenewalRoutes.tsx')), permission: 'renewal.read' },
  ],
  publicRoutes: [
    { path: '/r/*', component: lazy(() => import('./communities/resident/ResidentRoutes.tsx')) },
  ],
});
