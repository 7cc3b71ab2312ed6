import { lazy } from 'react';
import { defineWebModule } from '../../platform/module.ts';

/**
 * Urban organic renewal (城市有机更新). One route for the whole programme: its pages (at the
 * menu paths the server declares in server/src/modules/renewal/manifest.ts and
 * oversight/oversight.permissions.ts) are routed inside `RenewalRoutes`, each its own lazy
 * chunk, so registering the module adds only this entry to the bundle every page loads. The
 * route itself needs no permission: each page inside checks its own (the auditor opens the
 * ballots with renewal.ballot.read alone).
 */
export const renewalWebModule = defineWebModule({
  id: 'renewal',
  routes: [{ path: '/renewal/*', component: lazy(() => import('./RenewalRoutes.tsx')) }],
  publicRoutes: [
    { path: '/r/*', component: lazy(() => import('./communities/resident/ResidentRoutes.tsx')) },
  ],
});
