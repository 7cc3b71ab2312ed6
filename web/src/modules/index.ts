import type { WebModule } from '../platform/module.ts';
import { facilitiesWebModule } from './facilities/index.ts';
import { renewalWebModule } from './renewal/index.ts';

/** Every programme module's web side; the router composes their routes after the platform's. */
export const webModules: WebModule[] = [renewalWebModule, facilitiesWebModule];
