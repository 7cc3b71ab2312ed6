import type { TSchema } from 'typebox';
import type { Db } from '../audit/audit.repo.ts';
import type { RequestContext } from '../audit/audit.service.ts';
import type { Bilingual, Lang } from '../http/errors.ts';
import type { PlatformServices } from '../module/app-types.ts';

/** Path parameters of a list that belongs to one record, e.g. `{ id }` of a project's task list. */
export type ListParams = Readonly<Record<string, string>>;

/**
 * A list a module offers as Excel: export of what the caller can see, and optionally import
 * from a template. Declared in the module's manifest (`excel: [...]`); the core registers
 * `GET {basePath}/export.xlsx`, `GET {basePath}/import-template.xlsx` and
 * `POST {basePath}/import` for it, and runs imports as background jobs.
 */
export interface ExcelListDef<V = unknown> {
  /** Names the list in job records and URLs of the web app: 'people', 'organisations'. */
  target: string;
  /** The list's API path, e.g. '/api/people', or '/api/renewal/projects/:id/tasks' with `parent`. */
  basePath: string;
  /**
   * For a list that belongs to one record (a project's tasks): the schema of the path
   * parameters in `basePath`, and the id of that record, under which its exports and imports
   * are audited. Export, template and import receive the parameters; an import job keeps them.
   */
  parent?: ListParent;
  /** OpenAPI tag of the list's routes. */
  tag: string;
  /** Sheet and file name: 人员 / People. */
  title: Bilingual;
  /** Audit entity type of the records. */
  entityType: string;
  permissions: { read: string; write: string };
  export: ExcelExportDef<V>;
  import?: ExcelImportDef;
}

export interface ListParent {
  params: TSchema;
  /** The record the parameters name (the audit entity id of the list's exports and imports). */
  entityId(params: ListParams): string;
}

/** A cell we write: text (escaped against formulas on the way out), a number, or empty. */
export type CellValue = string | number | null;

export interface ExportColumn<V> {
  key: string;
  header: Bilingual;
  width?: number;
  /** The cell, from the presented (masked) view of a record: the same values as the screen. */
  value(row: V, lang: Lang): CellValue;
}

export interface ExportPages<V> {
  /** Rows that match: checked against the export limit and written to the audit entry. */
  total: number;
  /** The filters as applied, for the audit entry. */
  filters: Record<string, unknown>;
  /** Presented rows in the list's order, one page (~1000) at a time. */
  pages: AsyncIterable<V[]>;
}

export interface ExcelExportDef<V> {
  /** The querystring schema: the list's own filters (paging parameters are ignored). */
  query: TSchema;
  /** Audit action, e.g. 'person.export'. */
  audit: string;
  columns: ExportColumn<V>[];
  /**
   * Checks the read permission and scope, and pages through what the caller may see
   * (`params`: the path parameters of a list with a `parent`; empty otherwise).
   */
  open(
    s: PlatformServices,
    ctx: RequestContext,
    query: unknown,
    pageSize: number,
    params: ListParams,
  ): Promise<ExportPages<V>>;
}

export interface ImportColumn {
  /** The API's field name: errors naming that field land on this column. */
  key: string;
  header: Bilingual;
  /** Other headers clerks use for the column (身份证号, 联系电话 …). */
  aliases?: string[];
  required: boolean;
  /** Explanation on the template's instructions sheet. */
  help: Bilingual;
  example: string;
  /** Formats the template column as text, so Excel keeps IDs, phone numbers and codes intact. */
  text?: boolean;
  width?: number;
}

/** One data row of an uploaded sheet. */
export interface ImportRow {
  /** Row number in the sheet (1-based, as Excel shows it). */
  rowNo: number;
  /** Trimmed text by column key ('' when empty or absent). */
  values: Readonly<Record<string, string>>;
  /** Keys of cells Excel stored as numbers (an 18-digit ID stored so has lost its last digits). */
  numeric: ReadonlySet<string>;
}

export interface RowProblem {
  /** Key of the column at fault, if one is. */
  column?: string | undefined;
  text: Bilingual;
}

export type PreparedRow =
  | { rowNo: number; payload: Record<string, unknown> }
  | { rowNo: number; problems: RowProblem[] };

/** The per-job state of an import: validates rows chunk by chunk, then moves the staged rows in. */
export interface RowImporter {
  /** Validates and prepares (encrypts, derives) a chunk of rows; no writes to the real table. */
  prepare(rows: ImportRow[]): Promise<PreparedRow[]>;
  /**
   * Checks across rows, once every row has been prepared: rows that name each other (a task
   * network's predecessors, cycles). Returns the problems of the rows it faults, which are
   * added to those `prepare` found. Only for `allOrNothing` imports; the engine then keeps
   * the sheet's rows in memory to write the error report in row order.
   */
  checkAcross?(): Promise<Array<{ rowNo: number; problems: RowProblem[] }>>;
  /**
   * Inside the final transaction: moves the job's staged rows (`import_rows`) into the real
   * table. Returns how many were inserted (fewer if some were registered meanwhile), or that
   * with more for the batch's audit entry (e.g. the links a task list brought).
   */
  commit(tx: Db, jobId: string): Promise<number | Committed>;
}

export interface Committed {
  imported: number;
  /** Added to the `after` of the batch's audit entry. */
  audit: Record<string, unknown>;
}

export interface ExcelImportDef {
  /** Audit action of the batch, e.g. 'person.import'. */
  audit: string;
  columns: ImportColumn[];
  /** Rules listed under the columns on the instructions sheet. */
  notes: Bilingual[];
  /**
   * The rows only make sense together (a task network): "valid rows only" is not offered,
   * one bad row means nothing is imported. Required for a `checkAcross` importer.
   */
  allOrNothing?: boolean;
  /**
   * For a list with a `parent`: checks the caller may import into the record `params` name
   * before the upload is accepted (and the template handed out), answering as the record's
   * own routes do (404 / 403).
   */
  check?(s: PlatformServices, ctx: RequestContext, params: ListParams): Promise<void>;
  /** Checks the write permission of the job's owner and sets up one import. */
  begin(s: PlatformServices, ctx: RequestContext, params: ListParams): Promise<RowImporter>;
}

/** Every Excel list declared by the given manifests. */
export const excelListsOf = (manifests: Array<{ excel?: ExcelListDef[] }>): ExcelListDef[] =>
  manifests.flatMap((m) => m.excel ?? []);
