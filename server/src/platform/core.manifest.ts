import { namesIn } from './audit/audit-labels.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { purgeUnattachedSchedule } from './files/file.schedules.ts';
import { healthRoutes } from './health/health.routes.ts';
import { metricRoutes } from './metrics/metric.routes.ts';
import { platformMigrations } from './migrations/index.ts';
import type { GongfuApp, PlatformServices } from './module/app-types.ts';
import { defineModule, type ModuleManifest } from './module/manifest.ts';
import { regionRoutes } from './regions/region.routes.ts';

/** The platform core: accounts and sessions, regions, health, and the platform tables. */
export function coreModule(allManifests: () => ModuleManifest[]): ModuleManifest {
  return defineModule({
    id: 'platform',
    name: { zh: '平台', en: 'Platform' },
    programme: false,
    migrations: platformMigrations,
    permissions: [
      {
        key: 'region.read',
        name: { zh: '查看行政区划', en: 'View regions' },
        roles: ['sysadmin', 'secadmin', 'staff', 'leader'],
      },
      { key: 'system.health', name: { zh: '查看系统健康', en: 'View system health' }, roles: ['sysadmin'] },
    ],
    menu: [
      {
        key: 'regions',
        path: '/regions',
        label: { zh: '行政区划', en: 'Regions' },
        permission: 'region.read',
        icon: 'regions',
        order: 80,
      },
      {
        key: 'health',
        path: '/system/health',
        label: { zh: '系统健康', en: 'System health' },
        permission: 'system.health',
        icon: 'health',
        order: 95,
      },
    ],
    // sign-in, the route guard and uploaded files are the core's (app.ts, http/, files/)
    audit: {
      actions: {
        'auth.login': { zh: '登录', en: 'Sign in' },
        'auth.logout': { zh: '退出登录', en: 'Sign out' },
        'auth.lockout': { zh: '多次密码错误，账号锁定', en: 'Account locked after wrong passwords' },
        'auth.password_change': { zh: '修改本人密码', en: 'Change own password' },
        'access.denied': { zh: '越权访问被拒绝', en: 'Access denied' },
        'file.upload': { zh: '上传文件', en: 'Upload a file' },
        'file.attach': { zh: '文件附加到记录', en: 'Attach a file to a record' },
        'file.detach': { zh: '从记录移除文件', en: 'Detach a file from a record' },
        'file.purge': { zh: '清理未使用的上传文件', en: 'Purge unattached uploads' },
      },
      entities: {
        route: { label: { zh: '接口', en: 'API route' } },
        file: { label: { zh: '文件', en: 'File' }, names: namesIn('files', 'original_name') },
      },
    },
    // abandoned uploads are purged nightly (files/file.schedules.ts)
    schedules: [purgeUnattachedSchedule],
    routes: async (app: GongfuApp, s: PlatformServices) => {
      authRoutes(allManifests)(app, s);
      regionRoutes(app, s);
      healthRoutes(app, s);
      metricRoutes(app, s, allManifests());
    },
  });
}
