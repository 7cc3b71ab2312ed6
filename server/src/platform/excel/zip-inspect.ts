import type { ExcelLimits } from './excel-limits.ts';

/**
 * Reads a ZIP file's central directory without unpacking anything (APPNOTE 6.3.x), so an
 * upload can be judged by what it declares before any inflater or XML parser touches it.
 * Pure: bytes in, a verdict out.
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
}

export type ZipProblem =
  | { kind: 'not_zip' }
  | { kind: 'corrupt'; detail: string }
  | { kind: 'too_many_entries'; entries: number }
  | { kind: 'too_large_unpacked'; bytes: number }
  | { kind: 'suspicious_ratio'; entry: string; ratio: number };

export type ZipVerdict = { ok: true; entries: ZipEntry[] } | { ok: false; problem: ZipProblem };

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIR = 0x06054b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const MAX_COMMENT = 0xffff;
const U32_MAX = 0xffffffff;
const ZIP64_EXTRA = 0x0001;

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

const corrupt = (detail: string): ZipVerdict => ({ ok: false, problem: { kind: 'corrupt', detail } });

/** Sizes and offset from a ZIP64 extended-information extra field, for the fields that overflowed. */
function zip64Values(extra: Buffer, wanted: { size: boolean; csize: boolean; offset: boolean }) {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const len = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let p = at + 4;
      const end = p + len;
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

/** Every central directory entry, or why the bytes are not a readable ZIP. */
export function readCentralDirectory(buf: Buffer, maxEntries: number): ZipVerdict {
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
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    const nameEnd = p + CENTRAL_SIZE + nameLen;
    if (nameEnd + extraLen + commentLen > eocd) return corrupt(`central directory entry ${i} overruns`);
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + CENTRAL_SIZE, nameEnd);
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
    if (localHeaderOffset + 30 > buf.length || buf.readUInt32LE(localHeaderOffset) !== LOCAL_HEADER) {
      return corrupt(`entry ${name} points to no local header`);
    }
    entries.push({
      name,
      method,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      encrypted: (flags & 1) === 1,
    });
    p = nameEnd + extraLen + commentLen;
  }
  return { ok: true, entries };
}

/**
 * The zip-bomb check: refuses an archive whose declared unpacked size, entry count or any
 * entry's compression ratio is beyond the limits. (That entries really unpack to their
 * declared sizes is checked while inflating, in xlsx-peek.ts.)
 */
export function inspectZip(
  buf: Buffer,
  limits: Pick<ExcelLimits, 'maxEntries' | 'maxUncompressedBytes' | 'maxEntryRatio' | 'ratioCheckMinBytes'>,
): ZipVerdict {
  const dir = readCentralDirectory(buf, limits.maxEntries);
  if (!dir.ok) return dir;
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
  return dir;
}

/** Where an entry's data begins: after its local header, whose name and extra lengths may differ from the central copy. */
export function entryDataOffset(buf: Buffer, e: ZipEntry): number {
  const at = e.localHeaderOffset;
  return at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
}
