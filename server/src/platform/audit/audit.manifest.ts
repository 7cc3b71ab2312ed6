import { type ModuleManifest, defineModule } from '../module/manifest.ts';

export const auditModule: ModuleManifest = defineModule({
  id: 'audit',
  name: { zh: '审计日志', en: 'Audit' },
  programme: false,
  dependsOn: ['platform'],
  permissions: [],
});
