import { readCentralDirectory, startsLikeZip } from '../excel/zip-inspect.ts';

/** What an upload is, judged by its bytes only (pure): the client's declared type is never used. */

export const JPEG = 'image/jpeg';
export const PNG = 'image/png';
export const WEBP = 'image/webp';
export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every type the platform stores, with the file-name extensions that go with it (first: the one added). */
export const FILE_TYPES: Readonly<Record<string, readonly string[]>> = {
  [JPEG]: ['jpg', 'jpeg'],
  [PNG]: ['png'],
  [WEBP]: ['webp'],
  [PDF]: ['pdf'],
  [DOCX]: ['docx'],
  [XLSX]: ['xlsx'],
};

/** Photos: what a browser shows inline. */
export const IMAGE_TYPES: readonly string[] = [JPEG, PNG, WEBP];
/** Evidence and documents: photos, PDF, Word and Excel. */
export const DOCUMENT_TYPES: readonly string[] = Object.keys(FILE_TYPES);

/** Human names of the types, for error messages. */
export const TYPE_NAMES: Readonly<Record<string, string>> = {
  [JPEG]: 'JPEG',
  [PNG]: 'PNG',
  [WEBP]: 'WebP',
  [PDF]: 'PDF',
  [DOCX]: 'Word (.docx)',
  [XLSX]: 'Excel (.xlsx)',
};

const startsWith = (buf: Buffer, bytes: readonly number[], at = 0) =>
  buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** An Office Open XML package: Word or Excel by its main part; anything else in a ZIP is refused. */
function officeType(buf: Buffer): string | null {
  const dir = readCentralDirectory(buf, 10_000);
  if (!dir.ok) return null;
  const names = new Set(dir.entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml')) return null;
  if (names.has('word/document.xml')) return DOCX;
  if (names.has('xl/workbook.xml')) return XLSX;
  return null;
}

/** The content type from the magic bytes, or null for anything not allowed. */
export function sniffContentType(buf: Buffer): string | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return WEBP;
  if (startsWith(buf, ascii('%PDF-'))) return PDF;
  if (startsLikeZip(buf)) return officeType(buf);
  return null;
}

/**
 * A file name fit to store and to send back: no folders, control or direction-override
 * characters, at most 200 characters, and an extension that matches the sniffed type.
 */
export function cleanFileName(raw: string | undefined, contentType: string): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  let name = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const exts = FILE_TYPES[contentType] ?? [];
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (!name) name = 'file';
  if (exts.length > 0 && (!ext || !exts.includes(ext))) name = `${name}.${exts[0]}`;
  const chars = [...name];
  if (chars.length <= 200) return name;
  const suffix = `.${exts[0] ?? ext ?? ''}`;
  return chars.slice(0, 200 - suffix.length).join('') + suffix;
}

/** Names of the accepted types, joined for a message. */
export const typeList = (types: readonly string[], lang: 'zh' | 'en') =>
  types.map((t) => TYPE_NAMES[t] ?? t).join(lang === 'zh' ? '、' : ', ');

/** Images are shown in the page; everything else downloads. */
export const isInline = (contentType: string) => IMAGE_TYPES.includes(contentType);
