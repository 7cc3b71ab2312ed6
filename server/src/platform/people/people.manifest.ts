import { defineModule, type ModuleManifest } from '../module/manifest.ts';
import { peopleExcel } from './person.excel.ts';
import { personRoutes } from './person.routes.ts';
import { findOrCreatePersonByCitizenId } from './person.service.ts';

export const peopleModule: ModuleManifest = defineModule({
  id: 'people',
  name: { zh: '人员', en: 'People' },
  programme: false,
  dependsOn: ['platform'],
  permissions: [
    {
      key: 'person.read',
      name: { zh: '查看人员（脱敏）', en: 'View people (masked)' },
      roles: ['staff', 'leader'],
    },
    { key: 'person.write', name: { zh: '登记和修改人员', en: 'Register and edit people' }, roles: ['staff'] },
    {
      key: 'person.unmask',
      name: { zh: '查看完整身份证号码和手机号码', en: 'Reveal full citizen IDs and mobile numbers' },
      roles: ['staff'],
    },
  ],
  menu: [
    {
      key: 'people',
      path: '/people',
      label: { zh: '人员', en: 'People' },
      permission: 'person.read',
      order: 20,
    },
  ],
  routes: (app, s) => personRoutes(app, s),
  excel: [peopleExcel],
  exports: { findOrCreatePersonByCitizenId },
});
