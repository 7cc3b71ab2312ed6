import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where file contents are kept, by storage key. Keys are random ids made by `newStorageKey`:
 * never a user's file name, so nothing a user sends chooses a path. Contents are only ever
 * read back as bytes and sent with their sniffed type; the store never interprets them.
 */
export interface FileStore {
  /** Writes the whole content under the key; readers never see a partly written file. */
  put(key: string, body: Buffer | Readable): Promise<void>;
  /** The content; rejects with `FileMissingError` when the key has none. */
  get(key: string): Promise<Readable>;
  /** Removes the content; no error when there is none. */
  delete(key: string): Promise<void>;
}

export class FileMissingError extends Error {
  override readonly name = 'FileMissingError';
}

const KEY = /^[0-9a-f]{32}$/;

/** A fresh random storage key (128 bits, hex). */
export const newStorageKey = (): string => randomBytes(16).toString('hex');

/**
 * Files on the local disk under `root`, fanned out by the key's first two characters
 * (`root/ab/ab12…`). A write goes to a temporary file in the same folder, is flushed, then
 * renamed into place: a crash leaves a stray temporary file, never a truncated content.
 */
export class LocalDiskStore implements FileStore {
  constructor(readonly root: string) {}

  /** The content's path; refuses anything that is not a storage key. */
  pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
    return join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, body: Buffer | Readable): Promise<void> {
    const path = this.pathOf(key);
    const dir = join(this.root, key.slice(0, 2));
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const tmp = join(dir, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, handle.createWriteStream());
      // createWriteStream closed the handle; reopen to flush the data before the rename
      const flush = await open(tmp, 'r+');
      try {
        await flush.sync();
      } finally {
        await flush.close();
      }
      await rename(tmp, path);
    } catch (e) {
      await handle.close().catch(() => {});
      await rm(tmp, { force: true });
      throw e;
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    const handle = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
      throw e.code === 'ENOENT' ? new FileMissingError(`No content for key ${key}`) : e;
    });
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
