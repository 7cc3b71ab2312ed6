import { createInflateRaw } from 'node:zlib';
import { entryDataOffset, type ZipEntry } from './zip-inspect.ts';

/**
 * A quick look into an uploaded workbook before the job is queued: every entry is inflated
 * once (and refused if it unpacks beyond its declared size, the lie a zip bomb tells), the
 * first worksheet's rows are counted, and the text of its first rows is read for the header
 * check. Memory stays small: entries are streamed, only the first rows are kept.
 */

export interface SheetPeek {
  /** Number in the worksheet's part name (xl/worksheets/sheet<N>.xml), as exceljs names it. */
  sheetNo: number;
  /** The sheet's name in xl/workbook.xml. */
  sheetName: string;
  /** `<row>` elements in the sheet, the header row included. */
  rows: number;
  /** Text of the cells of the first rows (index 0 = column A), for finding the header. */
  firstRows: string[][];
  /** Sheet row numbers (1-based) of `firstRows`. */
  firstRowNos: number[];
}

export type PeekResult =
  | { ok: true; sheet: SheetPeek }
  | { ok: false; problem: 'entry_lies' | 'unsupported' | 'no_sheet'; detail: string };

/** Rows of the sheet's beginning kept for the header search. */
export const HEADER_SEARCH_ROWS = 10;
const PREFIX_CHARS = 256 * 1024;

class EntryLies extends Error {}

/** Inflates one entry chunk by chunk; throws EntryLies once it exceeds its declared size. */
async function inflateEntry(buf: Buffer, e: ZipEntry, onChunk: (chunk: Buffer) => void): Promise<void> {
  const start = entryDataOffset(buf, e);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (data.length > e.uncompressedSize) throw new EntryLies(e.name);
    onChunk(data);
    return;
  }
  let total = 0;
  const inflater = createInflateRaw();
  await new Promise<void>((resolve, reject) => {
    inflater.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > e.uncompressedSize) {
        inflater.destroy();
        reject(new EntryLies(e.name));
        return;
      }
      onChunk(chunk);
    });
    inflater.on('end', resolve);
    inflater.on('error', reject);
    inflater.end(data);
  });
}

/** Decodes the five XML entities and numeric character references. */
export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, ref: string) => {
    const r = ref.toLowerCase();
    if (r === 'lt') return '<';
    if (r === 'gt') return '>';
    if (r === 'amp') return '&';
    if (r === 'quot') return '"';
    if (r === 'apos') return "'";
    const code = r.startsWith('#x') ? Number.parseInt(r.slice(2), 16) : Number.parseInt(r.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** Text of `<t>` runs, leaving out phonetic guides (`<rPh>`). */
const runsText = (xml: string) =>
  decodeXml(
    [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)]
      .map((m) => m[1])
      .join(''),
  );

/** Column index (0 = A) of a cell reference such as "C7". */
function columnIndex(ref: string): number | undefined {
  const letters = /^([A-Z]+)\d*$/i.exec(ref)?.[1];
  if (!letters) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

type RawCell = { shared: number } | { text: string };

/** Cells of the complete `<row>` elements in a worksheet's beginning. */
function parseRows(prefix: string, limit: number): Array<{ rowNo: number; cells: Map<number, RawCell> }> {
  const rows: Array<{ rowNo: number; cells: Map<number, RawCell> }> = [];
  for (const m of prefix.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    if (rows.length >= limit) break;
    const rowNo = Number(/\br="(\d+)"/.exec(m[1] ?? '')?.[1] ?? (rows.at(-1)?.rowNo ?? 0) + 1);
    const cells = new Map<number, RawCell>();
    let next = 0;
    for (const c of (m[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1] ?? '';
      const body = c[2] ?? '';
      const ref = /\br="([^"]*)"/.exec(attrs)?.[1];
      const col = (ref !== undefined ? columnIndex(ref) : undefined) ?? next;
      next = col + 1;
      const type = /\bt="([^"]*)"/.exec(attrs)?.[1];
      const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(body)?.[1];
      if (type === 's' && v !== undefined) cells.set(col, { shared: Number(v) });
      else if (type === 'inlineStr') cells.set(col, { text: runsText(body) });
      else if (v !== undefined) cells.set(col, { text: decodeXml(v) });
    }
    rows.push({ rowNo, cells });
  }
  return rows;
}

/** Name and part name of the workbook's first sheet, from xl/workbook.xml and its relationships. */
function firstSheet(workbookXml: string, relsXml: string): { name: string; part: string } | undefined {
  const sheet = /<(?:\w+:)?sheet\b[^>]*>/.exec(workbookXml)?.[0] ?? '';
  const id = /\br:id="([^"]+)"/.exec(sheet)?.[1];
  const name = decodeXml(/\bname="([^"]*)"/.exec(sheet)?.[1] ?? '');
  if (!id) return undefined;
  for (const rel of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    if (/\bId="([^"]+)"/.exec(rel[0])?.[1] !== id) continue;
    const target = /\bTarget="([^"]+)"/.exec(rel[0])?.[1];
    if (!target) return undefined;
    return { name, part: target.startsWith('/') ? target.slice(1) : `xl/${target}` };
  }
  return undefined;
}

export async function peekWorkbook(buf: Buffer, entries: ZipEntry[]): Promise<PeekResult> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const text = new Map<string, string>();
  const keepWhole = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);
  try {
    // Small parts first: they say which sheet is the first one.
    for (const name of keepWhole) {
      const e = byName.get(name);
      if (!e) continue;
      const parts: Buffer[] = [];
      await inflateEntry(buf, e, (c) => parts.push(c));
      text.set(name, Buffer.concat(parts).toString('utf8'));
    }
    const first = firstSheet(text.get('xl/workbook.xml') ?? '', text.get('xl/_rels/workbook.xml.rels') ?? '');
    const part = first?.part;
    const sheetNo = Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(part ?? '')?.[1]);
    const sheetEntry = part ? byName.get(part) : undefined;
    let rows = 0;
    let prefix = '';
    let tail = '';
    if (sheetEntry) {
      await inflateEntry(buf, sheetEntry, (chunk) => {
        const s = tail + chunk.toString('latin1');
        rows += s.match(/<row[\s>/]/g)?.length ?? 0;
        tail = s.slice(-4);
        if (prefix.length < PREFIX_CHARS) prefix += chunk.toString('latin1');
      });
    }
    const raw = parseRows(Buffer.from(prefix, 'latin1').toString('utf8'), HEADER_SEARCH_ROWS);
    const needed = new Set<number>();
    for (const r of raw) for (const c of r.cells.values()) if ('shared' in c) needed.add(c.shared);
    const shared = await sharedStrings(buf, byName.get('xl/sharedStrings.xml'), needed);
    for (const e of entries) {
      if (e === sheetEntry || keepWhole.has(e.name) || e.name === 'xl/sharedStrings.xml') continue;
      await inflateEntry(buf, e, () => {});
    }
    if (!first || !sheetEntry || !Number.isInteger(sheetNo)) {
      return { ok: false, problem: 'no_sheet', detail: part ?? 'no sheet in xl/workbook.xml' };
    }
    const firstRows = raw.map(({ cells }) => {
      const out: string[] = [];
      for (const [col, c] of cells) out[col] = 'shared' in c ? (shared.get(c.shared) ?? '') : c.text;
      return Array.from(out, (v) => v ?? '');
    });
    return {
      ok: true,
      sheet: { sheetNo, sheetName: first.name, rows, firstRows, firstRowNos: raw.map((r) => r.rowNo) },
    };
  } catch (err) {
    if (err instanceof EntryLies) return { ok: false, problem: 'entry_lies', detail: err.message };
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, problem: 'unsupported', detail };
  }
}

/** The shared strings at the wanted indexes (the header's are near the start); the rest is only inflated. */
async function sharedStrings(
  buf: Buffer,
  entry: ZipEntry | undefined,
  wanted: Set<number>,
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (!entry) return found;
  const last = Math.max(-1, ...wanted);
  let index = 0;
  let pending = Buffer.alloc(0);
  await inflateEntry(buf, entry, (chunk) => {
    if (index > last) return;
    pending = Buffer.concat([pending, chunk]);
    const s = pending.toString('latin1');
    let consumed = 0;
    for (const m of s.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) {
      if (wanted.has(index)) found.set(index, runsText(Buffer.from(m[1] ?? '', 'latin1').toString('utf8')));
      index++;
      consumed = (m.index ?? 0) + m[0].length;
      if (index > last) break;
    }
    pending = pending.subarray(consumed);
  });
  return found;
}
