import { defineModule, type ModuleManifest } from '../module/manifest.ts';
import { organisationsExcel } from './organisation.excel.ts';
import { ORG_READ, ORG_WRITE } from './organisation.policy.ts';
import { organisationRoutes } from './organisation.routes.ts';

export const orgsModule: ModuleManifest = defineModule({
  id: 'organisations',
  name: { zh: '组织机构', en: 'Organisations' },
  programme: false,
  dependsOn: ['platform'],
  permissions: [
    {
      key: ORG_READ,
      name: { zh: '查看组织机构', en: 'View organisations' },
      roles: ['sysadmin', 'secadmin', 'staff', 'leader'],
    },
    {
      key: ORG_WRITE,
      name: { zh: '维护组织机构', en: 'Maintain organisations' },
      roles: ['sysadmin', 'staff'],
    },
  ],
  menu: [
    {
      key: 'orgs',
      path: '/orgs',
      label: { zh: '组织机构', en: 'Organisations' },
      permission: ORG_READ,
      order: 70,
    },
  ],
  routes: (app, s) => {
    organisationRoutes(app, s);
  },
  excel: [organisationsExcel],
  // Nothing for other modules yet; the demo seeder imports createOrganisation / insertOrganisation directly.
  exports: {},
});
