import { type ModuleManifest, defineModule } from '../module/manifest.ts';

export const orgsModule: ModuleManifest = defineModule({
  id: 'organisations',
  name: { zh: '组织机构', en: 'Organisations' },
  programme: false,
  dependsOn: ['platform'],
  permissions: [],
});
