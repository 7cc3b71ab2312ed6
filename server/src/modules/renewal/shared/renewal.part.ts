import type { Migration } from 'kysely';
import type {
  DemoContext,
  ExcelListDef,
  GongfuApp,
  MenuEntry,
  MetricDef,
  PermissionDef,
  PlatformServices,
  ScheduleDef,
} from '../../../platform/kit/index.ts';

/**
 * A part of the renewal module built in its own folder (oversight/, communities/, ballots/):
 * what it adds to the module's manifest. The manifest spreads the parts in order;
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
  /** Work on a timetable (the platform arms it, once per cluster). */
  schedules?: ScheduleDef[];
}
