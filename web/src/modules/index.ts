import type { WebModule } from '../platform/module.ts';

/** Every programme module's web side; the router composes their routes after the platform's. */
export const webModules: WebModule[] = [];
