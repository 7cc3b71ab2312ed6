import {
  columnsMissing,
  fileTooLarge,
  type NotXlsxKind,
  noDataRows,
  notXlsx,
  tooManyRows,
  unreadableWorkbook,
  zipRefused,
} from './excel-errors.ts';
import { EXCEL_LIMITS, type ExcelLimits } from './excel-limits.ts';
import type { ImportColumn } from './excel-list.ts';
import { findHeader } from './header-match.ts';
import { peekWorkbook } from './xlsx-peek.ts';
import { inspectZip, startsLikeZip, type ZipEntry } from './zip-inspect.ts';

/** What an accepted upload holds: which sheet, where its header is, how many rows follow. */
export interface CheckedUpload {
  /** The first worksheet: its name, and the number in its part name (sheet<N>.xml). */
  sheetName: string;
  sheetNo: number;
  /** 1-based row number of the header row. */
  headerRowNo: number;
  /** Rows after the header (empty rows included). */
  dataRows: number;
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Guesses what a file that is not an .xlsx is, from its bytes (never from its name). */
export function sniffNotXlsx(buf: Buffer, entries?: ZipEntry[]): NotXlsxKind {
  if (entries) return entries.some((e) => e.name === 'word/document.xml') ? 'word' : 'other_zip';
  if (OLE2.every((b, i) => buf[i] === b)) return 'xls';
  const head = buf.subarray(0, 4096);
  const binary = head.some((b) => b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b));
  return head.length > 0 && !binary ? 'text' : 'other';
}

/**
 * The checks an upload passes before a job is queued, cheapest first and all before the
 * exceljs parser sees the file: size, type by content (a ZIP holding `[Content_Types].xml`
 * and `xl/workbook.xml`), the ZIP central directory against bombs, entries unpacking to no
 * more than they declare, the number of rows, and the header row naming every required column.
 * Throws a 400/413 naming `file`.
 */
export async function checkUpload(
  buf: Buffer,
  columns: ImportColumn[],
  limits: ExcelLimits = EXCEL_LIMITS,
): Promise<CheckedUpload> {
  if (buf.length > limits.maxFileBytes) throw fileTooLarge(limits.maxFileBytes);
  if (!startsLikeZip(buf)) throw notXlsx(sniffNotXlsx(buf));
  const zip = inspectZip(buf, limits);
  if (!zip.ok) {
    if (zip.problem.kind === 'not_zip') throw notXlsx(sniffNotXlsx(buf));
    throw zipRefused(zip.problem, limits.maxUncompressedBytes);
  }
  const names = new Set(zip.entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    throw notXlsx(sniffNotXlsx(buf, zip.entries));
  }
  if (zip.entries.some((e) => e.encrypted || (e.method !== 0 && e.method !== 8))) throw unreadableWorkbook();
  const peek = await peekWorkbook(buf, zip.entries);
  if (!peek.ok) {
    if (peek.problem === 'entry_lies') {
      throw zipRefused(
        { kind: 'suspicious_ratio', entry: peek.detail, ratio: 0 },
        limits.maxUncompressedBytes,
      );
    }
    throw unreadableWorkbook();
  }
  const header = findHeader(peek.sheet.firstRows, columns);
  if (!header.ok) throw columnsMissing(header.missing);
  const dataRows = peek.sheet.rows - (header.match.headerRow + 1);
  if (dataRows > limits.maxRows) throw tooManyRows(dataRows, limits.maxRows);
  if (dataRows <= 0) throw noDataRows();
  const headerRowNo = peek.sheet.firstRowNos[header.match.headerRow] ?? header.match.headerRow + 1;
  return { sheetName: peek.sheet.sheetName, sheetNo: peek.sheet.sheetNo, headerRowNo, dataRows };
}
