import { defineModule, type ModuleManifest } from '../module/manifest.ts';
import { accountRoutes } from './account.routes.ts';

export const accountsModule: ModuleManifest = defineModule({
  id: 'accounts',
  name: { zh: '账号与角色', en: 'Accounts' },
  programme: false,
  dependsOn: ['platform'],
  permissions: [
    { key: 'user.read', name: { zh: '查看账号与角色', en: 'View accounts and roles' }, roles: ['secadmin'] },
    {
      key: 'user.write',
      name: { zh: '管理账号与授权', en: 'Manage accounts and grants' },
      roles: ['secadmin'],
    },
  ],
  menu: [
    {
      key: 'users',
      path: '/users',
      label: { zh: '账号与角色', en: 'Users & roles' },
      permission: 'user.read',
      order: 90,
    },
  ],
  routes: accountRoutes,
});
