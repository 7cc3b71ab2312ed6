import type { RenewalPart } from '../renewal.part.ts';
import { seedFacilitiesDemo } from './demo/facilities.demo.ts';
import { districtRoutes } from './district.routes.ts';
import { facilityExcels } from './facility.excel.ts';
import { facilityMetrics } from './facility.metrics.ts';
import { facilityMenu, facilityPermissions } from './facility.scope.ts';
import * as m0006 from './migrations/0006-facilities.ts';
import { sewageRoutes } from './sewage.routes.ts';

/**
 * Rural sewage facilities (农村生活污水处理设施) with the villages they serve, water-quality
 * tests evaluated against DB33/973-2021, the coverage and compliance rates computed from those
 * records; and landscape districts (风貌区) with their acceptance status. Every list exports to
 * Excel, and so do the figures per year.
 */
export const facilitiesPart: RenewalPart = {
  permissions: facilityPermissions,
  migrations: { '0006-facilities': m0006 },
  routes: (app, s) => {
    sewageRoutes(app, s);
    districtRoutes(app, s);
  },
  menu: facilityMenu,
  excel: facilityExcels,
  demo: seedFacilitiesDemo,
  metrics: facilityMetrics,
};
