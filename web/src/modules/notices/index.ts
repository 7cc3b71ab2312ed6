import { lazy } from 'react';
import { defineWebModule } from '../../platform/module.ts';

/** Example module (工作通知): the pattern programme modules follow on the web side. */
export const noticesWebModule = defineWebModule({
  id: 'notices',
  routes: [
    { path: '/notices', component: lazy(() => import('./pages/NoticesPage.tsx')), permission: 'notice.read' },
  ],
});
