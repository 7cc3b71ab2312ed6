import { defineModule, type ModuleManifest } from '../../../../platform/module/manifest.ts';
import { renewalModule } from '../../manifest.ts';
import { facilitiesPart } from '../index.ts';

/**
 * The renewal module reduced to this part, for its tests: the same id (so programme grants
 * for 'renewal' apply), the part's permissions, migration, routes, menu, Excel lists, metrics
 * and demo — and nothing of the other parts, so these tests neither wait for nor break on
 * parts built alongside (the part needs only platform tables). The real manifest spreads the
 * same part (see ../../manifest.ts).
 */
export const facilitiesTestModule: ModuleManifest = defineModule({
  id: renewalModule.id,
  name: renewalModule.name,
  programme: true,
  dependsOn: renewalModule.dependsOn ?? [],
  permissions: facilitiesPart.permissions,
  migrations: facilitiesPart.migrations,
  routes: (app, s) => facilitiesPart.routes(app, s),
  menu: facilitiesPart.menu,
  excel: facilitiesPart.excel,
  demo: facilitiesPart.demo,
  metrics: facilitiesPart.metrics ?? [],
});
