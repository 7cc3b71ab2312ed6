import { isUtf16Text } from './csv-read.ts';
import { checkCsv, chooseSheet } from './data-sheet.ts';
import {
  fileTooLarge,
  type NotXlsxKind,
  notXlsx,
  unreadableWorkbook,
  zipRefused,
  zipTampered,
} from './excel-errors.ts';
import { EXCEL_LIMITS, type ExcelLimits } from './excel-limits.ts';
import type { ImportColumn } from './excel-list.ts';
import { peekWorkbook } from './xlsx-peek.ts';
import { inspectZip, isTampering, startsLikeZip, type ZipEntry, type ZipRefusal } from './zip-inspect.ts';
import { VerifiedZip, ZipEntryRefused } from './zip-verify.ts';

/** What an accepted upload holds: which sheet, where its header is, how many rows follow. */
export interface CheckedUpload {
  /** A workbook, or CSV text (UTF-8, GB18030 or UTF-16 with a byte order mark). */
  format: 'xlsx' | 'csv';
  /** The data sheet (see data-sheet.ts): its tab name and its part; '' for a CSV. */
  sheetName: string;
  sheetPart: string;
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

/** An accepted upload, and the bytes a parser may read: exactly the entries the checks approved. */
export interface ApprovedUpload {
  checked: CheckedUpload;
  /**
   * The workbook rebuilt from the verified entries of its central directory (their compressed
   * data as uploaded): no unlisted local entry, data descriptor or trailing byte of the upload
   * reaches the parser.
   */
  file: Buffer;
}

/** The error for a ZIP refused by its structure or content. */
function refusedZip(buf: Buffer, problem: ZipRefusal, limits: ExcelLimits): never {
  if (problem.kind === 'not_zip') throw notXlsx(sniffNotXlsx(buf));
  if (isTampering(problem)) throw zipTampered(problem);
  throw zipRefused(problem, limits.maxUncompressedBytes);
}

/**
 * The checks an upload passes before a job is queued, and again when the job runs, cheapest
 * first and all before the exceljs parser sees the file: size, type by content (a ZIP holding
 * `[Content_Types].xml` and `xl/workbook.xml`), the ZIP against bombs (entry count, declared
 * sizes and ratios, local entries the central directory does not list, archive-named entries),
 * every entry inflated once, never beyond its declared size and not an archive by content, the
 * number of rows, and the header row naming every required column. Throws a 400/413 naming `file`.
 */
export async function approveUpload(
  buf: Buffer,
  columns: ImportColumn[],
  limits: ExcelLimits = EXCEL_LIMITS,
  sheetTitles: readonly string[] = [],
): Promise<ApprovedUpload> {
  if (buf.length > limits.maxFileBytes) throw fileTooLarge(limits.maxFileBytes);
  if (!startsLikeZip(buf)) {
    // text is read as CSV (also a .csv renamed .xlsx), through the same row checks
    const kind = sniffNotXlsx(buf);
    if (kind === 'text' || isUtf16Text(buf)) return { checked: checkCsv(buf, columns, limits), file: buf };
    throw notXlsx(kind);
  }
  const inspected = inspectZip(buf, limits);
  if (!inspected.ok) refusedZip(buf, inspected.problem, limits);
  const names = new Set(inspected.entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    throw notXlsx(sniffNotXlsx(buf, inspected.entries));
  }
  if (inspected.entries.some((e) => e.encrypted || (e.method !== 0 && e.method !== 8))) {
    throw unreadableWorkbook();
  }
  const zip = new VerifiedZip(buf, inspected.entries);
  const peek = await peekWorkbook(zip);
  if (!peek.ok && peek.problem === 'zip') refusedZip(buf, peek.zip, limits);
  try {
    await zip.verifyRest();
  } catch (err) {
    if (err instanceof ZipEntryRefused) refusedZip(buf, err.problem, limits);
    throw err;
  }
  if (!peek.ok) throw unreadableWorkbook();
  return { checked: chooseSheet(peek.sheets, columns, limits, sheetTitles), file: zip.approvedBytes() };
}

/** The checks of `approveUpload`, for the upload request (the job approves its stored file again). */
export async function checkUpload(
  buf: Buffer,
  columns: ImportColumn[],
  limits: ExcelLimits = EXCEL_LIMITS,
  sheetTitles: readonly string[] = [],
): Promise<CheckedUpload> {
  return (await approveUpload(buf, columns, limits, sheetTitles)).checked;
}
