/**
 * CSV uploads (a sheet saved as "CSV UTF-8" or as plain "CSV" by Chinese Excel and WPS, which
 * write GB18030; or a .csv renamed .xlsx): the text is decoded by its bytes, the separator
 * found from the first line, and the records read as RFC 4180 says (quoted fields may hold
 * separators, doubled quotes and line breaks). Every cell of a CSV is text, so codes keep
 * their leading zeros; the rows then go through the same checks as a workbook's.
 */

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

const hasPrefix = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** The encoding of CSV bytes: a byte order mark says; else UTF-8 if it decodes as such, else GB18030. */
export function csvEncoding(buf: Buffer): CsvEncoding {
  if (hasPrefix(buf, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (hasPrefix(buf, [0xff, 0xfe])) return 'utf-16le';
  if (hasPrefix(buf, [0xfe, 0xff])) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** True for text in UTF-16 with a byte order mark (Excel's "Unicode text"), which looks binary. */
export const isUtf16Text = (buf: Buffer) => hasPrefix(buf, [0xff, 0xfe]) || hasPrefix(buf, [0xfe, 0xff]);

/** The text of CSV bytes, without a byte order mark. */
export function decodeCsv(buf: Buffer): { text: string; encoding: CsvEncoding } {
  const encoding = csvEncoding(buf);
  // TextDecoder drops the byte order mark of its own encoding
  return { text: new TextDecoder(encoding).decode(buf), encoding };
}

type Separator = ',' | '\t' | ';';

/** The separator of the first line: comma, tab (Excel's "text" and "Unicode text") or semicolon. */
export function csvSeparator(text: string): Separator {
  const firstLine = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/, 1)[0] ?? '';
  const outside = firstLine.replace(/"[^"]*"/g, '');
  const count = (c: string) => outside.split(c).length - 1;
  const candidates: Separator[] = [',', '\t', ';'];
  let best: Separator = ',';
  for (const c of candidates) if (count(c) > count(best)) best = c;
  return best;
}

export interface CsvRecord {
  /** 1-based, as the row number Excel shows when it opens the file. */
  rowNo: number;
  cells: string[];
}

/** The records of CSV text, one at a time; a record of one empty field is an empty row. */
export function* csvRecords(text: string, separator: Separator = csvSeparator(text)): Generator<CsvRecord> {
  let rowNo = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const cells: string[] = [];
    let field = '';
    let ended = false;
    while (i < n && !ended) {
      const ch = text[i];
      if (ch === '"' && field === '') {
        // a quoted field: up to the closing quote, "" is one quote
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            field += text.slice(i);
            i = n;
            break;
          }
          field += text.slice(i, q);
          if (text[q + 1] === '"') {
            field += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        continue;
      }
      if (ch === separator) {
        cells.push(field);
        field = '';
        i++;
      } else if (ch === '\n' || ch === '\r') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        ended = true;
      } else {
        const next = nextSpecial(text, i, separator);
        field += text.slice(i, next);
        i = next;
      }
    }
    cells.push(field);
    rowNo++;
    yield { rowNo, cells };
  }
}

/** Index of the next separator, quote or line break at or after `from`. */
function nextSpecial(text: string, from: number, separator: string): number {
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === separator || c === '\n' || c === '\r' || c === '"') return j === from ? j + 1 : j;
  }
  return text.length;
}
