import { authRoutes } from './auth/auth.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
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
        order: 80,
      },
      {
        key: 'health',
        path: '/system/health',
        label: { zh: '系统健康', en: 'System health' },
        permission: 'system.health',
        order: 95,
      },
    ],
    routes: async (app: GongfuApp, s: PlatformServices) => {
      authRoutes(allManifests)(app, s);
      regionRoutes(app, s);
      healthRoutes(app, s);
    },
  });
}
