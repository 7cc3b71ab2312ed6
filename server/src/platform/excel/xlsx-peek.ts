import { attr, columnIndex, decodeXml, runsText, workbookInfo } from './xlsx-parts.ts';
import type { ZipEntry, ZipRefusal } from './zip-inspect.ts';
import { type VerifiedZip, ZipEntryRefused } from './zip-verify.ts';

/**
 * A quick look into an uploaded workbook before the job is queued: the workbook's parts and
 * worksheets are inflated once through the verifying reader (refused as soon as an entry
 * unpacks beyond its declared size, the lie a zip bomb tells), each worksheet's rows are
 * counted, and the text of its first rows is read for finding the data sheet and its header.
 * Memory stays small: entries are streamed, only the first rows are kept.
 */
export interface SheetPeek {
  /** The sheet's name in xl/workbook.xml. */
  sheetName: string;
  /** Its part, e.g. xl/worksheets/sheet1.xml. */
  sheetPart: string;
  /** `<row>` elements in the sheet, the header row included. */
  rows: number;
  /** Text of the cells of the first rows (index 0 = column A), for finding the header. */
  firstRows: string[][];
  /** Sheet row numbers (1-based) of `firstRows`. */
  firstRowNos: number[];
}

export type PeekResult =
  | { ok: true; sheets: SheetPeek[] }
  | { ok: false; problem: 'zip'; zip: ZipRefusal }
  | { ok: false; problem: 'unsupported' | 'no_sheet'; detail: string };

/** Rows of a sheet's beginning kept for the header search. */
export const HEADER_SEARCH_ROWS = 10;
const PREFIX_CHARS = 256 * 1024;
/** Sheets whose beginning is kept (a workbook with more tabs is searched in its first ones). */
const MAX_SHEETS_SEARCHED = 20;

type RawCell = { shared: number } | { text: string };

const ROW_START = /<(?:\w+:)?row[\s>/]/g;

/** Cells of the complete `<row>` elements in a worksheet's beginning. */
function parseRows(prefix: string, limit: number): Array<{ rowNo: number; cells: Map<number, RawCell> }> {
  const rows: Array<{ rowNo: number; cells: Map<number, RawCell> }> = [];
  for (const m of prefix.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    if (rows.length >= limit) break;
    const rowNo = Number(attr(m[1] ?? '', 'r') ?? (rows.at(-1)?.rowNo ?? 0) + 1);
    const cells = new Map<number, RawCell>();
    let next = 0;
    for (const c of (m[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const attrs = c[1] ?? '';
      const body = c[2] ?? '';
      const ref = attr(attrs, 'r');
      const col = (ref !== undefined ? columnIndex(ref) : undefined) ?? next;
      next = col + 1;
      const type = attr(attrs, 't');
      const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
      if (type === 's' && v !== undefined) cells.set(col, { shared: Number(v) });
      else if (type === 'inlineStr') cells.set(col, { text: runsText(body) });
      else if (v !== undefined) cells.set(col, { text: decodeXml(v) });
    }
    rows.push({ rowNo, cells });
  }
  return rows;
}

/** A small part's whole text (workbook.xml and its relationships). */
async function partText(zip: VerifiedZip, e: ZipEntry | undefined): Promise<string> {
  if (!e) return '';
  const parts: Buffer[] = [];
  await zip.inflate(e, (c) => parts.push(c));
  return Buffer.concat(parts).toString('utf8');
}

/**
 * The worksheets of the workbook in tab order (the first `MAX_SHEETS_SEARCHED`), each with
 * its row count and first rows. Entries it does not read are left to `zip.verifyRest()`.
 */
export async function peekWorkbook(zip: VerifiedZip): Promise<PeekResult> {
  const byName = new Map(zip.entries.map((e) => [e.name, e]));
  try {
    // Small parts first: they say which sheets there are, in tab order.
    const info = workbookInfo(
      await partText(zip, byName.get('xl/workbook.xml')),
      await partText(zip, byName.get('xl/_rels/workbook.xml.rels')),
    );
    const searched = info.sheets.filter((s) => byName.has(s.part)).slice(0, MAX_SHEETS_SEARCHED);
    const found = new Map<string, { rows: number; prefix: string }>();
    for (const s of searched) {
      const entry = byName.get(s.part);
      if (!entry || found.has(s.part)) continue;
      let rows = 0;
      let prefix = '';
      let tail = '';
      await zip.inflate(entry, (chunk) => {
        // a row start split between chunks is found in tail + chunk; one wholly in the tail was counted
        const t = tail + chunk.toString('latin1');
        for (const m of t.matchAll(ROW_START)) if ((m.index ?? 0) + m[0].length > tail.length) rows++;
        tail = t.slice(-16);
        if (prefix.length < PREFIX_CHARS) prefix += chunk.toString('latin1');
      });
      found.set(s.part, { rows, prefix });
    }
    const raws = new Map(
      [...found].map(([part, f]) => [
        part,
        parseRows(Buffer.from(f.prefix, 'latin1').toString('utf8'), HEADER_SEARCH_ROWS),
      ]),
    );
    const needed = new Set<number>();
    for (const raw of raws.values())
      for (const r of raw) for (const c of r.cells.values()) if ('shared' in c) needed.add(c.shared);
    const shared = await sharedStringsAt(zip, byName.get('xl/sharedStrings.xml'), needed);
    if (searched.length === 0) {
      return { ok: false, problem: 'no_sheet', detail: 'no worksheet in xl/workbook.xml' };
    }
    const sheets = searched.map((s): SheetPeek => {
      const raw = raws.get(s.part) ?? [];
      const firstRows = raw.map(({ cells }) => {
        const out: string[] = [];
        for (const [col, c] of cells) out[col] = 'shared' in c ? (shared.get(c.shared) ?? '') : c.text;
        return Array.from(out, (v) => v ?? '');
      });
      return {
        sheetName: s.name,
        sheetPart: s.part,
        rows: found.get(s.part)?.rows ?? 0,
        firstRows,
        firstRowNos: raw.map((r) => r.rowNo),
      };
    });
    return { ok: true, sheets };
  } catch (err) {
    if (err instanceof ZipEntryRefused) return { ok: false, problem: 'zip', zip: err.problem };
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, problem: 'unsupported', detail };
  }
}

/** The shared strings at the wanted indexes (the headers' are near the start); the rest is only inflated. */
async function sharedStringsAt(
  zip: VerifiedZip,
  entry: ZipEntry | undefined,
  wanted: Set<number>,
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (!entry) return found;
  const last = Math.max(-1, ...wanted);
  let index = 0;
  let pending = Buffer.alloc(0);
  await zip.inflate(entry, (chunk) => {
    if (index > last) return;
    pending = Buffer.concat([pending, chunk]);
    const s = pending.toString('latin1');
    let consumed = 0;
    for (const m of s.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g)) {
      if (wanted.has(index)) found.set(index, runsText(Buffer.from(m[1] ?? '', 'latin1').toString('utf8')));
      index++;
      consumed = (m.index ?? 0) + m[0].length;
      if (index > last) break;
    }
    pending = pending.subarray(consumed);
  });
  return found;
}
