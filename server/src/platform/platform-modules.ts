import { coreModule } from './core.manifest.ts';
import type { ModuleManifest } from './module/manifest.ts';

/** The platform's own modules, always loaded before programme modules. */
export function platformModules(all: () => ModuleManifest[]): ModuleManifest[] {
  return [coreModule(all)];
}
