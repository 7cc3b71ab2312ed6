import { entryDataOffset, FLAG_UTF8, nameBytes, type ZipEntry } from './zip-inspect.ts';

/**
 * A new archive holding exactly the given entries, in the order of their local offsets, with
 * their compressed data copied as is: plain local headers carrying the sizes and CRC-32 of the
 * central directory (no data descriptors, no extra fields, no comments), then a central
 * directory listing the same entries. Only for entries whose content was verified against
 * those sizes (VerifiedZip): a streaming parser reads the same bytes the checks read.
 */
export function rebuildZip(buf: Buffer, entries: ZipEntry[]): Buffer {
  const ordered = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  const names = ordered.map(nameBytes);
  let size = 22;
  ordered.forEach((e, i) => {
    size += 30 + 46 + 2 * (names[i]?.length ?? 0) + e.compressedSize;
  });
  const out = Buffer.alloc(size);
  const offsets: number[] = [];
  let p = 0;
  ordered.forEach((e, i) => {
    const name = names[i] ?? Buffer.alloc(0);
    offsets.push(p);
    out.writeUInt32LE(0x04034b50, p);
    out.writeUInt16LE(20, p + 4);
    out.writeUInt16LE(e.flags & FLAG_UTF8, p + 6);
    out.writeUInt16LE(e.method, p + 8);
    out.writeUInt16LE(0, p + 10); // time 00:00
    out.writeUInt16LE(0x21, p + 12); // date 1980-01-01
    out.writeUInt32LE(e.crc32, p + 14);
    out.writeUInt32LE(e.compressedSize, p + 18);
    out.writeUInt32LE(e.uncompressedSize, p + 22);
    out.writeUInt16LE(name.length, p + 26);
    out.writeUInt16LE(0, p + 28);
    name.copy(out, p + 30);
    p += 30 + name.length;
    const start = entryDataOffset(buf, e);
    p += buf.copy(out, p, start, start + e.compressedSize);
  });
  const dirStart = p;
  ordered.forEach((e, i) => {
    const name = names[i] ?? Buffer.alloc(0);
    out.writeUInt32LE(0x02014b50, p);
    out.writeUInt16LE(20, p + 4);
    out.writeUInt16LE(20, p + 6);
    out.writeUInt16LE(e.flags & FLAG_UTF8, p + 8);
    out.writeUInt16LE(e.method, p + 10);
    out.writeUInt16LE(0, p + 12);
    out.writeUInt16LE(0x21, p + 14);
    out.writeUInt32LE(e.crc32, p + 16);
    out.writeUInt32LE(e.compressedSize, p + 20);
    out.writeUInt32LE(e.uncompressedSize, p + 24);
    out.writeUInt16LE(name.length, p + 28);
    // extra, comment, disk, attributes: zero
    out.writeUInt32LE(offsets[i] ?? 0, p + 42);
    name.copy(out, p + 46);
    p += 46 + name.length;
  });
  out.writeUInt32LE(0x06054b50, p);
  out.writeUInt16LE(ordered.length, p + 8);
  out.writeUInt16LE(ordered.length, p + 10);
  out.writeUInt32LE(p - dirStart, p + 12);
  out.writeUInt32LE(dirStart, p + 16);
  return out;
}
