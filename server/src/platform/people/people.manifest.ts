import { maskName } from '@gongfu/domain/cn/mask';
import { namesIn } from '../audit/audit-labels.ts';
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
      icon: 'people',
      order: 20,
    },
  ],
  audit: {
    actions: {
      'person.create': { zh: '登记人员', en: 'Register a person' },
      'person.update': { zh: '修改人员信息', en: 'Update a person' },
      'person.lookup': { zh: '按身份证号查找人员', en: 'Look a person up by citizen ID' },
      'person.unmask': { zh: '查看完整证件号码或手机号码', en: 'Reveal a full citizen ID or mobile number' },
    },
    // the auditor does not read people: their names stay masked in the log's list
    entities: {
      person: { label: { zh: '人员', en: 'Person' }, names: namesIn('persons', 'name', maskName) },
    },
  },
  routes: (app, s) => personRoutes(app, s),
  excel: [peopleExcel],
  exports: { findOrCreatePersonByCitizenId },
});
