import type { Migration } from 'kysely';
import type { ExcelListDef } from '../../platform/excel/excel-list.ts';
import type { GongfuApp, PlatformServices } from '../../platform/module/app-types.ts';
import type { DemoContext, MenuEntry, MetricDef, PermissionDef } from '../../platform/module/manifest.ts';

/**
 * A part of the renewal module built in its own folder (oversight/, communities/, ballots/,
 * facilities/): what it adds to the module's manifest. The manifest spreads the parts in order;
 * their migrations join the module's one history (named so they sort after the ones they need);
 * their demo data runs in the same order, after the projects.
 */
export interface RenewalPart {
  permissions: PermissionDef[];
  migrations: Record<string, Migration>;
  routes: (app: GongfuApp, s: PlatformServices) => void;
  menu: MenuEntry[];
  excel: ExcelListDef[];
  demo: (ctx: DemoContext) => Promise<void>;
  /** Figures over the part's records (read by targets and dashboards). */
  metrics?: MetricDef[];
}
