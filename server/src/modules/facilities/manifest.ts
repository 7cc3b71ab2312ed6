import { defineModule, type MenuEntry, type ModuleManifest } from '../../platform/kit/index.ts';
import { seedFacilitiesDemo } from './demo/facilities.demo.ts';
import { districtList } from './district.list.ts';
import { districtRoutes } from './district.routes.ts';
import { facilitiesAudit } from './facilities.audit.ts';
import { FACILITIES_READ, facilitiesPermissions } from './facilities.scope.ts';
import { facilityMetrics } from './facility.metrics.ts';
import * as m0006 from './migrations/0006-facilities.ts';
import * as m0007 from './migrations/0007-renewal-grants.ts';
import { facilityList, villageList, waterTestList } from './sewage.lists.ts';
import { sewageRoutes } from './sewage.routes.ts';
import { sewageYearExcel } from './sewage-summary.excel.ts';

const menu: MenuEntry[] = [
  {
    key: 'facilities',
    path: '/facilities',
    label: { zh: '农村污水与风貌', en: 'Rural sewage & landscape' },
    permission: FACILITIES_READ,
    icon: 'rural',
    order: 30,
  },
  {
    key: 'facilities.sewage',
    parent: 'facilities',
    path: '/facilities/sewage',
    label: { zh: '农村污水设施', en: 'Rural sewage facilities' },
    permission: FACILITIES_READ,
    icon: 'sewage',
    order: 31,
  },
  {
    key: 'facilities.districts',
    parent: 'facilities',
    path: '/facilities/districts',
    label: { zh: '城乡风貌区', en: 'Landscape districts' },
    permission: FACILITIES_READ,
    icon: 'landscape',
    order: 32,
  },
];

/**
 * Rural sewage facilities (农村生活污水处理设施) with the villages they serve, water-quality
 * tests evaluated against DB33/973-2021, the coverage and compliance rates computed from those
 * records; and landscape districts (风貌区) with their acceptance status (住建局). Every list
 * exports to Excel, and so do the figures per year. Built on the module kit alone.
 *
 * It was a part of the renewal module: its tables, audit codes and first migration keep the
 * names they had there, and `adoptsMigrations` takes that migration's record over from
 * renewal's history, so a database made before the move keeps its data and runs it only once.
 */
export const facilitiesModule: ModuleManifest = defineModule({
  id: 'facilities',
  name: { zh: '农村污水与城乡风貌', en: 'Rural sewage and landscape districts' },
  programme: true,
  dependsOn: ['platform', 'organisations'],
  permissions: facilitiesPermissions,
  migrations: { '0006-facilities': m0006, '0007-renewal-grants': m0007 },
  adoptsMigrations: { from: 'renewal', names: ['0006-facilities'] },
  routes: (app, s) => {
    sewageRoutes(app, s);
    districtRoutes(app, s);
  },
  menu,
  excel: [facilityList.excel, villageList.excel, waterTestList.excel, districtList.excel, sewageYearExcel],
  demo: seedFacilitiesDemo,
  metrics: facilityMetrics,
  audit: facilitiesAudit,
});
