import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { ImportColumn } from '../excel-list.ts';
import { entryDataOffset, readCentralDirectory } from '../zip-inspect.ts';

/**
 * Workbooks whose cells are typed the way spreadsheets store what clerks typed (LibreOffice
 * Calc, Excel, WPS): a date typed into a cell is a number with a date format, 3-1 becomes
 * 1 March, 0302 typed into a number-formatted cell the number 302, =1+1 a formula with its
 * cached result. And a reader of exports that shows each cell as its type says.
 */

export type Cell =
  | string
  | number
  | boolean
  | null
  | { date: string; numFmt?: string }
  | { number: number; numFmt: string }
  | { formula: string; result?: string | number };

/** A date as exceljs writes it: a UTC instant holding the wall clock. */
const wallClock = (text: string) => {
  const [d, t] = text.split(' ');
  const [y, m, day] = (d ?? '').split('-').map(Number);
  const [h, mi, s] = (t ?? '0:0:0').split(':').map(Number);
  return new Date(Date.UTC(y!, m! - 1, day!, h ?? 0, mi ?? 0, s ?? 0));
};

/** A workbook of these sheets, in this tab order. */
export async function workbookOf(sheets: Array<{ name: string; rows: Cell[][] }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof v !== 'object') cell.value = v;
        else if ('date' in v) {
          cell.value = wallClock(v.date);
          cell.numFmt = v.numFmt ?? 'yyyy/m/d';
        } else if ('number' in v) {
          cell.value = v.number;
          cell.numFmt = v.numFmt;
        } else cell.value = { formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue;
      });
    });
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell read back: its type (text, number, date, formula), what it shows and its number format. */
export interface ReadCell {
  type: 'text' | 'number' | 'date' | 'formula' | 'empty' | 'other';
  shown: string;
  numFmt: string | undefined;
}

function readCell(cell: ExcelJS.Cell): ReadCell {
  const v = cell.value;
  const numFmt = cell.numFmt || undefined;
  if (v === null || v === undefined) return { type: 'empty', shown: '', numFmt };
  if (typeof v === 'string') return { type: 'text', shown: v, numFmt };
  if (typeof v === 'number') return { type: 'number', shown: String(v), numFmt };
  if (v instanceof Date) {
    const day = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const secs = v.getUTCHours() * 3600 + v.getUTCMinutes() * 60 + v.getUTCSeconds();
    const time = `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`;
    return { type: 'date', shown: secs === 0 ? day : `${day} ${time}`, numFmt };
  }
  if (typeof v === 'object' && 'formula' in v) return { type: 'formula', shown: `=${v.formula}`, numFmt };
  if (typeof v === 'object' && 'richText' in v)
    return { type: 'text', shown: v.richText.map((r) => r.text).join(''), numFmt };
  return { type: 'other', shown: String(v), numFmt };
}

/** Every sheet of a workbook, each cell with its type and number format. */
export async function typedSheetsOf(file: Buffer): Promise<Map<string, ReadCell[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as never);
  const out = new Map<string, ReadCell[][]>();
  wb.eachSheet((ws) => {
    const rows: ReadCell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const cells: ReadCell[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(readCell(row.getCell(c)));
      rows.push(cells);
    });
    out.set(ws.name, rows);
  });
  return out;
}

/** What every cell of every sheet shows (dates as 2026-03-02 09:00:00, formulas as =…). */
export async function shownSheetsOf(file: Buffer): Promise<Map<string, string[][]>> {
  const typed = await typedSheetsOf(file);
  return new Map([...typed].map(([name, rows]) => [name, rows.map((r) => r.map((c) => c.shown))]));
}

/** The text of one part of a workbook, to look into the raw XML. */
export function partText(file: Buffer, name: string): string {
  const dir = readCentralDirectory(file, 1000);
  if (!dir.ok) throw new Error('not a zip');
  const e = dir.entries.find((x) => x.name === name);
  if (!e) throw new Error(`no ${name}`);
  const start = entryDataOffset(file, e);
  const data = file.subarray(start, start + e.compressedSize);
  return (e.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

/** Text in GB18030, as Chinese Excel and WPS save "CSV (comma delimited)". */
export function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no two-byte GB18030 code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

/** An import column for tests: header in Chinese, the key as its English header. */
export const col = (key: string, zh: string, kind: ImportColumn['kind'], required = true): ImportColumn => ({
  key,
  header: { zh, en: key },
  required,
  kind,
  help: { zh, en: key },
  example: '',
});
