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

/**
 * A cell we write: text (a text-typed cell, shown exactly as given), a number, a `Date`
 * (for 'date' and 'datetime' columns), or empty.
 */
export type CellValue = string | number | Date | null;

/**
 * How an export column's cells are written (the writer converts the value):
 * - 'text' (the default for strings): a text-typed cell;
 * - 'number': a number cell; numeric text such as an area '89.37' is written as the number;
 * - 'money': a number cell in yuan (or 万元) shown as #,##0.00;
 * - 'date': a real date cell (yyyy-mm-dd) from 'YYYY-MM-DD' text or a Date;
 * - 'datetime': a real date-time cell in Beijing time (yyyy-mm-dd hh:mm:ss) from an instant
 *   (a Date or ISO text such as '2026-10-17T01:51:00.000Z').
 */
export type ExportKind = 'text' | 'number' | 'money' | 'date' | 'datetime';

export interface ExportColumn<V> {
  key: string;
  header: Bilingual;
  width?: number;
  /** How the cells are written; without it strings are text and numbers are numbers. */
  kind?: ExportKind;
  /** Number format of a 'number' column, e.g. '0.00' for areas. */
  numFmt?: string;
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

/**
 * What a column holds, so the reader judges each cell by its type and number format before
 * the importer sees its text (a spreadsheet changes what was typed: 0302 becomes the number
 * 302, 3-1 becomes a date, =1+1 a formula):
 * - 'text': names, addresses; a number cell reads as its digits, a date cell is refused;
 * - 'code': IDs, credit codes, rooms, units, buildings, WBS codes: only text cells, since a
 *   number cell has lost leading zeros (or an ID's last digits) and a date cell was not typed so;
 * - 'number' / 'money': a number cell or numeric text; a date cell is refused;
 * - 'date': a date cell reads as YYYY-MM-DD (with the time if it has one); text is left to
 *   the importer; a plain number is refused.
 * Formula and error cells are refused in every column. The template formats 'text' and
 * 'code' columns as text and 'date' columns as dates.
 */
export type ImportKind = 'text' | 'code' | 'number' | 'money' | 'date';

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
  kind: ImportKind;
  width?: number;
}

/** One data row of an uploaded sheet. */
export interface ImportRow {
  /** Row number in the sheet (1-based, as Excel shows it). */
  rowNo: number;
  /** Trimmed text by column key ('' when empty or absent). */
  values: Readonly<Record<string, string>>;
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
   * table. Returns how many were inserted, or that with how many were updated or skipped as
   * already registered and more for the batch's audit entry (e.g. the links a task list
   * brought). Staged rows neither inserted, updated nor skipped were lost to a concurrent
   * change (an all-or-nothing import then fails as a conflict).
   */
  commit(tx: Db, jobId: string): Promise<number | Committed>;
}

export interface Committed {
  /** New records. */
  imported: number;
  /** Rows that matched a registered record and changed it. */
  updated?: number;
  /** Rows that matched a registered record and were left as they were (already registered). */
  skipped?: number;
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
