import type { Migration } from 'kysely';
import type { Db } from '../audit/audit.repo.ts';
import type { BuiltinRole } from '../auth/roles.ts';
import type { ExcelListDef } from '../excel/excel-list.ts';
import type { Bilingual } from '../http/errors.ts';
import type { GongfuApp, PlatformServices } from './app-types.ts';

/** A permission a module declares, and which built-in roles hold it. */
export interface PermissionDef {
  key: string;
  name: Bilingual;
  roles: BuiltinRole[];
}

export interface MenuEntry {
  key: string;
  path: string;
  label: Bilingual;
  /** Shown only to users holding this permission. */
  permission: string;
  /** An icon name the web app maps to an icon (web/src/app/layout/menu-icons.tsx), e.g. 'project'. */
  icon?: string;
  order?: number;
  parent?: string;
}

/**
 * What a metric is asked for: the regions it covers — the caller's scope narrowed to the region
 * asked for, as subtree roots (null: everywhere) — and the period, first and last day inclusive
 * (Asia/Shanghai calendar days).
 */
export interface MetricQuery {
  regions: string[] | null;
  from: string;
  to: string;
}

/**
 * A named figure over module records, read by the targets spine, home pages and dashboards
 * (GET /api/metrics/:key, with a period, a region and a breakdown by sub-region).
 * - `stock`: a state as of the period's last day (projects under way, communities renovated);
 * - `flow`: what happened within the period (reports filed, votes cast).
 */
export interface MetricDef {
  key: string;
  name: Bilingual;
  unit: Bilingual;
  kind: 'stock' | 'flow';
  /** Who may read the figure, and over which regions: the scope of this permission. */
  permission: string;
  /** The figure over `q.regions` for `q`'s period; computed from records, never stored. */
  compute(services: PlatformServices, q: MetricQuery): Promise<number>;
}

/** How the audit log names one kind of record (an audit entry's `entityType`). */
export interface AuditEntityDef {
  label: Bilingual;
  /**
   * The current names of records by id, for the audit log: one query per page of entries.
   * Ids that name nothing (or are not ids of this table) are left out of the map.
   */
  names?: (db: Db, ids: readonly string[]) => Promise<Map<string, string>>;
}

/**
 * What the audit log shows for a module's entries instead of raw codes. Export and import
 * actions of the module's Excel lists are labelled from the lists' titles.
 */
export interface AuditDefs {
  /** Labels of the module's audit actions, by action code ('renewal.project.create'). */
  actions?: Record<string, Bilingual>;
  /** The entity types the module's entries name ('renewal_project'). */
  entities?: Record<string, AuditEntityDef>;
}

/**
 * When a schedule runs, in Asia/Shanghai: every day at a wall-clock time ('00:05'), or every
 * N minutes (windows aligned to Shanghai midnight). Each day, or each window, is one slot; a
 * slot runs once per cluster (the first process to claim it in `schedule_runs` runs it).
 */
export type ScheduleWhen = { dailyAt: string } | { everyMinutes: number };

/** What a scheduled run is handed besides the services. */
export interface ScheduleRunContext {
  /** The platform clock's time when the run was claimed (tests drive it with ManualClock). */
  now: Date;
  /** The slot being run: the day ('2026-03-02') or the window's start ('2026-03-02 08:05'). */
  slot: string;
  /** A line for the server log, tagged with the schedule. */
  log: (line: string) => void;
}

/** What a run reports; the summary is kept with the run and shown to the system administrator. */
export interface ScheduleOutcome {
  summary?: string;
}

/**
 * Work the platform runs on a timetable for a module (the daily re-plan, overdue alerts, ballots
 * closing at their deadline). The core arms the timers and claims each slot in the database, so
 * of several server processes exactly one runs it; the module only says what and when. A run
 * that throws is recorded as failed and tried again after the lease (a few minutes); a run whose
 * process died is taken over once its lease expires. Runs must be idempotent for their slot.
 */
export interface ScheduleDef {
  /** Unique across modules: '<module>.<what>', e.g. 'renewal.replan'. */
  key: string;
  name: Bilingual;
  when: ScheduleWhen;
  /** Also run the slot current at start-up if no process has run it yet (catch-up). */
  runAtStart?: boolean;
  run(services: PlatformServices, ctx: ScheduleRunContext): Promise<ScheduleOutcome>;
}

export interface DemoContext {
  services: PlatformServices;
  log: (line: string) => void;
}

/**
 * Everything a module tells the core about itself. The core composes manifests and
 * imports nothing else from inside a module (Decidim component.rb, NocoBase plugin.ts).
 */
export interface ModuleManifest {
  id: string;
  name: Bilingual;
  /** A programme module (renewal, employment, …) is part of data scope by programme. */
  programme: boolean;
  /** Modules this one needs, by id; they are loaded first. */
  dependsOn?: string[];
  permissions?: PermissionDef[];
  migrations?: Record<string, Migration>;
  /**
   * Migrations this module took over from the module that ran them before (a part moved out
   * into its own module): named as there, and kept under the same names in `migrations`.
   * Before migrating, the core moves their history rows from `migrations_<from>` to this
   * module's table, once, so a database made by the older version runs none of them again.
   */
  adoptsMigrations?: { from: string; names: string[] };
  routes?: (app: GongfuApp, services: PlatformServices) => void | Promise<void>;
  menu?: MenuEntry[];
  demo?: (ctx: DemoContext) => Promise<void>;
  metrics?: MetricDef[];
  /** Lists offered as Excel export (and import from a template); the core adds their routes. */
  excel?: ExcelListDef[];
  /** Labels of the module's audit actions and entity types, and record names for the audit log. */
  audit?: AuditDefs;
  /** Work run on a timetable, once per cluster per slot; the core arms and claims it. */
  schedules?: ScheduleDef[];
  /** Services other modules may call, keyed by name. */
  exports?: Record<string, unknown>;
}

export const defineModule = (m: ModuleManifest): ModuleManifest => m;
