import { createInflateRaw } from 'node:zlib';
import { entryDataOffset, type ZipEntry } from './zip-inspect.ts';

/**
 * The parts of an .xlsx package our reader needs, read straight from the ZIP entries of the
 * uploaded bytes (in any order the writing program chose — LibreOffice, Excel and WPS differ):
 * the sheets of xl/workbook.xml with their part names, the 1904 date system flag, the number
 * format and quote prefix of each cell style (xl/styles.xml), the shared strings, and a
 * worksheet's rows streamed as XML text. Every entry is inflated chunk by chunk and refused
 * once it unpacks beyond the size it declares (the lie a zip bomb tells).
 */

export class EntryLies extends Error {}

const STORED_CHUNK = 64 * 1024;

/** The inflated bytes of one entry, chunk by chunk (pulled: never more than a chunk ahead). */
export async function* entryChunks(buf: Buffer, e: ZipEntry): AsyncGenerator<Buffer> {
  const start = entryDataOffset(buf, e);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (data.length > e.uncompressedSize) throw new EntryLies(e.name);
    for (let i = 0; i < data.length; i += STORED_CHUNK) yield data.subarray(i, i + STORED_CHUNK);
    return;
  }
  const inflater = createInflateRaw();
  inflater.end(data);
  let total = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > e.uncompressedSize) throw new EntryLies(e.name);
      yield chunk;
    }
  } finally {
    inflater.destroy();
  }
}

/** An entry's text as UTF-8, chunk by chunk (characters split between chunks are joined). */
export async function* entryTextChunks(buf: Buffer, e: ZipEntry): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of entryChunks(buf, e)) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** A small entry's whole text (workbook.xml, its relationships, styles.xml). */
export async function entryText(buf: Buffer, e: ZipEntry | undefined): Promise<string> {
  if (!e) return '';
  let text = '';
  for await (const t of entryTextChunks(buf, e)) text += t;
  return text;
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
    // a reference to no character at all (beyond U+10FFFF) stays as written; a NUL or a lone
    // surrogate is decoded and then refused by the cell's judge, naming the cell
    return code <= 0x10ffff ? String.fromCodePoint(code) : `&${ref};`;
  });
}

/** An attribute's decoded value in a start tag's attribute text. */
export function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)(?:\\w+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  if (!m) return undefined;
  return decodeXml(m[1] ?? m[2] ?? '');
}

/** Text of `<t>` runs (plain or rich text), leaving out phonetic guides (`<rPh>`). */
export const runsText = (xml: string) =>
  decodeXml(
    [
      ...xml
        .replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '')
        .matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g),
    ]
      .map((m) => m[1])
      .join(''),
  );

/** Column index (0 = A) of a cell reference such as "C7". */
export function columnIndex(ref: string): number | undefined {
  const letters = /^\$?([A-Z]{1,3})\$?\d*$/i.exec(ref)?.[1];
  if (!letters) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The letters of a column index: 0 → A, 27 → AB. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// ---------------------------------------------------------------- workbook

export interface WorkbookSheet {
  /** The tab's name. */
  name: string;
  /** The worksheet's part, e.g. xl/worksheets/sheet1.xml. */
  part: string;
}

export interface WorkbookInfo {
  /** Worksheets in tab order (chart sheets and dialog sheets left out). */
  sheets: WorkbookSheet[];
  /** Serial dates count from 1904-01-01 (old Mac workbooks) instead of 1899-12-30. */
  date1904: boolean;
}

function partOf(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The sheets of xl/workbook.xml, resolved to their parts through xl/_rels/workbook.xml.rels. */
export function workbookInfo(workbookXml: string, relsXml: string): WorkbookInfo {
  const targets = new Map<string, string>();
  for (const rel of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(rel[1] ?? '', 'Id');
    const target = attr(rel[1] ?? '', 'Target');
    const type = attr(rel[1] ?? '', 'Type') ?? '';
    if (id && target && /\/worksheet$/.test(type)) targets.set(id, partOf(target));
  }
  const sheets: WorkbookSheet[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    const id = attr(attrs, 'id');
    const part = id ? targets.get(id) : undefined;
    if (part) sheets.push({ name: attr(attrs, 'name') ?? '', part });
  }
  const pr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(workbookXml)?.[1] ?? '';
  const d = attr(pr, 'date1904');
  return { sheets, date1904: d === '1' || d === 'true' };
}

// ---------------------------------------------------------------- styles

/** Built-in number formats that show dates or times (14–22; 27–36 and 50–58 in Chinese Excel; 45–47). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** Whether a number format code shows a date or a time (yyyy/m/d, m月d日, hh:mm, [h]:mm …). */
export function isDateFormatCode(code: string): boolean {
  const first = code.split(';')[0] ?? '';
  const bare = first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/general/gi, '');
  return /[ymdhs]/i.test(bare);
}

export interface CellStyles {
  /** The cell style (s="n") shows its number as a date or time. */
  isDate(style: number): boolean;
  /** The cell style is formatted as text (numFmt @). */
  isText(style: number): boolean;
}

/** The number format of each cell style (`<cellXfs>`) of xl/styles.xml. */
export function cellStyles(stylesXml: string): CellStyles {
  const codes = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
    const id = Number(attr(m[1] ?? '', 'numFmtId'));
    const code = attr(m[1] ?? '', 'formatCode');
    if (Number.isInteger(id) && code !== undefined) codes.set(id, code);
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const dates: boolean[] = [];
  const texts: boolean[] = [];
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(attr(m[1] ?? '', 'numFmtId') ?? '0');
    const code = codes.get(id);
    dates.push(code !== undefined ? isDateFormatCode(code) : DATE_FORMAT_IDS.has(id));
    texts.push(code !== undefined ? code === '@' : id === 49);
  }
  return { isDate: (s) => dates[s] === true, isText: (s) => texts[s] === true };
}

// ---------------------------------------------------------------- shared strings and rows

/**
 * Complete elements named `tag` (`<row …>…</row>`, `<row …/>`, `<si>…</si>`) from XML text
 * arriving in chunks, a batch per chunk. Text is only searched once a closing tag has arrived,
 * so a long element costs no repeated scans; one element may hold at most `maxElementChars`.
 */
export async function* elements(
  chunks: AsyncIterable<string>,
  tag: string,
  maxElementChars: number,
): AsyncGenerator<string[]> {
  const pattern = new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${tag}>)`, 'g');
  const close = `${tag}>`;
  let pending = '';
  const take = (): string[] => {
    const found: string[] = [];
    let end = 0;
    pattern.lastIndex = 0;
    for (const m of pending.matchAll(pattern)) {
      found.push(m[0]);
      end = (m.index ?? 0) + m[0].length;
    }
    pending = pending.slice(end);
    return found;
  };
  for await (const text of chunks) {
    const from = Math.max(0, pending.length - close.length);
    pending += text;
    if (pending.indexOf(close, from) < 0 && pending.length < maxElementChars / 2) continue;
    const found = take();
    if (pending.length > maxElementChars) throw new ElementTooLarge(tag);
    if (found.length > 0) yield found;
  }
  const found = take();
  if (found.length > 0) yield found;
}

export class ElementTooLarge extends Error {}

/** Every shared string, in order (rich text as its plain text). */
export async function sharedStrings(buf: Buffer, e: ZipEntry | undefined): Promise<string[]> {
  const out: string[] = [];
  if (!e) return out;
  for await (const batch of elements(entryTextChunks(buf, e), 'si', 4 * 1024 * 1024)) {
    for (const si of batch) out.push(runsText(si));
  }
  return out;
}
