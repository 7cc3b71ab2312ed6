import { csvRecords, decodeCsv } from './csv-read.ts';
import { noDataRows, sheetColumnsMissing, tooManyRows } from './excel-errors.ts';
import type { ExcelLimits } from './excel-limits.ts';
import type { ImportColumn } from './excel-list.ts';
import { findHeader, type HeaderMatch, normaliseHeader } from './header-match.ts';
import type { CheckedUpload } from './upload-check.ts';
import { HEADER_SEARCH_ROWS, type SheetPeek } from './xlsx-peek.ts';

/**
 * Which sheet of an upload holds the data, and where its header is: the sheet named as the
 * template's (人员 / People) if its header is there, else the first sheet whose first rows
 * hold the header (an instructions sheet or a cover sheet may come first); a CSV's records.
 */

/** Excel cuts tab names at 31 characters. */
const sheetKey = (name: string) => normaliseHeader(name.slice(0, 31));

function accepted(
  found: { format: 'xlsx' | 'csv'; sheetName: string; sheetPart: string },
  rows: number,
  header: HeaderMatch,
  rowNos: number[],
  limits: ExcelLimits,
): CheckedUpload {
  const dataRows = rows - (header.headerRow + 1);
  if (dataRows > limits.maxRows) throw tooManyRows(dataRows, limits.maxRows);
  if (dataRows <= 0) throw noDataRows();
  const headerRowNo = rowNos[header.headerRow] ?? header.headerRow + 1;
  return { ...found, headerRowNo, dataRows };
}

/** The data sheet among a workbook's sheets; refuses naming the sheet that should have held it. */
export function chooseSheet(
  sheets: SheetPeek[],
  columns: ImportColumn[],
  limits: ExcelLimits,
  sheetTitles: readonly string[],
): CheckedUpload {
  const titles = new Set(sheetTitles.map(sheetKey));
  const named = (s: SheetPeek) => titles.has(sheetKey(s.sheetName));
  const judged = sheets.map((sheet) => ({ sheet, header: findHeader(sheet.firstRows, columns) }));
  const chosen = judged.find((j) => j.header.ok && named(j.sheet)) ?? judged.find((j) => j.header.ok);
  if (!chosen?.header.ok) {
    const blamed = judged.find((j) => named(j.sheet)) ?? judged[0];
    const missing = blamed && !blamed.header.ok ? blamed.header.missing : columns.filter((c) => c.required);
    throw sheetColumnsMissing({ format: 'xlsx', sheetName: blamed?.sheet.sheetName ?? '' }, missing);
  }
  const s = chosen.sheet;
  return accepted(
    { format: 'xlsx', sheetName: s.sheetName, sheetPart: s.sheetPart },
    s.rows,
    chosen.header.match,
    s.firstRowNos,
    limits,
  );
}

/** A CSV upload: its header among the first records, and the records after it. */
export function checkCsv(buf: Buffer, columns: ImportColumn[], limits: ExcelLimits): CheckedUpload {
  const first: string[][] = [];
  const rowNos: number[] = [];
  let rows = 0;
  let lastFilled = 0;
  for (const rec of csvRecords(decodeCsv(buf).text)) {
    rows++;
    if (rec.cells.some((c) => c.trim() !== '')) lastFilled = rows;
    if (first.length < HEADER_SEARCH_ROWS) {
      first.push(rec.cells.map((c) => c.trim()));
      rowNos.push(rec.rowNo);
    }
  }
  const header = findHeader(first, columns);
  if (!header.ok) throw sheetColumnsMissing({ format: 'csv', sheetName: '' }, header.missing);
  // blank lines at the end of a CSV are not rows anyone typed
  return accepted({ format: 'csv', sheetName: '', sheetPart: '' }, lastFilled, header.match, rowNos, limits);
}
