import { type ModuleManifest, defineModule } from '../module/manifest.ts';

export const accountsModule: ModuleManifest = defineModule({
  id: 'accounts',
  name: { zh: '账号与角色', en: 'Accounts' },
  programme: false,
  dependsOn: ['platform'],
  permissions: [],
});
