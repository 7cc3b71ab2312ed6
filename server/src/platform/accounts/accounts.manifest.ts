import { sql } from 'kysely';
import { namesIn } from '../audit/audit-labels.ts';
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
      icon: 'users',
      order: 90,
    },
  ],
  audit: {
    actions: {
      'user.create': { zh: '创建账号', en: 'Create an account' },
      'user.update': { zh: '修改账号信息', en: 'Update an account' },
      'user.grants': { zh: '调整角色与授权', en: 'Change roles and grants' },
      'user.disable': { zh: '停用账号', en: 'Disable an account' },
      'user.enable': { zh: '启用账号', en: 'Enable an account' },
      'user.unlock': { zh: '解除账号锁定', en: 'Unlock an account' },
      'user.reset_password': { zh: '重置密码', en: 'Reset a password' },
    },
    entities: {
      user: {
        label: { zh: '账号', en: 'Account' },
        names: namesIn('users', sql`display_name || '（' || username || '）'`),
      },
    },
  },
  routes: accountRoutes,
});
