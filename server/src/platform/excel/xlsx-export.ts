import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { SHANGHAI_OFFSET_MS } from '../clock.ts';
import type { Bilingual, Lang } from '../http/errors.ts';
import { needsQuotePrefix } from './escape-cell.ts';
import type { CellValue, ExportColumn, ExportKind } from './excel-list.ts';
import { columnLetters } from './xlsx-parts.ts';
import './xlsx-quote-prefix.ts';

/** Streaming workbook output: rows are committed as they are written, never held as a whole workbook. */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const pick = (t: Bilingual, lang: Lang) => (lang === 'en' ? t.en : t.zh);

export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
export const MONEY_FORMAT = '#,##0.00';

/** A cell as written: its value and its number format; text that looks like a formula gets the quote prefix. */
export interface WrittenCell {
  value: string | number | Date | null;
  numFmt?: string | undefined;
  quotePrefix?: boolean;
}

const text = (t: string): WrittenCell =>
  t === '' ? { value: null } : { value: t, numFmt: TEXT_FORMAT, quotePrefix: needsQuotePrefix(t) };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const NUMERIC = /^-?\d+(?:\.\d+)?$/;

/** The wall clock of an instant in Beijing time, as exceljs writes dates (UTC fields = shown fields). */
const beijing = (at: Date) => new Date(at.getTime() + SHANGHAI_OFFSET_MS);

/** An instant from a Date or ISO text with a zone ('2026-10-17T01:51:00.000Z'). */
function instantOf(v: string | Date): Date | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  if (!/T.*(?:Z|[+-]\d{2}:?\d{2})$/.test(v)) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * The cell a column's value is written as: dates and instants as real date cells (instants in
 * Beijing time, as every export shows them), numbers (also numeric text such as areas) as
 * numbers, money with thousands separators and two decimals, the rest as text cells.
 */
export function exportCell(v: CellValue, kind?: ExportKind, numFmt?: string): WrittenCell {
  if (v === null || v === undefined) return { value: null };
  switch (kind) {
    case 'date': {
      if (v instanceof Date) {
        const b = beijing(v);
        return {
          value: new Date(Date.UTC(b.getUTCFullYear(), b.getUTCMonth(), b.getUTCDate())),
          numFmt: DATE_FORMAT,
        };
      }
      const m = typeof v === 'string' ? DAY.exec(v) : null;
      if (m)
        return {
          value: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))),
          numFmt: DATE_FORMAT,
        };
      break;
    }
    case 'datetime': {
      if (typeof v === 'number') break;
      const at = instantOf(v);
      if (at) return { value: beijing(at), numFmt: DATETIME_FORMAT };
      const m = WALL_CLOCK.exec(v as string);
      if (m) {
        const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
        return { value: new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!)), numFmt: DATETIME_FORMAT };
      }
      break;
    }
    case 'number':
    case 'money': {
      const n =
        typeof v === 'number' ? v : typeof v === 'string' && NUMERIC.test(v.trim()) ? Number(v) : undefined;
      if (n !== undefined) return { value: n, numFmt: kind === 'money' ? MONEY_FORMAT : numFmt };
      break;
    }
    case 'text':
      return text(v instanceof Date ? v.toISOString() : String(v));
    default:
      if (typeof v === 'number') return { value: v, numFmt };
      if (v instanceof Date) return exportCell(v, 'datetime');
  }
  return text(v instanceof Date ? v.toISOString() : String(v));
}

/** Writes a row of cells with their formats and commits it. */
export function writeRow(ws: { addRow(values: unknown[]): ExcelJS.Row }, cells: WrittenCell[]): void {
  const row = ws.addRow(cells.map((c) => c.value));
  cells.forEach((c, i) => {
    if (c.value === null) return;
    const cell = row.getCell(i + 1);
    if (c.numFmt) cell.numFmt = c.numFmt;
    if (c.quotePrefix) (cell.style as Record<string, unknown>).quotePrefix = true;
  });
  row.commit();
}

export function openWorkbook(out: Writable) {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
}

type Workbook = ReturnType<typeof openWorkbook>;

/** A sheet with a frozen bold header row; a column's `numFmt` formats its empty cells too (@ keeps typing as text). */
export function addSheet(
  wb: Workbook,
  name: string,
  columns: Array<{ header: string; width?: number | undefined; numFmt?: string | undefined }>,
) {
  const ws = wb.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    width: c.width ?? 16,
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.numFmt = TEXT_FORMAT;
    if (needsQuotePrefix(c.header)) (cell.style as Record<string, unknown>).quotePrefix = true;
  });
  header.commit();
  return ws;
}

/** An autofilter on the header row over the columns and rows written. */
export function addAutoFilter(ws: { autoFilter?: unknown }, columns: number, rows: number): void {
  if (columns > 0) ws.autoFilter = `A1:${columnLetters(columns - 1)}${rows + 1}`;
}

/** The reader of a download went away (closed the connection): stop producing rows. */
export class DownloadClosed extends Error {
  constructor() {
    super('the download was closed before it ended');
  }
}

/** Uncompressed sheet XML allowed to wait for the compressor before rows are held back. */
const MAX_PENDING_BYTES = 1024 * 1024;

type Waitable = NodeJS.EventEmitter & { _writableState?: { length?: number } };

/**
 * exceljs 4.4 writes a sheet's XML into the zip without heeding backpressure; the stream it
 * writes into does count what is waiting, and says 'drain' once it has been compressed.
 */
function zipInputOf(sheet: unknown): Waitable | undefined {
  const pipes = (sheet as { stream?: { pipes?: unknown } }).stream?.pipes;
  return Array.isArray(pipes) ? (pipes[0] as Waitable | undefined) : undefined;
}

/**
 * Waits while the compressor or the reader of `out` is behind, so a large export or a slow
 * download never holds more than about a megabyte of rows; rejects if the download was closed.
 */
export function drained(out: Writable, sheet?: unknown): Promise<void> {
  if (out.destroyed) return Promise.reject(new DownloadClosed());
  const input = zipInputOf(sheet);
  const behind = (input?._writableState?.length ?? 0) > MAX_PENDING_BYTES ? input : undefined;
  const target: NodeJS.EventEmitter | undefined = behind ?? (out.writableNeedDrain ? out : undefined);
  if (!target) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const settle = (ok: boolean) => () => {
      target.off('drain', onDrain);
      out.off('close', onClose);
      if (ok) resolve();
      else reject(new DownloadClosed());
    };
    const onDrain = settle(true);
    const onClose = settle(false);
    target.on('drain', onDrain);
    out.on('close', onClose);
  });
}

/**
 * Writes one sheet of presented rows, page by page, to `out`; returns the number of rows.
 * Cells are typed by their column's kind (exportCell); the header row has an autofilter. The
 * caller's presenter has already masked what must be.
 */
export async function writeExport<V>(
  out: Writable,
  sheetName: string,
  columns: ExportColumn<V>[],
  pages: AsyncIterable<V[]>,
  lang: Lang,
): Promise<number> {
  const wb = openWorkbook(out);
  const ws = addSheet(
    wb,
    sheetName,
    columns.map((c) => ({ header: pick(c.header, lang), width: c.width })),
  );
  let n = 0;
  for await (const page of pages) {
    for (const row of page)
      writeRow(
        ws,
        columns.map((c) => exportCell(c.value(row, lang), c.kind, c.numFmt)),
      );
    n += page.length;
    await drained(out, ws);
  }
  addAutoFilter(ws, columns.length, n);
  ws.commit();
  await wb.commit();
  return n;
}

/** Runs a workbook writer into memory (small outputs: templates, error reports, tests). */
export async function toBuffer(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  const ended = once(out, 'end');
  await write(out);
  await ended;
  return Buffer.concat(parts);
}
