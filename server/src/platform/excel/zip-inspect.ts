import type { ExcelLimits } from './excel-limits.ts';

/**
 * Reads a ZIP file's central directory and walks its local entries without unpacking anything
 * (APPNOTE 6.3.x), so an upload can be judged by what it declares before any inflater or XML
 * parser touches it. Pure: bytes in, a verdict out. (Each entry's content is checked against
 * its declaration while it is inflated, in zip-verify.ts.)
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** General purpose flag bit 0. */
  encrypted: boolean;
  /** General purpose flags as the central directory has them (bit 11: the name is UTF-8). */
  flags: number;
  crc32: number;
}

export type ZipProblem =
  | { kind: 'not_zip' }
  | { kind: 'corrupt'; detail: string }
  | { kind: 'too_many_entries'; entries: number }
  | { kind: 'too_large_unpacked'; bytes: number }
  | { kind: 'suspicious_ratio'; entry: string; ratio: number };

/** An archive whose bytes say something other than its central directory: a parser could see what the checks did not. */
export type ZipTampering =
  /** Local entries or bytes the central directory does not list, overlapping or duplicate entries, a local header that disagrees with its directory entry. */
  | { kind: 'unlisted_data'; detail: string }
  /** An entry that unpacks to more than its declared size. */
  | { kind: 'entry_lies'; entry: string }
  /** An entry that is itself an archive (by name or by its first bytes). */
  | { kind: 'nested_archive'; entry: string };

export type ZipRefusal = ZipProblem | ZipTampering;

export type ZipVerdict = { ok: true; entries: ZipEntry[] } | { ok: false; problem: ZipRefusal };

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIR = 0x06054b50;
const DATA_DESCRIPTOR = 0x08074b50;
const EOCD_SIZE = 22;
const LOCAL_SIZE = 30;
const CENTRAL_SIZE = 46;
const MAX_COMMENT = 0xffff;
const U32_MAX = 0xffffffff;
const ZIP64_EXTRA = 0x0001;
const FLAG_DESCRIPTOR = 0x8;
export const FLAG_UTF8 = 0x800;

export const isTampering = (p: ZipRefusal): p is ZipTampering =>
  p.kind === 'unlisted_data' || p.kind === 'entry_lies' || p.kind === 'nested_archive';

/** True if the bytes begin with a ZIP local file header (`PK\x03\x04`). */
export const startsLikeZip = (buf: Uint8Array): boolean =>
  buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;

/** Offset of the End Of Central Directory record, searching back over a possible comment. */
export function findEndOfCentralDirectory(buf: Buffer): number {
  const lowest = Math.max(0, buf.length - EOCD_SIZE - MAX_COMMENT);
  for (let i = buf.length - EOCD_SIZE; i >= lowest; i--) {
    if (buf.readUInt32LE(i) === END_OF_CENTRAL_DIR) return i;
  }
  return -1;
}

const corrupt = (detail: string) => ({ ok: false as const, problem: { kind: 'corrupt' as const, detail } });
const unlisted = (detail: string) => ({
  ok: false as const,
  problem: { kind: 'unlisted_data' as const, detail },
});

/** Sizes and offset from a ZIP64 extended-information extra field, for the fields that overflowed. */
function zip64Values(extra: Buffer, wanted: { size: boolean; csize: boolean; offset: boolean }) {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const len = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let p = at + 4;
      const end = Math.min(p + len, extra.length);
      const next = () => {
        if (p + 8 > end) return undefined;
        const v = Number(extra.readBigUInt64LE(p));
        p += 8;
        return v;
      };
      return {
        size: wanted.size ? next() : undefined,
        csize: wanted.csize ? next() : undefined,
        offset: wanted.offset ? next() : undefined,
      };
    }
    at += 4 + len;
  }
  return undefined;
}

/** The central directory and where it lies, as the End Of Central Directory record says. */
interface Directory {
  entries: ZipEntry[];
  /** Where the directory starts, and where reading its entries ended. */
  offset: number;
  end: number;
  eocd: number;
}

function readDirectory(
  buf: Buffer,
  maxEntries: number,
): { ok: true; dir: Directory } | { ok: false; problem: ZipProblem } {
  if (!startsLikeZip(buf)) return { ok: false, problem: { kind: 'not_zip' } };
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) return corrupt('no end of central directory record');
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === U32_MAX || size === U32_MAX) {
    // ZIP64 archives: only needed beyond 65,535 entries or 4 GB, far past any limit of ours.
    return { ok: false, problem: { kind: 'too_many_entries', entries: count } };
  }
  if (count > maxEntries) return { ok: false, problem: { kind: 'too_many_entries', entries: count } };
  if (offset + size > eocd) return corrupt('central directory outside the file');
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + CENTRAL_SIZE > eocd || buf.readUInt32LE(p) !== CENTRAL_HEADER) {
      return corrupt(`central directory entry ${i} is malformed`);
    }
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc32 = buf.readUInt32LE(p + 16);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    const nameEnd = p + CENTRAL_SIZE + nameLen;
    if (nameEnd + extraLen + commentLen > eocd) return corrupt(`central directory entry ${i} overruns`);
    const name = buf.toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1', p + CENTRAL_SIZE, nameEnd);
    const wanted = {
      size: uncompressedSize === U32_MAX,
      csize: compressedSize === U32_MAX,
      offset: localHeaderOffset === U32_MAX,
    };
    if (wanted.size || wanted.csize || wanted.offset) {
      const z = zip64Values(buf.subarray(nameEnd, nameEnd + extraLen), wanted);
      if (!z) return corrupt(`entry ${name} lacks its ZIP64 sizes`);
      uncompressedSize = z.size ?? uncompressedSize;
      compressedSize = z.csize ?? compressedSize;
      localHeaderOffset = z.offset ?? localHeaderOffset;
    }
    if (localHeaderOffset + LOCAL_SIZE > buf.length || buf.readUInt32LE(localHeaderOffset) !== LOCAL_HEADER) {
      return corrupt(`entry ${name} points to no local header`);
    }
    entries.push({
      name,
      method,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      encrypted: (flags & 1) === 1,
      flags,
      crc32,
    });
    p = nameEnd + extraLen + commentLen;
  }
  return { ok: true, dir: { entries, offset, end: p, eocd } };
}

/** Every central directory entry, or why the bytes are not a readable ZIP. */
export function readCentralDirectory(buf: Buffer, maxEntries: number): ZipVerdict {
  const r = readDirectory(buf, maxEntries);
  return r.ok ? { ok: true, entries: r.dir.entries } : r;
}

/** Where an entry's data begins: after its local header, whose name and extra lengths may differ from the central copy. */
export function entryDataOffset(buf: Buffer, e: ZipEntry): number {
  const at = e.localHeaderOffset;
  return at + LOCAL_SIZE + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
}

/** The bytes of a name as the archive stores them. */
export const nameBytes = (e: ZipEntry) => Buffer.from(e.name, e.flags & FLAG_UTF8 ? 'utf8' : 'latin1');

/**
 * Where a local entry ends (header, name, extra field, data, data descriptor), or how its local
 * header or data descriptor disagrees with the central directory.
 */
function localEntryEnd(buf: Buffer, e: ZipEntry): number | string {
  const at = e.localHeaderOffset;
  const flags = buf.readUInt16LE(at + 6);
  const method = buf.readUInt16LE(at + 8);
  const crc = buf.readUInt32LE(at + 14);
  let csize = buf.readUInt32LE(at + 18);
  let usize = buf.readUInt32LE(at + 22);
  const nameLen = buf.readUInt16LE(at + 26);
  const extraLen = buf.readUInt16LE(at + 28);
  const nameEnd = at + LOCAL_SIZE + nameLen;
  const dataStart = nameEnd + extraLen;
  const dataEnd = dataStart + e.compressedSize;
  if (dataEnd > buf.length) return `the data of ${e.name} runs past the end of the file`;
  if (!buf.subarray(at + LOCAL_SIZE, nameEnd).equals(nameBytes(e))) {
    return `the local entry at ${at} is named otherwise than ${e.name} in the central directory`;
  }
  if (method !== e.method || (flags & 1) !== (e.flags & 1)) {
    return `the local header of ${e.name} disagrees with the central directory (method or encryption)`;
  }
  let zip64 = false;
  if (csize === U32_MAX || usize === U32_MAX) {
    const z = zip64Values(buf.subarray(nameEnd, dataStart), { size: true, csize: true, offset: false });
    if (z?.size === undefined || z.csize === undefined)
      return `the local header of ${e.name} lacks its ZIP64 sizes`;
    usize = z.size;
    csize = z.csize;
    zip64 = true;
  }
  if (!(flags & FLAG_DESCRIPTOR)) {
    if (crc !== e.crc32 || csize !== e.compressedSize || usize !== e.uncompressedSize) {
      return `the local header of ${e.name} declares other sizes than the central directory`;
    }
    return dataEnd;
  }
  // Sizes in a data descriptor after the data (streaming writers): the local fields are zero or the same.
  const agrees = (v: number, want: number) => v === 0 || v === want;
  if (!agrees(crc, e.crc32) || !agrees(csize, e.compressedSize) || !agrees(usize, e.uncompressedSize)) {
    return `the local header of ${e.name} declares other sizes than the central directory`;
  }
  const wide = zip64 ? 8 : 4;
  const matches = (p: number) => {
    if (p + 4 + 2 * wide > buf.length || buf.readUInt32LE(p) !== e.crc32) return false;
    const read = (q: number) => (wide === 8 ? Number(buf.readBigUInt64LE(q)) : buf.readUInt32LE(q));
    return read(p + 4) === e.compressedSize && read(p + 4 + wide) === e.uncompressedSize;
  };
  if (dataEnd + 4 <= buf.length && buf.readUInt32LE(dataEnd) === DATA_DESCRIPTOR && matches(dataEnd + 4)) {
    return dataEnd + 8 + 2 * wide;
  }
  if (matches(dataEnd)) return dataEnd + 4 + 2 * wide;
  return `the data descriptor of ${e.name} is missing or declares other sizes than the central directory`;
}

/**
 * The whole file must be the listed local entries, back to back from byte 0 in the order of
 * their offsets, then the central directory, then its end record and comment. Anything else
 * (a local entry the directory does not list, bytes between entries, entries sharing bytes) is
 * what a streaming parser would read and the directory hides.
 */
function checkLayout(buf: Buffer, dir: Directory): ZipVerdict {
  const byOffset = [...dir.entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let p = 0;
  for (const e of byOffset) {
    if (e.localHeaderOffset > p) {
      return unlisted(`${e.localHeaderOffset - p} bytes before ${e.name} are not in the central directory`);
    }
    if (e.localHeaderOffset < p) return unlisted(`${e.name} shares bytes with the entry before it`);
    const end = localEntryEnd(buf, e);
    if (typeof end === 'string') return unlisted(end);
    p = end;
  }
  if (p !== dir.offset) {
    return unlisted(`${dir.offset - p} bytes after the last entry are not in the central directory`);
  }
  if (dir.end !== dir.eocd) return unlisted('bytes between the central directory and its end record');
  if (dir.eocd + EOCD_SIZE + buf.readUInt16LE(dir.eocd + 20) !== buf.length) {
    return unlisted('bytes after the end of the archive');
  }
  return { ok: true, entries: dir.entries };
}

/** Names of archives (and Office files, which are ZIPs) that have no place inside a workbook. */
const ARCHIVE_NAME =
  /\.(zip|jar|war|apk|gz|tgz|bz2|xz|zst|lz|lzma|z|7z|rar|tar|cab|xlsx|xlsm|xlsb|xltx|xltm|docx|docm|pptx|pptm|odt|ods|odp)$/i;

/**
 * The zip-bomb check: refuses an archive whose declared unpacked size, entry count or any
 * entry's compression ratio is beyond the limits, that holds entries or bytes its central
 * directory does not list (or lists twice), or that names an archive among its entries.
 * (That entries really unpack to their declared sizes, and are not archives by content, is
 * checked while inflating, in zip-verify.ts.)
 */
export function inspectZip(
  buf: Buffer,
  limits: Pick<ExcelLimits, 'maxEntries' | 'maxUncompressedBytes' | 'maxEntryRatio' | 'ratioCheckMinBytes'>,
): ZipVerdict {
  const read = readDirectory(buf, limits.maxEntries);
  if (!read.ok) return read;
  const { dir } = read;
  let total = 0;
  for (const e of dir.entries) {
    total += e.uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      return { ok: false, problem: { kind: 'too_large_unpacked', bytes: total } };
    }
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > limits.ratioCheckMinBytes && ratio > limits.maxEntryRatio) {
      return { ok: false, problem: { kind: 'suspicious_ratio', entry: e.name, ratio: Math.round(ratio) } };
    }
  }
  const names = new Set<string>();
  for (const e of dir.entries) {
    if (names.has(e.name)) return unlisted(`${e.name} is listed twice`);
    names.add(e.name);
    if (ARCHIVE_NAME.test(e.name)) return { ok: false, problem: { kind: 'nested_archive', entry: e.name } };
  }
  return checkLayout(buf, dir);
}
