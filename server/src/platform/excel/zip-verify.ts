import { crc32, createInflateRaw } from 'node:zlib';
import { entryDataOffset, type ZipEntry, type ZipRefusal } from './zip-inspect.ts';
import { rebuildZip } from './zip-rebuild.ts';

/**
 * Inflates the entries of an archive that passed `inspectZip`, each checked against its
 * central directory entry: never more bytes than declared (inflating stops at the first byte
 * beyond), exactly the declared size and CRC-32 at the end, and not an archive by its first
 * bytes. Once every entry is verified, `approvedBytes` re-emits them as a new archive: what a
 * parser then reads is exactly what was checked.
 */

/** Thrown while inflating an entry that does not hold what the directory declares. */
export class ZipEntryRefused extends Error {
  constructor(readonly problem: ZipRefusal) {
    super(
      `${problem.kind}: ${'entry' in problem ? problem.entry : 'detail' in problem ? problem.detail : ''}`,
    );
  }
}

const startsWith = (head: Buffer, bytes: number[], at = 0) =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);

/** First bytes of archive formats: ZIP (local, empty, spanned), gzip, bzip2, xz, zstd, 7-Zip, RAR, cabinet. */
const ARCHIVE_MAGIC: number[][] = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x50, 0x4b, 0x07, 0x08],
  [0x1f, 0x8b],
  [0x42, 0x5a, 0x68],
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
  [0x28, 0xb5, 0x2f, 0xfd],
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
  [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07],
  [0x4d, 0x53, 0x43, 0x46],
];
const TAR_MAGIC = [0x75, 0x73, 0x74, 0x61, 0x72]; // "ustar" at 257
const HEAD_BYTES = 262;

/** True if an entry's first bytes are those of an archive. */
export const looksLikeArchive = (head: Buffer) =>
  ARCHIVE_MAGIC.some((m) => startsWith(head, m)) || startsWith(head, TAR_MAGIC, 257);

export class VerifiedZip {
  private readonly verified = new Set<ZipEntry>();

  constructor(
    readonly buf: Buffer,
    readonly entries: ZipEntry[],
  ) {}

  /**
   * Inflates one entry chunk by chunk into `onChunk`; throws ZipEntryRefused as soon as it
   * exceeds its declared size or shows an archive's first bytes, and at its end if its size or
   * CRC-32 differs from the declared ones.
   */
  async inflate(e: ZipEntry, onChunk: (chunk: Buffer) => void): Promise<void> {
    const start = entryDataOffset(this.buf, e);
    const data = this.buf.subarray(start, start + e.compressedSize);
    let total = 0;
    let crc = 0;
    let head = Buffer.alloc(0);
    const take = (chunk: Buffer): ZipRefusal | undefined => {
      total += chunk.length;
      if (total > e.uncompressedSize) return { kind: 'entry_lies', entry: e.name };
      crc = crc32(chunk, crc);
      if (head.length < HEAD_BYTES) {
        head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
        if (looksLikeArchive(head)) return { kind: 'nested_archive', entry: e.name };
      }
      onChunk(chunk);
      return undefined;
    };
    if (e.method === 0) {
      const refused = take(data);
      if (refused) throw new ZipEntryRefused(refused);
    } else if (e.method === 8) {
      await new Promise<void>((resolve, reject) => {
        const inflater = createInflateRaw();
        inflater.on('data', (chunk: Buffer) => {
          let refused: ZipRefusal | undefined;
          try {
            refused = take(chunk);
          } catch (err) {
            inflater.destroy();
            reject(err);
            return;
          }
          if (refused) {
            inflater.destroy();
            reject(new ZipEntryRefused(refused));
          }
        });
        inflater.on('end', resolve);
        inflater.on('error', (err) =>
          reject(new ZipEntryRefused({ kind: 'corrupt', detail: `${e.name}: ${err.message}` })),
        );
        inflater.end(data);
      });
    } else {
      throw new ZipEntryRefused({ kind: 'corrupt', detail: `${e.name}: compression method ${e.method}` });
    }
    if (total !== e.uncompressedSize) {
      throw new ZipEntryRefused({
        kind: 'corrupt',
        detail: `${e.name} unpacks to ${total} bytes, not the ${e.uncompressedSize} declared`,
      });
    }
    if (crc >>> 0 !== e.crc32) {
      throw new ZipEntryRefused({ kind: 'corrupt', detail: `${e.name} fails its CRC-32 check` });
    }
    this.verified.add(e);
  }

  /** Inflates (and so checks) every entry not inflated yet, discarding the bytes. */
  async verifyRest(): Promise<void> {
    for (const e of this.entries) if (!this.verified.has(e)) await this.inflate(e, () => {});
  }

  /** The archive rebuilt from the verified entries only: nothing else of the upload reaches a parser. */
  approvedBytes(): Buffer {
    const unverified = this.entries.find((e) => !this.verified.has(e));
    if (unverified) throw new Error(`entry ${unverified.name} was not verified`);
    return rebuildZip(this.buf, this.entries);
  }
}
