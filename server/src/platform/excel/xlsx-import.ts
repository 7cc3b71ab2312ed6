import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellText } from './cell-text.ts';
import { columnsMissing } from './excel-errors.ts';
import type { ImportColumn, ImportRow } from './excel-list.ts';
import { findHeader } from './header-match.ts';
import type { CheckedUpload } from './upload-check.ts';

/** A data row with the text of every cell, for the error report. */
export interface SheetRow extends ImportRow {
  cells: string[];
}

export interface SheetReader {
  /** Header cells as found in the file (set once the header row has been read). */
  headers: string[];
  /** Data rows after the header, in chunks; empty rows are skipped. */
  chunks(): AsyncGenerator<SheetRow[]>;
}

type RowLike = { number: number; values: unknown };

function cellsOf(row: RowLike): { texts: string[]; numeric: boolean[] } {
  const values = Array.isArray(row.values) ? (row.values as unknown[]) : [];
  const texts: string[] = [];
  const numeric: boolean[] = [];
  // exceljs row values are 1-based (index 0 is unused)
  for (let i = 1; i < values.length; i++) {
    const c = cellText(values[i]);
    texts.push(c.text);
    numeric.push(c.numeric);
  }
  return { texts, numeric };
}

/**
 * Streams the first worksheet of an uploaded workbook with exceljs's WorkbookReader (the file
 * is unpacked entry by entry, never built as a whole workbook), mapping each data row's cells
 * to column keys by the header row's labels.
 */
export function readSheet(
  file: Buffer,
  checked: CheckedUpload,
  columns: ImportColumn[],
  chunkRows: number,
): SheetReader {
  const reader: SheetReader = {
    headers: [],
    async *chunks() {
      const workbook = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
        worksheets: 'emit',
        sharedStrings: 'cache',
        hyperlinks: 'ignore',
        styles: 'ignore',
        entries: 'ignore',
      });
      let done = false;
      for await (const sheet of workbook) {
        const s = sheet as unknown as { name: string } & AsyncIterable<RowLike>;
        const ours = !done && (s.name === checked.sheetName || s.name === `Sheet${checked.sheetNo}`);
        if (!ours) {
          for await (const _ of s) {
            // other sheets (the instructions) are read through and ignored
          }
          continue;
        }
        done = true;
        let indexOf: Map<string, number> | undefined;
        let chunk: SheetRow[] = [];
        for await (const row of s) {
          if (row.number < checked.headerRowNo) continue;
          const { texts, numeric } = cellsOf(row);
          if (!indexOf) {
            const found = findHeader([texts], columns);
            if (!found.ok) throw columnsMissing(found.missing);
            indexOf = found.match.indexOf;
            reader.headers = texts;
            continue;
          }
          if (texts.every((t) => t === '')) continue;
          const values: Record<string, string> = {};
          const numericKeys = new Set<string>();
          for (const c of columns) {
            const i = indexOf.get(c.key);
            values[c.key] = i === undefined ? '' : (texts[i] ?? '');
            if (i !== undefined && numeric[i]) numericKeys.add(c.key);
          }
          chunk.push({ rowNo: row.number, values, numeric: numericKeys, cells: texts });
          if (chunk.length >= chunkRows) {
            yield chunk;
            chunk = [];
          }
        }
        if (chunk.length > 0) yield chunk;
      }
    },
  };
  return reader;
}
