import type { PlatformServices } from './app-types.ts';

/**
 * The services each module offers others (its manifest's `exports`), by module id. A module
 * adds its own entry by declaration merging next to its exports, e.g.
 *
 *   declare module '../../platform/module/module-services.ts' {
 *     interface ModuleServices { renewal: typeof renewalExports }
 *   }
 *
 * so a caller gets them typed with `servicesOf(s, 'renewal')` instead of `Record<string, unknown>`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each module
export interface ModuleServices {}

/** The services module `id` exports; throws when it is not loaded (list it in `dependsOn`). */
export function servicesOf<K extends keyof ModuleServices & string>(
  s: PlatformServices,
  id: K,
): ModuleServices[K] {
  const exported = s.modules.get(id);
  if (!exported) throw new Error(`Module ${id} is not loaded; list it in the manifest's dependsOn`);
  return exported as ModuleServices[K];
}
