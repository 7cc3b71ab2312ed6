import { judgeCell, reportText, type SheetCell, serialDateText, shownText } from './cell-judge.ts';
import { csvRecords, decodeCsv } from './csv-read.ts';
import { sheetColumnsMissing, unreadableWorkbook } from './excel-errors.ts';
import type { ImportColumn, ImportRow, PreparedRow, RowImporter, RowProblem } from './excel-list.ts';
import { findHeader } from './header-match.ts';
import type { CheckedUpload } from './upload-check.ts';
import {
  attr,
  type CellStyles,
  cellStyles,
  columnIndex,
  columnLetters,
  decodeXml,
  ElementTooLarge,
  EntryLies,
  elements,
  entryText,
  entryTextChunks,
  runsText,
  sharedStrings,
  workbookInfo,
} from './xlsx-parts.ts';
import { readCentralDirectory } from './zip-inspect.ts';

/** A data row with what every cell shows, for the error report. */
export interface SheetRow extends ImportRow {
  cells: string[];
  /**
   * Cells refused for what the spreadsheet stored (a formula, an error value, a date where
   * text or a number belongs, a number where a code belongs): the row is not given to the
   * importer and fails with these.
   */
  problems: RowProblem[];
}

export interface SheetReader {
  /** Header cells as found in the file (set once the header row has been read). */
  headers: string[];
  /** Data rows after the header, in chunks; empty rows are skipped. */
  chunks(): AsyncGenerator<SheetRow[]>;
}

/** A row of stored cells by column index (0 = A); holes are empty cells. */
interface StoredRow {
  rowNo: number;
  cells: Array<SheetCell | undefined>;
}

/** Longest XML of one row: anything longer is not a sheet a person typed. */
const MAX_ROW_CHARS = 16 * 1024 * 1024;
const CSV_BATCH = 1000;

const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const FORMULA = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const VALUE = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/;

/** An ISO date of a `t="d"` cell as wall-clock text. */
function isoDateText(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/.exec(iso.trim());
  if (!m) return iso.trim();
  return m[2] && m[2] !== '00:00:00' ? `${m[1]} ${m[2]}` : (m[1] ?? '');
}

function storedCell(
  attrs: string,
  body: string,
  ref: string,
  ctx: { shared: string[]; styles: CellStyles; date1904: boolean },
): SheetCell {
  const t = attr(attrs, 't') ?? 'n';
  const f = FORMULA.exec(body);
  const formula = f ? decodeXml(f[1] ?? '').trim() : undefined;
  const v = VALUE.exec(body)?.[1];
  const cell = (value: SheetCell['value']): SheetCell => ({ ref, value, formula });
  switch (t) {
    case 's':
      return cell({ type: 'string', text: v === undefined ? '' : (ctx.shared[Number(v)] ?? '') });
    case 'inlineStr':
      return cell({ type: 'string', text: runsText(body.replace(FORMULA, '')) });
    case 'str':
      return cell({ type: 'string', text: decodeXml(v ?? '') });
    case 'b':
      return cell(v === undefined ? { type: 'empty' } : { type: 'boolean', value: v.trim() === '1' });
    case 'e':
      return cell({ type: 'error', text: decodeXml(v ?? '#VALUE!') });
    case 'd':
      return cell(v === undefined ? { type: 'empty' } : { type: 'date', text: isoDateText(decodeXml(v)) });
    default: {
      if (v === undefined || v.trim() === '') return cell({ type: 'empty' });
      const n = Number(v);
      if (!Number.isFinite(n)) return cell({ type: 'string', text: decodeXml(v) });
      const style = Number(attr(attrs, 's') ?? '0');
      if (ctx.styles.isDate(style)) return cell({ type: 'date', text: serialDateText(n, ctx.date1904) });
      return cell({ type: 'number', value: n });
    }
  }
}

/** The cells of one `<row>` element. */
function storedRow(
  xml: string,
  previous: number,
  ctx: { shared: string[]; styles: CellStyles; date1904: boolean },
): StoredRow {
  const open = /^<(?:\w+:)?row\b([^>]*?)\/?>/.exec(xml)?.[1] ?? '';
  const rowNo = Number(attr(open, 'r') ?? previous + 1);
  const cells: Array<SheetCell | undefined> = [];
  let next = 0;
  for (const m of xml.matchAll(CELL)) {
    const attrs = m[1] ?? '';
    const r = attr(attrs, 'r');
    const col = (r !== undefined ? columnIndex(r) : undefined) ?? next;
    next = col + 1;
    cells[col] = storedCell(attrs, m[2] ?? '', r ?? `${columnLetters(col)}${rowNo}`, ctx);
  }
  return { rowNo, cells };
}

/** The rows of the data sheet of an .xlsx, streamed from its ZIP entry. */
async function* xlsxRows(file: Buffer, checked: CheckedUpload): AsyncGenerator<StoredRow[]> {
  const zip = readCentralDirectory(file, Number.MAX_SAFE_INTEGER);
  if (!zip.ok) throw unreadableWorkbook();
  const byName = new Map(zip.entries.map((e) => [e.name, e]));
  const sheet = byName.get(checked.sheetPart);
  if (!sheet) throw unreadableWorkbook();
  try {
    const info = workbookInfo(
      await entryText(file, byName.get('xl/workbook.xml')),
      await entryText(file, byName.get('xl/_rels/workbook.xml.rels')),
    );
    const ctx = {
      shared: await sharedStrings(file, byName.get('xl/sharedStrings.xml')),
      styles: cellStyles(await entryText(file, byName.get('xl/styles.xml'))),
      date1904: info.date1904,
    };
    let previous = 0;
    for await (const batch of elements(entryTextChunks(file, sheet), 'row', MAX_ROW_CHARS)) {
      yield batch.map((xml) => {
        const row = storedRow(xml, previous, ctx);
        previous = row.rowNo;
        return row;
      });
    }
  } catch (err) {
    // an element longer than any typed one, or an entry unpacking beyond its size: not a sheet we read
    if (err instanceof ElementTooLarge || err instanceof EntryLies) throw unreadableWorkbook();
    throw err;
  }
}

/** The records of a CSV upload as rows of text cells. */
async function* csvRows(file: Buffer): AsyncGenerator<StoredRow[]> {
  let batch: StoredRow[] = [];
  for (const rec of csvRecords(decodeCsv(file).text)) {
    batch.push({
      rowNo: rec.rowNo,
      cells: rec.cells.map((text, i) => ({
        ref: `${columnLetters(i)}${rec.rowNo}`,
        value: text === '' ? { type: 'empty' } : { type: 'string', text },
      })),
    });
    if (batch.length >= CSV_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Streams the data sheet of an upload (the worksheet `checkUpload` chose, or the records of a
 * CSV), mapping each data row's cells to column keys by the header row's labels and judging
 * every cell by its column's kind: the importer gets text, never what a spreadsheet made of it.
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
      const rows = checked.format === 'csv' ? csvRows(file) : xlsxRows(file, checked);
      let indexOf: Map<string, number> | undefined;
      let chunk: SheetRow[] = [];
      for await (const batch of rows) {
        for (const row of batch) {
          if (row.rowNo < checked.headerRowNo) continue;
          const shown = Array.from(row.cells, (c) => (c ? shownText(c) : ''));
          if (!indexOf) {
            const found = findHeader([shown], columns);
            if (!found.ok) throw sheetColumnsMissing(checked, found.missing);
            indexOf = found.match.indexOf;
            reader.headers = shown;
            continue;
          }
          if (shown.every((t) => t === '')) continue;
          const values: Record<string, string> = {};
          const problems: RowProblem[] = [];
          for (const c of columns) {
            const i = indexOf.get(c.key);
            const cell = i === undefined ? undefined : row.cells[i];
            if (!cell) {
              values[c.key] = '';
              continue;
            }
            const judged = judgeCell(cell, c);
            if (judged.problem) problems.push(judged.problem);
            values[c.key] = judged.problem ? '' : judged.text;
          }
          const cells = Array.from(row.cells, (c) => (c ? reportText(c) : ''));
          chunk.push({ rowNo: row.rowNo, values, cells, problems });
          if (chunk.length >= chunkRows) {
            yield chunk;
            chunk = [];
          }
        }
      }
      if (chunk.length > 0) yield chunk;
    },
  };
  return reader;
}

/**
 * Prepares a chunk of rows, in order: the importer gets the rows whose cells were all
 * accepted; a row with refused cells fails with those problems without reaching it (so
 * nothing of what the spreadsheet made of the cell is validated or staged).
 */
export async function prepareSheetRows(importer: RowImporter, chunk: SheetRow[]): Promise<PreparedRow[]> {
  const clean = chunk.filter((r) => r.problems.length === 0);
  const prepared = clean.length > 0 ? await importer.prepare(clean) : [];
  let next = 0;
  return chunk.map((r) => {
    if (r.problems.length > 0) return { rowNo: r.rowNo, problems: r.problems };
    const p = prepared[next++];
    if (!p) throw new Error(`the importer prepared ${prepared.length} of ${clean.length} rows`);
    return p;
  });
}
