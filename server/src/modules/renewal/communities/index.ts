import type { RenewalPart } from '../shared/renewal.part.ts';
import { communityList, unitList } from './community.list.ts';
import { communityMetrics } from './community.metrics.ts';
import { communityRoutes } from './community.routes.ts';
import { communityMenu, communityPermissions } from './community.scope.ts';
import { seedCommunitiesDemo } from './demo/communities.demo.ts';
import * as m0003 from './migrations/0003-communities.ts';
import * as m0004 from './migrations/0004-surveys.ts';
import { residentRoutes } from './resident.routes.ts';
import { notHeardExcel, surveyResultExcel } from './survey.excel.ts';
import { surveyRoutes } from './survey.routes.ts';

/**
 * Old-community renovation (老旧小区改造): the community register (buildings, units, exclusive
 * areas, owners), residents' one-time links, and the surveys before (问需于民) and after
 * (问效于民) the works.
 */
export const communitiesPart: RenewalPart = {
  permissions: communityPermissions,
  migrations: { '0003-communities': m0003, '0004-surveys': m0004 },
  routes: (app, s) => {
    communityRoutes(app, s);
    surveyRoutes(app, s);
    residentRoutes(app, s);
  },
  menu: communityMenu,
  excel: [communityList.excel, unitList.excel, surveyResultExcel, notHeardExcel],
  metrics: communityMetrics,
  demo: seedCommunitiesDemo,
};
