import { namesIn } from '../audit/audit-labels.ts';
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
      icon: 'orgs',
      order: 70,
    },
  ],
  audit: {
    actions: {
      'org.create': { zh: '新增组织机构', en: 'Create an organisation' },
      'org.update': { zh: '修改组织机构', en: 'Update an organisation' },
      'org.close': { zh: '撤销组织机构', en: 'Close an organisation' },
    },
    entities: {
      organisation: { label: { zh: '组织机构', en: 'Organisation' }, names: namesIn('organisations') },
    },
  },
  routes: (app, s) => {
    organisationRoutes(app, s);
  },
  excel: [organisationsExcel],
  // Nothing for other modules yet; the demo seeder imports createOrganisation / insertOrganisation directly.
  exports: {},
});
