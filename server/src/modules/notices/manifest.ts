import { systemContext } from '../../platform/accounts/create-user.ts';
import { shanghaiDate } from '../../platform/clock.ts';
import { defineModule, type ModuleManifest } from '../../platform/module/manifest.ts';
import * as m0001 from './migrations/0001-notices.ts';
import { countNotices, insertNotice } from './notice.repo.ts';
import { noticeRoutes } from './notice.routes.ts';

/**
 * Example module (工作通知): the smallest module that uses every part of the manifest.
 * It stands in until the first programme module lands, and is deleted then.
 */
export const noticesModule: ModuleManifest = defineModule({
  id: 'notices',
  name: { zh: '工作通知', en: 'Work notices' },
  programme: false,
  dependsOn: ['platform'],
  permissions: [
    { key: 'notice.read', name: { zh: '查看工作通知', en: 'Read work notices' }, roles: ['staff', 'leader'] },
    { key: 'notice.publish', name: { zh: '发布工作通知', en: 'Publish work notices' }, roles: ['staff'] },
  ],
  migrations: { '0001-notices': m0001 },
  routes: noticeRoutes,
  menu: [
    {
      key: 'notices',
      path: '/notices',
      label: { zh: '工作通知', en: 'Work notices' },
      permission: 'notice.read',
      order: 10,
    },
  ],
  metrics: [
    {
      key: 'notices.published',
      name: { zh: '已发布通知数', en: 'Notices published' },
      unit: { zh: '条', en: 'notices' },
      compute: (s, scope) => countNotices(s.db, scope.regionCode, new Date(`${scope.asOf}T16:00:00Z`)),
    },
  ],
  demo: async ({ services: s, log }) => {
    const ctx = systemContext('demo');
    const at = s.clock.now();
    await s.write(ctx, async (tx, audit) => {
      for (const [regionCode, title] of [
        ['330523', '关于报送城市有机更新项目工程日报的通知'],
        ['330681', '关于组织2026届高校毕业生招聘会的通知'],
      ] as const) {
        const row = await insertNotice(tx, {
          title,
          body: `${title}（演示数据，${shanghaiDate(at)}）`,
          regionCode,
          authorId: null,
          at,
        });
        await audit({ action: 'notice.publish', entityType: 'notice', entityId: row.id, after: { title } });
      }
    });
    log('2 work notices');
  },
  exports: { countNotices },
});
