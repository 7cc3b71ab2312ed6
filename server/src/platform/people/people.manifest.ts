import { type ModuleManifest, defineModule } from '../module/manifest.ts';

export const peopleModule: ModuleManifest = defineModule({
  id: 'people',
  name: { zh: '人员', en: 'People' },
  programme: false,
  dependsOn: ['platform'],
  permissions: [],
});
