import type { ModuleManifest } from '../platform/kit/index.ts';
import { facilitiesModule } from './facilities/manifest.ts';
import { renewalModule } from './renewal/manifest.ts';

/**
 * The programme modules this build ships, in any order (dependencies are resolved by
 * the core). This list is the only place that knows which modules exist.
 */
export const modules: ModuleManifest[] = [renewalModule, facilitiesModule];
