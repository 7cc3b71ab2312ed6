import type { RenewalPart } from '../shared/renewal.part.ts';
import { actionItemList } from './action-item.list.ts';
import { actionItemRoutes } from './action-item.routes.ts';
import { seedOversightDemo } from './demo/oversight.demo.ts';
import { findingList } from './finding.list.ts';
import { findingRoutes } from './finding.routes.ts';
import { inspectionList } from './inspection.list.ts';
import { inspectionRoutes } from './inspection.routes.ts';
import { meetingList } from './meeting.list.ts';
import { meetingRoutes } from './meeting.routes.ts';
import * as m0002 from './migrations/0002-oversight.ts';
import { nightWorkList } from './night-work.list.ts';
import { nightWorkRoutes } from './night-work.routes.ts';
import { overdueAlertsSchedule } from './overdue-alerts.job.ts';
import { oversightMenu, oversightPermissions } from './oversight.permissions.ts';

/**
 * The oversight part of the renewal module: supervision meetings (督查例会) with action items,
 * third-party safety inspections (第三方安全巡查) with findings tracked to closure (销号), and
 * night-work coordination (夜间施工), each list declared once (`<entity>.list.ts`: the paged
 * route and its Excel export). The renewal manifest spreads these parts into itself; the
 * migration runs after 0001-projects in the module's one history.
 */
export const oversightParts: RenewalPart = {
  permissions: oversightPermissions,
  migrations: { '0002-oversight': m0002 },
  routes: (app, s) => {
    meetingRoutes(app, s);
    actionItemRoutes(app, s);
    inspectionRoutes(app, s);
    findingRoutes(app, s);
    nightWorkRoutes(app, s);
  },
  schedules: [overdueAlertsSchedule],
  menu: oversightMenu,
  excel: [
    meetingList.excel,
    actionItemList.excel,
    inspectionList.excel,
    findingList.excel,
    nightWorkList.excel,
  ],
  demo: seedOversightDemo,
};

/** The name the renewal manifest imports. */
export { oversightParts as oversight };
