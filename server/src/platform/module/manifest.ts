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

/** A named figure over module records, read by the targets module and dashboards. */
export interface MetricDef {
  key: string;
  name: Bilingual;
  unit: Bilingual;
  /** Computes the figure within a region subtree (null: everywhere) as of a date. */
  compute(services: PlatformServices, scope: { regionCode: string | null; asOf: string }): Promise<number>;
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
  routes?: (app: GongfuApp, services: PlatformServices) => void | Promise<void>;
  menu?: MenuEntry[];
  demo?: (ctx: DemoContext) => Promise<void>;
  metrics?: MetricDef[];
  /** Lists offered as Excel export (and import from a template); the core adds their routes. */
  excel?: ExcelListDef[];
  /** Labels of the module's audit actions and entity types, and record names for the audit log. */
  audit?: AuditDefs;
  /** Services other modules may call, keyed by name. */
  exports?: Record<string, unknown>;
}

export const defineModule = (m: ModuleManifest): ModuleManifest => m;
