import { accountsModule } from './accounts/accounts.manifest.ts';
import { auditModule } from './audit/audit.manifest.ts';
import { coreModule } from './core.manifest.ts';
import type { ModuleManifest } from './module/manifest.ts';
import { notificationsModule } from './notifications/notifications.manifest.ts';
import { orgsModule } from './orgs/orgs.manifest.ts';
import { peopleModule } from './people/people.manifest.ts';

/** The platform's own modules, always loaded before programme modules. */
export function platformModules(all: () => ModuleManifest[]): ModuleManifest[] {
  return [coreModule(all), orgsModule, peopleModule, accountsModule, auditModule(all), notificationsModule];
}
