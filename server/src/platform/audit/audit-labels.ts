import { type RawBuilder, sql } from 'kysely';
import type { Bilingual, Lang } from '../http/errors.ts';
import type { AuditEntityDef, ModuleManifest } from '../module/manifest.ts';
import type { Db } from './audit.repo.ts';

/**
 * The audit log's labels, composed from every manifest's `audit` declarations: what each action
 * code and entity type is called, and how a module names its records. The raw codes stay in
 * the entries; these only say them in words.
 */
export interface AuditLabels {
  action(code: string): Bilingual | undefined;
  entity(type: string): AuditEntityDef | undefined;
  /** Every labelled action code (for the coverage test and filters). */
  actionCodes(): string[];
  entityTypes(): string[];
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function composeAuditLabels(manifests: readonly ModuleManifest[]): AuditLabels {
  const actions = new Map<string, Bilingual>();
  const entities = new Map<string, AuditEntityDef>();
  // Excel lists name their own export and import actions from their titles.
  for (const m of manifests) {
    for (const def of m.excel ?? []) {
      actions.set(def.export.audit, { zh: `导出${def.title.zh}`, en: `Export ${lowerFirst(def.title.en)}` });
      if (def.import)
        actions.set(def.import.audit, {
          zh: `导入${def.title.zh}`,
          en: `Import ${lowerFirst(def.title.en)}`,
        });
    }
  }
  const declaredBy = new Map<string, string>();
  for (const m of manifests) {
    for (const [code, label] of Object.entries(m.audit?.actions ?? {})) {
      const other = declaredBy.get(`action ${code}`);
      if (other) throw new Error(`Audit action ${code} is labelled twice (modules ${other} and ${m.id})`);
      declaredBy.set(`action ${code}`, m.id);
      actions.set(code, label);
    }
    for (const [type, def] of Object.entries(m.audit?.entities ?? {})) {
      const other = declaredBy.get(`entity ${type}`);
      if (other)
        throw new Error(`Audit entity type ${type} is declared twice (modules ${other} and ${m.id})`);
      declaredBy.set(`entity ${type}`, m.id);
      entities.set(type, def);
    }
  }
  return {
    action: (code) => actions.get(code),
    entity: (type) => entities.get(type),
    actionCodes: () => [...actions.keys()].sort(),
    entityTypes: () => [...entities.keys()].sort(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A name resolver over one table keyed by a uuid `id`: `column` (a column name, or an SQL
 * expression over the table's columns), optionally reformatted (a person's name masked).
 */
export function namesIn(
  table: string,
  column: string | RawBuilder<unknown> = 'name',
  format?: (name: string) => string,
): NonNullable<AuditEntityDef['names']> {
  return async (db: Db, ids: readonly string[]) => {
    const wanted = [...new Set(ids.filter((id) => UUID.test(id)))];
    if (wanted.length === 0) return new Map();
    const expr = typeof column === 'string' ? sql.ref(column) : column;
    const { rows } = await sql<{ id: string; name: string | null }>`
      select id::text as id, ${expr} as name from ${sql.table(table)}
      where id in (${sql.join(wanted)})`.execute(db);
    const out = new Map<string, string>();
    for (const r of rows) if (r.name) out.set(r.id, format ? format(r.name) : r.name);
    return out;
  };
}

/** The keys of an entry's snapshot that name its record, when no resolver names it (or it is gone). */
const SNAPSHOT_NAME_KEYS = ['name', 'title'] as const;

function snapshotName(snapshot: unknown): string | null {
  if (!snapshot || typeof snapshot !== 'object') return null;
  for (const k of SNAPSHOT_NAME_KEYS) {
    const v = (snapshot as Record<string, unknown>)[k];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return null;
}

export interface LabelledRow {
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  before: unknown;
  after: unknown;
}

export interface EntryLabels {
  actionName: string;
  entityTypeName: string | null;
  entityName: string | null;
}

/**
 * Labels for a page of entries, in `lang`: the action's and entity type's names (the code
 * itself when nothing labels it) and the record's name — its current name from the module's
 * resolver (one query per entity type on the page), else the name the entry's snapshot holds
 * (a record since deleted, or a type without a resolver).
 */
export async function labelEntries(
  db: Db,
  labels: AuditLabels,
  rows: readonly LabelledRow[],
  lang: Lang,
): Promise<EntryLabels[]> {
  const pick = (b: Bilingual) => (lang === 'en' ? b.en : b.zh);
  const idsByType = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.entity_type || !r.entity_id || !labels.entity(r.entity_type)?.names) continue;
    const ids = idsByType.get(r.entity_type) ?? [];
    ids.push(r.entity_id);
    idsByType.set(r.entity_type, ids);
  }
  const names = new Map<string, Map<string, string>>(
    await Promise.all(
      [...idsByType].map(
        async ([type, ids]) =>
          [type, await labels.entity(type)!.names!(db, ids)] as [string, Map<string, string>],
      ),
    ),
  );
  return rows.map((r) => {
    const action = labels.action(r.action);
    const entity = r.entity_type ? labels.entity(r.entity_type) : undefined;
    const resolved = r.entity_type && r.entity_id ? names.get(r.entity_type)?.get(r.entity_id) : undefined;
    return {
      actionName: action ? pick(action) : r.action,
      entityTypeName: entity ? pick(entity.label) : r.entity_type,
      entityName: resolved ?? snapshotName(r.after) ?? snapshotName(r.before),
    };
  });
}
