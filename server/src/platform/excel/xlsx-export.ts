import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Bilingual, Lang } from '../http/errors.ts';
import { escapeCell } from './escape-cell.ts';
import type { CellValue, ExportColumn } from './excel-list.ts';

/** Streaming workbook output: rows are committed as they are written, never held as a whole workbook. */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const pick = (t: Bilingual, lang: Lang) => (lang === 'en' ? t.en : t.zh);

/** A cell as written: text escaped against formulas, numbers as numbers. */
export const safeCell = (v: CellValue): string | number | null => (typeof v === 'string' ? escapeCell(v) : v);

export function openWorkbook(out: Writable) {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
}

type Workbook = ReturnType<typeof openWorkbook>;

export function addSheet(
  wb: Workbook,
  name: string,
  columns: Array<{ header: string; width?: number | undefined; text?: boolean | undefined }>,
) {
  const ws = wb.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    width: c.width ?? 16,
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  const header = ws.addRow(columns.map((c) => escapeCell(c.header)));
  header.font = { bold: true };
  header.commit();
  return ws;
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
 * Every text cell is escaped; the caller's presenter has already masked what must be.
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
    for (const row of page) ws.addRow(columns.map((c) => safeCell(c.value(row, lang)))).commit();
    n += page.length;
    await drained(out, ws);
  }
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
